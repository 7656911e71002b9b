import { and, asc, eq, lt } from 'drizzle-orm';
import { defineDailyJob } from '#src/jobs/definition.ts';
import { AppError } from '#src/lib/errors.ts';
import type { AppContext } from '#src/web/context.ts';
import { orders } from './schema.ts';
import { cancelOrder } from './transitions.ts';

/** How the audit log and the order's history name the job. */
export const UNPAID_ORDER_JOB_ACTOR = 'unpaid order job';

/**
 * Cancels phone orders still unpaid `orderPayDays` after they were placed, and puts their stock back. Each order
 * is cancelled in its own transaction, which locks it and checks its status again: an order staff marked paid
 * meanwhile is left alone, and a second run (or a second instance) finds nothing left to do.
 */
export async function cancelUnpaidOrders(
  ctx: Pick<AppContext, 'db' | 'cache' | 'config'>,
  now = new Date(),
): Promise<{ cancelled: string[] }> {
  const cutoff = new Date(now.getTime() - ctx.config.orderPayDays * 24 * 60 * 60 * 1000);
  const due = await ctx.db
    .select({ number: orders.number })
    .from(orders)
    .where(and(eq(orders.status, 'pending_payment'), eq(orders.paymentMethod, 'phone'), lt(orders.placedAt, cutoff)))
    .orderBy(asc(orders.seq));
  const cancelled: string[] = [];
  const reason = `Not paid within ${ctx.config.orderPayDays} days.`;
  for (const { number } of due) {
    try {
      await ctx.db.transaction(async (tx) => {
        const [order] = await tx.select().from(orders).where(eq(orders.number, number)).for('update');
        if (order?.status !== 'pending_payment') return;
        const by = { kind: 'system', label: UNPAID_ORDER_JOB_ACTOR } as const;
        await cancelOrder({ tx, cache: ctx.cache, config: ctx.config, by }, { number, reason });
        cancelled.push(number);
      });
    } catch (err) {
      // Another writer settled the order between the list and the lock: nothing is left to do for it.
      if (!(err instanceof AppError && err.code === 'CONFLICT')) throw err;
    }
  }
  return { cancelled };
}

/** Runs the unpaid-order cancellation once a day. */
export const unpaidOrdersJob = defineDailyJob({
  kind: 'orders-unpaid-cancel',
  async run(ctx: AppContext) {
    const { cancelled } = await cancelUnpaidOrders(ctx);
    ctx.log.info({ cancelled: cancelled.length }, 'unpaid orders cancelled');
  },
});
