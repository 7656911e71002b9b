CREATE TYPE "public"."stock_ledger_kind" AS ENUM('receipt', 'allocation', 'release', 'adjustment', 'quarantine', 'unquarantine');--> statement-breakpoint
CREATE TYPE "public"."lot_state" AS ENUM('sellable', 'quarantined');--> statement-breakpoint
CREATE TABLE "stock_ledger" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"lot_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"kind" "stock_ledger_kind" NOT NULL,
	"quantity" integer NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"staff_id" uuid,
	"reference" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stock_lots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"product_id" uuid NOT NULL,
	"lot_number" text NOT NULL,
	"expires_on" date,
	"received_on" date NOT NULL,
	"quantity_received" integer NOT NULL,
	"quantity_on_hand" integer NOT NULL,
	"state" "lot_state" DEFAULT 'sellable' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stock_lots_product_lot_key" UNIQUE("product_id","lot_number"),
	CONSTRAINT "stock_lots_on_hand_not_negative" CHECK ("stock_lots"."quantity_on_hand" >= 0),
	CONSTRAINT "stock_lots_received_positive" CHECK ("stock_lots"."quantity_received" > 0)
);
--> statement-breakpoint
CREATE TABLE "stock_rules" (
	"product_id" uuid PRIMARY KEY NOT NULL,
	"min_shelf_life_days" integer DEFAULT 0 NOT NULL,
	"low_stock_threshold" integer DEFAULT 5 NOT NULL,
	"is_low_stock_alerted" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
ALTER TABLE "stock_ledger" ADD CONSTRAINT "stock_ledger_lot_id_stock_lots_id_fk" FOREIGN KEY ("lot_id") REFERENCES "public"."stock_lots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "stock_ledger_product_idx" ON "stock_ledger" USING btree ("product_id","created_at");--> statement-breakpoint
CREATE INDEX "stock_ledger_lot_idx" ON "stock_ledger" USING btree ("lot_id");--> statement-breakpoint
CREATE INDEX "stock_lots_product_idx" ON "stock_lots" USING btree ("product_id","expires_on");--> statement-breakpoint
CREATE INDEX "stock_lots_expires_idx" ON "stock_lots" USING btree ("expires_on");--> statement-breakpoint
-- The catalogue sits above the inventory, so these keys are declared here rather than in inventory/schema.ts
-- (docs/decisions/0009-inventory-below-the-catalogue.md). Products are archived, never deleted, while stock of
-- theirs exists.
ALTER TABLE "stock_lots" ADD CONSTRAINT "stock_lots_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE restrict;--> statement-breakpoint
ALTER TABLE "stock_ledger" ADD CONSTRAINT "stock_ledger_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE restrict;--> statement-breakpoint
ALTER TABLE "stock_rules" ADD CONSTRAINT "stock_rules_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade;--> statement-breakpoint
-- Each product's units on hand become one lot, received today, whose number says where it came from; its expiry
-- is unknown until staff adjust or replace it. The ledger starts with that receipt, so it adds up from the start.
INSERT INTO "stock_lots" ("product_id", "lot_number", "expires_on", "received_on", "quantity_received", "quantity_on_hand")
SELECT "id", 'OPENING-' || "sku", NULL, current_date, "stock_on_hand", "stock_on_hand" FROM "products" WHERE "stock_on_hand" > 0;--> statement-breakpoint
INSERT INTO "stock_ledger" ("lot_id", "product_id", "kind", "quantity", "reason")
SELECT "id", "product_id", 'receipt', "quantity_received", 'Opening stock, moved from the product record' FROM "stock_lots";
