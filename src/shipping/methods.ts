import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { settingsOf } from '#src/store/settings.ts';
import type { CacheBus } from '#src/web/cache-bus.ts';
import {
  SHIPPING_METHOD_CODES,
  type ShippingMethod,
  type ShippingMethodCode,
  shippingMethods,
  shippingRules,
} from './schema.ts';
import { expectedShipDate } from './ship-date.ts';

/** The cut-off hour when the rules row is missing (a store migrated without its seed). */
export const DEFAULT_CUTOFF_HOUR = 14;

/** The cache tag of answers that show the methods, emptied by every save. */
export const SHIPPING_METHODS_TAG = 'shipping-methods';

/** Whether a method keeps its parcel cold: the one a cart holding a refrigerated product must ship by. */
export function isRefrigeratedMethod(method: Pick<ShippingMethod, 'code'>): boolean {
  return method.code === 'refrigerated';
}

/** The methods shoppers may choose, in the order staff set; checkout and the store API list these. */
export function listShippingMethods(db: Db): Promise<ShippingMethod[]> {
  return db
    .select()
    .from(shippingMethods)
    .where(eq(shippingMethods.isActive, true))
    .orderBy(asc(shippingMethods.position), asc(shippingMethods.code));
}

/** Every method, offered or not, in the order staff set: what the staff page edits. */
export function listAllShippingMethods(db: Db): Promise<ShippingMethod[]> {
  return db.select().from(shippingMethods).orderBy(asc(shippingMethods.position), asc(shippingMethods.code));
}

/** The hour of the store's day before which an order ships the same business day. */
export async function getShippingCutoffHour(db: Db): Promise<number> {
  const [row] = await db.select({ hour: shippingRules.cutoffHour }).from(shippingRules).where(eq(shippingRules.id, 1));
  return row?.hour ?? DEFAULT_CUTOFF_HOUR;
}

export type ShippingRefusalCode = 'unknown-method' | 'method-not-offered' | 'refrigeration-required';

export type ShippingQuote =
  | { allowed: true; cents: number; method: ShippingMethod }
  | { allowed: false; code: ShippingRefusalCode; reason: string };

/** What the shopper pays for the method: the rate unless the subtotal reaches its free-above mark, plus the surcharge. */
export function shippingCentsOf(method: ShippingMethod, subtotalCents: number): number {
  const isFree = method.freeAboveCents !== null && subtotalCents >= method.freeAboveCents;
  // The surcharge pays for cold-chain packaging, which a large order needs as much as a small one.
  return (isFree ? 0 : method.rateCents) + method.surchargeCents;
}

/**
 * Prices a method for a cart from methods already read (all of them, or the active ones), for a caller that lists
 * them once. A cart holding a refrigerated product must ship refrigerated; a cart without one may choose
 * refrigerated too (it costs more and leaves only Monday to Wednesday, but nothing in it suffers).
 */
export function quoteShippingFrom(
  methods: readonly ShippingMethod[],
  o: { code: string; subtotalCents: number; hasRefrigerated: boolean },
): ShippingQuote {
  const method = methods.find((m) => m.code === o.code);
  if (!method) {
    return { allowed: false, code: 'unknown-method', reason: 'Choose standard, express or refrigerated shipping.' };
  }
  if (!method.isActive) {
    return {
      allowed: false,
      code: 'method-not-offered',
      reason: `${method.name} shipping is not offered at the moment.`,
    };
  }
  if (o.hasRefrigerated && !isRefrigeratedMethod(method)) {
    const cold = methods.find((m) => isRefrigeratedMethod(m) && m.isActive);
    return {
      allowed: false,
      code: 'refrigeration-required',
      reason: cold
        ? `Your cart holds products that must stay cold, which ship only by ${cold.name}. Choose it, or remove them.`
        : 'Your cart holds products that must stay cold, and refrigerated shipping is not offered at the moment. Remove them to order the rest.',
    };
  }
  return { allowed: true, cents: shippingCentsOf(method, o.subtotalCents), method };
}

