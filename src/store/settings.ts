import { eq } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import type { CacheBus } from '#src/web/cache-bus.ts';
import { EVERYTHING } from '#src/web/page-cache.ts';
import { memoUntilWholeCacheGoes } from '#src/web/whole-cache-memo.ts';
import { type StoreSettings, storeSettings } from './schema.ts';

// Before the demo store or an operator has named the store, pages still need something to show.
export const DEFAULT_SETTINGS: StoreSettings = {
  id: 1,
  name: 'medstore',
  tagline: '',
  phone: '',
  email: '',
  address: '',
  timeZone: 'UTC',
  currency: 'USD',
  bankAccountHolder: '',
  bankName: '',
  bankAccountLines: '',
  returnWindowDays: 30,
  disclaimer:
    'All content on this site is for informational purposes only. It is not medical or legal advice. ' +
    'Please consult a licensed medical professional or a lawyer about your own situation.',
  heroHeading: '',
  heroText: '',
  heroProductSlug: '',
  pages: {},
  updatedAt: new Date(0),
};

/** The store's settings row, or the defaults when none was saved yet. */
export async function getStoreSettings(db: Db): Promise<StoreSettings> {
  const [row] = await db.select().from(storeSettings).where(eq(storeSettings.id, 1));
  return row ?? DEFAULT_SETTINGS;
}

/**
 * The store's settings as every page shows them: read once, and again after a save (which empties the whole page
 * cache), so a save shows on the next request.
 */
export const settingsOf = memoUntilWholeCacheGoes((ctx: { db: Db; cache: CacheBus }) => getStoreSettings(ctx.db));

/**
 * Creates or replaces the settings row; every page shows them, so every cached page goes. `alsoInTransaction`
 * runs in the same transaction (an audit entry of the change exists exactly when the change does).
 */
export function saveStoreSettings(
  ctx: { db: Db; cache: Pick<CacheBus, 'announce'> },
  values: Omit<StoreSettings, 'id' | 'updatedAt'>,
  alsoInTransaction?: (tx: Db, saved: StoreSettings) => Promise<void>,
): Promise<StoreSettings> {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(storeSettings)
      .values({ id: 1, ...values })
      .onConflictDoUpdate({ target: storeSettings.id, set: { ...values, updatedAt: new Date() } })
      .returning();
    await alsoInTransaction?.(tx, row!);
    await ctx.cache.announce(tx, { pages: [EVERYTHING] });
    return row!;
  });
}
