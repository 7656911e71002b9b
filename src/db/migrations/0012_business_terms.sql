CREATE TABLE "business_terms" (
	"customer_id" uuid PRIMARY KEY NOT NULL,
	"credit_limit_cents" integer NOT NULL,
	"payment_terms_days" integer DEFAULT 30 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "business_terms_credit_limit_positive" CHECK ("business_terms"."credit_limit_cents" > 0)
);
--> statement-breakpoint
ALTER TABLE "business_terms" ADD CONSTRAINT "business_terms_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;