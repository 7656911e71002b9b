ALTER TYPE "public"."licence_type" ADD VALUE 'tax-exemption';--> statement-breakpoint
CREATE TABLE "shipping_methods" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"rate_cents" integer NOT NULL,
	"free_above_cents" integer,
	"surcharge_cents" integer DEFAULT 0 NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "shipping_methods_code_known" CHECK ("shipping_methods"."code" in ('standard', 'express', 'refrigerated')),
	CONSTRAINT "shipping_methods_rate_not_negative" CHECK ("shipping_methods"."rate_cents" >= 0),
	CONSTRAINT "shipping_methods_free_above_not_negative" CHECK ("shipping_methods"."free_above_cents" >= 0),
	CONSTRAINT "shipping_methods_surcharge_not_negative" CHECK ("shipping_methods"."surcharge_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "shipping_rules" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"cutoff_hour" integer DEFAULT 14 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "shipping_rules_one_row" CHECK ("shipping_rules"."id" = 1),
	CONSTRAINT "shipping_rules_cutoff_hour" CHECK ("shipping_rules"."cutoff_hour" between 0 and 23)
);
--> statement-breakpoint
CREATE TABLE "tax_rates" (
	"state" text PRIMARY KEY NOT NULL,
	"rate_per_100k" integer DEFAULT 0 NOT NULL,
	"is_shipping_taxed" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tax_rates_state_code" CHECK ("tax_rates"."state" ~ '^[A-Z]{2}$'),
	CONSTRAINT "tax_rates_rate_range" CHECK ("tax_rates"."rate_per_100k" between 0 and 20000)
);
--> statement-breakpoint
-- The three methods checkout offers, at US rates staff then adjust; refrigerated is $39.00 in all: $24.00 of
-- overnight service and a $15.00 cold-chain surcharge (insulated shipper, gel packs, indicator) never waived.
INSERT INTO "shipping_methods" ("code", "name", "description", "rate_cents", "free_above_cents", "surcharge_cents", "is_active", "position") VALUES
('standard', 'Standard', 'Ground, 2 to 5 business days. Free on orders of $150 or more.', 795, 15000, 0, true, 1),
('express', 'Express', 'Two business days by air.', 2495, NULL, 0, true, 2),
('refrigerated', 'Refrigerated overnight', 'Overnight in an insulated shipper at 2 to 8 °C, shipped Monday to Wednesday. Required for products that must stay cold.', 2400, NULL, 1500, true, 3);--> statement-breakpoint
INSERT INTO "shipping_rules" ("id", "cutoff_hour") VALUES (1, 14);--> statement-breakpoint
-- Every state and DC starts at 0 %: a store collects sales tax only where it is registered, and staff set those
-- states' rates. The rows exist so that every state reads the same way on the page and in a quote.
INSERT INTO "tax_rates" ("state") VALUES
('AL'), ('AK'), ('AZ'), ('AR'), ('CA'), ('CO'), ('CT'), ('DE'), ('DC'), ('FL'), ('GA'), ('HI'), ('ID'), ('IL'),
('IN'), ('IA'), ('KS'), ('KY'), ('LA'), ('ME'), ('MD'), ('MA'), ('MI'), ('MN'), ('MS'), ('MO'), ('MT'), ('NE'),
('NV'), ('NH'), ('NJ'), ('NM'), ('NY'), ('NC'), ('ND'), ('OH'), ('OK'), ('OR'), ('PA'), ('RI'), ('SC'), ('SD'),
('TN'), ('TX'), ('UT'), ('VT'), ('VA'), ('WA'), ('WV'), ('WI'), ('WY');
