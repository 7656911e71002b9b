import { eq } from 'drizzle-orm';
import { products } from '#src/catalog/schema.ts';
import { availableFor } from '#src/inventory/availability.ts';
import { lowStockAlert } from '#src/inventory/low-stock.ts';
import { findStockRules } from '#src/inventory/queries.ts';
import { defineJob } from '#src/jobs/definition.ts';
import { composeMail } from '#src/mail/compose.ts';
import { queueMail } from '#src/mail/outbox.ts';
import { hasPermission } from '#src/staff/permissions.ts';
import { listStaff } from '#src/staff/service.ts';
import { settingsOf } from '#src/store/settings.ts';
import type { AppContext } from '#src/web/context.ts';

export const LOW_STOCK_MAIL_KIND = 'inventory-low-stock';

/**
 * Writes the low-stock mail to every active staff member who keeps stock. The count is read when the mail is
 * written, so it says what is left now rather than at the sale that crossed the threshold.
 */
export async function mailLowStock(
  ctx: Pick<AppContext, 'db' | 'cache' | 'config' | 'log'>,
  payload: { productId: string; available: number },
): Promise<number> {
  const [product] = await ctx.db
    .select({ name: products.name, sku: products.sku })
    .from(products)
    .where(eq(products.id, payload.productId));
  if (!product) {
    ctx.log.warn({ productId: payload.productId }, 'low-stock mail for a product that no longer exists');
    return 0;
  }
  const recipients = (await listStaff(ctx.db)).filter((s) => s.isActive && hasPermission(s.role, 'inventory:manage'));
  if (recipients.length === 0) return 0;
  const [store, available, rules] = await Promise.all([
    settingsOf(ctx),
    availableFor(ctx.db, [payload.productId]),
    findStockRules(ctx.db, payload.productId),
  ]);
  const units = available.get(payload.productId) ?? payload.available;
  const url = `${ctx.config.baseUrl}/admin/inventory/${payload.productId}`;
  const subject = `${units === 0 ? 'Sold out' : 'Low stock'}: ${product.name} (${product.sku}) | ${store.name}`;
  const mails = await Promise.all(
    recipients.map(async (person) => {
      const { text, html } = await composeMail(store, {
        greeting: `Hello ${person.name || person.email},`,
        paragraphs: [
          units === 0
            ? `${product.name} (SKU ${product.sku}) has no units left to sell.`
            : `${product.name} (SKU ${product.sku}) is running low: ${units} ${units === 1 ? 'unit is' : 'units are'} available to sell, at or below its threshold of ${rules.lowStockThreshold}.`,
          'Receive a new lot to restock it; staff hear of the next dip once stock comes in.',
        ],
        action: { label: 'See its stock', url },
      });
      return { to: person.email, subject, text, html, kind: LOW_STOCK_MAIL_KIND };
    }),
  );
  // All or none: a retry after a failure never mails one person twice.
  await ctx.db.transaction(async (tx) => {
    for (const mail of mails) await queueMail(tx, mail);
  });
  return mails.length;
}

/** Runs the low-stock alert the inventory enqueues when a product's available units fall to its threshold. */
export const lowStockMailJob = defineJob({
  ...lowStockAlert,
  async run(ctx: AppContext, payload) {
    await mailLowStock(ctx, payload);
  },
});
