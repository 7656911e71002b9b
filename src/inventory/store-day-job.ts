import { and, eq, gt, isNotNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '#src/db/client.ts';
import { defineDailyJob, defineJob, type JobContext } from '#src/jobs/definition.ts';
import { enqueueJob } from '#src/jobs/queue.ts';
import { addDays, dateInZone, startOfDayInZone } from '#src/lib/dates.ts';
import { getStoreSettings } from '#src/store/settings.ts';
import type { CacheBus } from '#src/web/cache-bus.ts';
import { announceStockChange } from './announce.ts';
import { stockLots, stockRules } from './schema.ts';

type StoreDayContext = JobContext & { cache: CacheBus };

// A lot counts as expired from the day its expiry, less the product's minimum shelf life, comes; a run that came
// a few days late still refreshes what it missed.
const CATCH_UP_DAYS = 3;

/**
 * At the start of each of the store's days, the pages of products with a lot that stopped being sellable that
 * day are refreshed. Availability itself needs no run: it is computed against the store's date on every read.
 */
export async function refreshPagesOfExpiredLots(ctx: StoreDayContext, day: string): Promise<string[]> {
  return ctx.db.transaction(async (tx) => {
    const cutoff = sql`${stockLots.expiresOn} - coalesce((select ${stockRules.minShelfLifeDays} from ${stockRules} where ${stockRules.productId} = ${stockLots.productId}), 0)`;
    const rows = await tx
      .selectDistinct({ productId: stockLots.productId })
      .from(stockLots)
      .where(
        and(
          isNotNull(stockLots.expiresOn),
          eq(stockLots.state, 'sellable'),
          gt(stockLots.quantityOnHand, 0),
          sql`${cutoff} between ${addDays(day, -CATCH_UP_DAYS)}::date and ${day}::date`,
        ),
      );
    const productIds = rows.map((row) => row.productId);
    await announceStockChange(tx, ctx.cache, { productIds, isStatusChanged: true });
    return productIds;
  });
}

/** Enqueues the run for the store's next day, at its midnight; once per day however many instances ask. */
async function scheduleNextStoreDay(db: Db, now = new Date()): Promise<void> {
  const { timeZone } = await getStoreSettings(db);
  const next = addDays(dateInZone(timeZone, now), 1);
  await enqueueJob(
    db,
    storeDayJob,
    { day: next },
    { uniqueKey: `${storeDayJob.kind}:${next}`, runAt: startOfDayInZone(next, timeZone) },
  );
}

export const storeDayJob = defineJob({
  kind: 'inventory.store-day',
  payload: z.object({ day: z.iso.date() }),
  async run(ctx: StoreDayContext, { day }) {
    await refreshPagesOfExpiredLots(ctx, day);
    await scheduleNextStoreDay(ctx.db);
  },
});

/** Keeps a store-day run scheduled, whatever the time zone and even after a day without a running store. */
export const storeDaySchedulerJob = defineDailyJob({
  kind: 'inventory.schedule-store-day',
  run: (ctx: StoreDayContext) => scheduleNextStoreDay(ctx.db),
});
