CREATE TABLE "customer_mails" (
	"customer_id" uuid NOT NULL,
	"outbox_id" uuid NOT NULL,
	CONSTRAINT "customer_mails_customer_id_outbox_id_pk" PRIMARY KEY("customer_id","outbox_id")
);
--> statement-breakpoint
ALTER TABLE "customer_mails" ADD CONSTRAINT "customer_mails_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_mails" ADD CONSTRAINT "customer_mails_outbox_id_outbox_id_fk" FOREIGN KEY ("outbox_id") REFERENCES "public"."outbox"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customer_mails_outbox_idx" ON "customer_mails" USING btree ("outbox_id");