import { asc, eq } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { AppError } from '#src/lib/errors.ts';
import { RATE_SCALE, type TaxRate, taxRates } from './schema.ts';
import { isTaxState, TAX_STATES, type TaxState } from './states.ts';

/** Every state's rate, by state code: what the staff page lists. */
export function listTaxRates(db: Db): Promise<TaxRate[]> {
  return db.select().from(taxRates).orderBy(asc(taxRates.state));
}

/** One state's rate; a state without a row (a store migrated without its seed) charges nothing. */
export async function findTaxRate(db: Db, state: TaxState): Promise<TaxRate> {
  const [row] = await db.select().from(taxRates).where(eq(taxRates.state, state));
  return row ?? { state, ratePer100k: 0, isShippingTaxed: false, updatedAt: new Date(0) };
}

/**
 * The tax on an amount at a rate, in whole cents, rounded half up (0.5 cent and more rounds to the next cent).
 * Integers throughout: amount times rate stays exact below 2^53 for any order under 4.5 billion dollars.
 */
export function taxOf(amountCents: number, ratePer100k: number): number {
  const product = amountCents * ratePer100k;
  if (!Number.isSafeInteger(product) || amountCents < 0) {
    throw new AppError('VALIDATION', 'The amount to tax must be a whole number of cents from 0.');
  }
  return Math.floor((product + RATE_SCALE / 2) / RATE_SCALE);
}

/**
 * The sales tax in cents of an order shipped to `state`: its rate applied once to the whole order (items, and
 * shipping where the state taxes it), rounded half up per order rather than per line, so the total is what the
 * rate says. Nothing for an exempt buyer (checkout decides, with `hasTaxExemption` of the licences). A state
 * outside the 50 and DC is refused: the store has no rate for it.
 */
export async function quoteTax(
  db: Db,
  o: { state: string; itemsCents: number; shippingCents: number; isExempt: boolean },
): Promise<number> {
  const state = o.state.trim().toUpperCase();
  if (!isTaxState(state)) {
    throw new AppError('VALIDATION', 'We ship to the 50 states and the District of Columbia only.', {
      fields: { state: 'Enter a US state or DC by its two-letter code, like AZ.' },
    });
  }
  if (o.isExempt) return 0;
  const rate = await findTaxRate(db, state);
  const taxable = o.itemsCents + (rate.isShippingTaxed ? o.shippingCents : 0);
  return taxOf(taxable, rate.ratePer100k);
}

/** A rate as the page shows it and staff type it: 7250 reads "7.25", 0 reads "0". */
export function formatTaxPercent(ratePer100k: number): string {
  const whole = Math.floor(ratePer100k / 1000);
  const decimals = String(ratePer100k % 1000)
    .padStart(3, '0')
    .replace(/0+$/, '');
  return decimals ? `${whole}.${decimals}` : String(whole);
}

/** Sets one state's rate; `alsoInTransaction` runs in the same transaction (the audit entry). */
export function saveTaxRate(
  db: Db,
  o: { state: TaxState; ratePer100k: number; isShippingTaxed: boolean },
  alsoInTransaction?: (tx: Db, before: TaxRate, after: TaxRate) => Promise<void>,
): Promise<TaxRate> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(taxRates).where(eq(taxRates.state, o.state)).for('update');
    const before = current ?? { state: o.state, ratePer100k: 0, isShippingTaxed: false, updatedAt: new Date(0) };
    const values = { ratePer100k: o.ratePer100k, isShippingTaxed: o.isShippingTaxed, updatedAt: new Date() };
    const [after] = await tx
      .insert(taxRates)
      .values({ state: o.state, ...values })
      .onConflictDoUpdate({ target: taxRates.state, set: values })
      .returning();
    await alsoInTransaction?.(tx, before, after!);
    return after!;
  });
}

/** The state's name, for messages and the page. */
export function stateName(state: TaxState): string {
  return TAX_STATES[state];
}
