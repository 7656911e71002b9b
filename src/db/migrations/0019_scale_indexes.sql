CREATE INDEX "products_active_category_idx" ON "products" USING btree ("category_id") WHERE "products"."status" = 'active';--> statement-breakpoint
CREATE INDEX "products_name_idx" ON "products" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "products_sku_trgm_idx" ON "products" USING gin ("sku" gin_trgm_ops);--> statement-breakpoint
-- Each sorted list's index carries the category (INCLUDE, which drizzle cannot declare), so a category's page far
-- down its list is found in the index alone, without reading every row above it.
DROP INDEX "products_status_name_idx";--> statement-breakpoint
CREATE INDEX "products_status_name_idx" ON "products" USING btree ("status","name","id") INCLUDE ("category_id");--> statement-breakpoint
DROP INDEX "products_status_price_idx";--> statement-breakpoint
CREATE INDEX "products_status_price_idx" ON "products" USING btree ("status","price_cents","id") INCLUDE ("category_id");--> statement-breakpoint
DROP INDEX "products_status_created_idx";--> statement-breakpoint
CREATE INDEX "products_status_created_idx" ON "products" USING btree ("status","created_at","id") INCLUDE ("category_id");