/**
 * The shipping charge in cents of a cart by one method, or why the method is refused (unknown, not offered, or not
 * refrigerated for a cart that holds a refrigerated product), with the day's cut-off hour read in the same
 * statement. The one call checkout makes to price shipping and date it.
 */
export async function quoteShipping(
  db: Db,
  o: { code: string; subtotalCents: number; hasRefrigerated: boolean },
): Promise<ShippingQuote & { cutoffHour: number }> {
  const rows = await db
    .select({
      method: shippingMethods,
      cutoffHour: sql<
        number | null
      >`(select ${shippingRules.cutoffHour} from ${shippingRules} where ${shippingRules.id} = 1)`,
    })
    .from(shippingMethods)
    .orderBy(asc(shippingMethods.position), asc(shippingMethods.code));
  const methods = rows.map((row) => row.method);
  return { ...quoteShippingFrom(methods, o), cutoffHour: rows[0]?.cutoffHour ?? DEFAULT_CUTOFF_HOUR };
}

/** Every offered method with its price or refusal for one cart, for the page where the shopper chooses. */
export async function listShippingOptions(
  db: Db,
  o: { subtotalCents: number; hasRefrigerated: boolean },
): Promise<{ method: ShippingMethod; quote: ShippingQuote }[]> {
  const methods = await listShippingMethods(db);
  return methods.map((method) => ({ method, quote: quoteShippingFrom(methods, { ...o, code: method.code }) }));
}

export type ShippingMethodChange = Pick<
  ShippingMethod,
  'name' | 'description' | 'rateCents' | 'freeAboveCents' | 'surchargeCents' | 'isActive' | 'position'
>;

/** Writes every method given and the cut-off hour inside the caller's transaction; a method left out keeps what it had. */
export async function writeShippingSettings(
  tx: Db,
  o: { methods: Partial<Record<ShippingMethodCode, ShippingMethodChange>>; cutoffHour: number },
): Promise<void> {
  for (const code of SHIPPING_METHOD_CODES) {
    const change = o.methods[code];
    if (!change) continue;
    await tx
      .update(shippingMethods)
      .set({ ...change, updatedAt: new Date() })
      .where(eq(shippingMethods.code, code));
  }
  await tx
    .insert(shippingRules)
    .values({ id: 1, cutoffHour: o.cutoffHour })
    .onConflictDoUpdate({ target: shippingRules.id, set: { cutoffHour: o.cutoffHour, updatedAt: new Date() } });
}

/**
 * Saves every method and the cut-off hour in one transaction; `alsoInTransaction` runs in it too (the audit entry
 * exists exactly when the change does), and the store API's cached list goes.
 */
export function saveShippingSettings(
  ctx: { db: Db; cache: Pick<CacheBus, 'announce'> },
  o: { methods: Partial<Record<ShippingMethodCode, ShippingMethodChange>>; cutoffHour: number },
  alsoInTransaction?: (tx: Db) => Promise<void>,
): Promise<void> {
  return ctx.db.transaction(async (tx) => {
    await writeShippingSettings(tx, o);
    await alsoInTransaction?.(tx);
    await ctx.cache.announce(tx, { pages: [SHIPPING_METHODS_TAG] });
  });
}

/**
 * The day an order placed at `now` ships, by the store's time zone and cut-off hour as staff set them: what checkout
 * shows on review and keeps on the order (see `expectedShipDate` for the rules).
 */
export async function expectedShipDateOf(
  ctx: { db: Db; cache: CacheBus },
  o: { now: Date; isRefrigerated: boolean },
): Promise<string> {
  const [settings, cutoffHour] = await Promise.all([settingsOf(ctx), getShippingCutoffHour(ctx.db)]);
  return expectedShipDate({ now: o.now, timeZone: settings.timeZone, isRefrigerated: o.isRefrigerated, cutoffHour });
}
