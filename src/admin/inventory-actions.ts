import { storeToday } from '#src/inventory/queries.ts';
import type { StockLot } from '#src/inventory/schema.ts';
import { adjustLot, receiveLot, setLotState } from '#src/inventory/service.ts';
import { setStockRules } from '#src/inventory/stock-rules.ts';
import { AppError } from '#src/lib/errors.ts';
import { recordAudit } from '#src/staff/audit.ts';
import { actorOf } from '#src/staff/current.ts';
import type { StaffUser } from '#src/staff/schema.ts';
import type { AppContext } from '#src/web/context.ts';

type Ctx = Pick<AppContext, 'db' | 'cache'>;

// What the audit log keeps of a lot: enough to recognise it without the ledger.
function auditViewOfLot(lot: StockLot) {
  return {
    productId: lot.productId,
    lotNumber: lot.lotNumber,
    expiresOn: lot.expiresOn,
    quantityOnHand: lot.quantityOnHand,
    state: lot.state,
  };
}

// The pages and the API act through these, so that each change and its audit entry commit together.

/** Receives a lot as a staff member. */
export function receiveLotAs(
  ctx: Ctx,
  staff: StaffUser,
  input: {
    productId: string;
    lotNumber: string;
    expiresOn: string | null;
    quantity: number;
    /** Today, the store's date, when not given. */
    receivedOn?: string | undefined;
  },
): Promise<StockLot> {
  return ctx.db.transaction(async (tx) => {
    const today = await storeToday(tx);
    const receivedOn = input.receivedOn ?? today;
    // Dates compare as text in YYYY-MM-DD.
    if (receivedOn > today) {
      throw new AppError('VALIDATION', `A lot cannot have arrived after today (${today}).`, {
        fields: { receivedOn: `must not be after today, ${today}` },
      });
    }
    const lot = await receiveLot({ tx, cache: ctx.cache }, { ...input, receivedOn, staffId: staff.id });
    await recordAudit(tx, {
      staff: actorOf(staff),
      action: 'lot.receive',
      entityType: 'lot',
      entityId: lot.id,
      before: null,
      after: { ...auditViewOfLot(lot), receivedOn: lot.receivedOn },
    });
    return lot;
  });
}

/** Adds units to a lot or takes them away, with the reason, as a staff member. */
export function adjustLotAs(
  ctx: Ctx,
  staff: StaffUser,
  input: { lotId: string; change: number; reason: string },
): Promise<StockLot> {
  return ctx.db.transaction(async (tx) => {
    const lot = await adjustLot({ tx, cache: ctx.cache }, { ...input, staffId: staff.id });
    await recordAudit(tx, {
      staff: actorOf(staff),
      action: 'lot.adjust',
      entityType: 'lot',
      entityId: lot.id,
      before: { ...auditViewOfLot(lot), quantityOnHand: lot.quantityOnHand - input.change },
      after: { ...auditViewOfLot(lot), reason: input.reason },
    });
    return lot;
  });
}

/** Quarantines a lot or releases it back to sale, with the reason, as a staff member. */
export function setLotStateAs(
  ctx: Ctx,
  staff: StaffUser,
  input: { lotId: string; state: StockLot['state']; reason: string },
): Promise<StockLot> {
  return ctx.db.transaction(async (tx) => {
    const lot = await setLotState({ tx, cache: ctx.cache }, { ...input, staffId: staff.id });
    await recordAudit(tx, {
      staff: actorOf(staff),
      action: input.state === 'quarantined' ? 'lot.quarantine' : 'lot.release',
      entityType: 'lot',
      entityId: lot.id,
      before: { ...auditViewOfLot(lot), state: input.state === 'quarantined' ? 'sellable' : 'quarantined' },
      after: { ...auditViewOfLot(lot), reason: input.reason },
    });
    return lot;
  });
}

/** Saves a product's stock rules as a staff member. */
export function saveStockRulesAs(
  ctx: Ctx,
  staff: StaffUser,
  input: { productId: string; minShelfLifeDays: number; lowStockThreshold: number },
): Promise<void> {
  return ctx.db.transaction(async (tx) => {
    const { before, after } = await setStockRules({ tx, cache: ctx.cache }, input);
    await recordAudit(tx, {
      staff: actorOf(staff),
      action: 'stock-rules.update',
      entityType: 'stock-rules',
      entityId: input.productId,
      before,
      after,
    });
  });
}
