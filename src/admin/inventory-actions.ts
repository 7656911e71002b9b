import { storeToday } from '#src/inventory/queries.ts';
import type { StockLot } from '#src/inventory/schema.ts';
import { adjustLot, receiveLot, type StockWrite, setLotState } from '#src/inventory/service.ts';
import { setStockRules } from '#src/inventory/stock-rules.ts';
import { AppError } from '#src/lib/errors.ts';
import { recordAudit } from '#src/staff/audit.ts';
import { actorOf } from '#src/staff/current.ts';
import type { StaffUser } from '#src/staff/schema.ts';

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

// The pages and the API act through these, inside the caller's transaction, so that each change and its audit
// entry commit together (and, in the API, with the idempotency key that guards the request).

/** Receives a lot as a staff member. */
export async function receiveLotAs(
  w: StockWrite,
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
  const today = await storeToday(w.tx);
  const receivedOn = input.receivedOn ?? today;
  // Dates compare as text in YYYY-MM-DD.
  if (receivedOn > today) {
    throw new AppError('VALIDATION', `A lot cannot have arrived after today (${today}).`, {
      fields: { receivedOn: `must not be after today, ${today}` },
    });
  }
  const lot = await receiveLot(w, { ...input, receivedOn, staffId: staff.id });
  await recordAudit(w.tx, {
    staff: actorOf(staff),
    action: 'lot.receive',
    entityType: 'lot',
    entityId: lot.id,
    before: null,
    after: { ...auditViewOfLot(lot), receivedOn: lot.receivedOn },
  });
  return lot;
}

/** Adds units to a lot or takes them away, with the reason, as a staff member. */
export async function adjustLotAs(
  w: StockWrite,
  staff: StaffUser,
  input: { lotId: string; change: number; reason: string },
): Promise<StockLot> {
  const lot = await adjustLot(w, { ...input, staffId: staff.id });
  await recordAudit(w.tx, {
    staff: actorOf(staff),
    action: 'lot.adjust',
    entityType: 'lot',
    entityId: lot.id,
    before: { ...auditViewOfLot(lot), quantityOnHand: lot.quantityOnHand - input.change },
    after: { ...auditViewOfLot(lot), reason: input.reason },
  });
  return lot;
}

/** Quarantines a lot or releases it back to sale, with the reason, as a staff member. */
export async function setLotStateAs(
  w: StockWrite,
  staff: StaffUser,
  input: { lotId: string; state: StockLot['state']; reason: string },
): Promise<StockLot> {
  const lot = await setLotState(w, { ...input, staffId: staff.id });
  await recordAudit(w.tx, {
    staff: actorOf(staff),
    action: input.state === 'quarantined' ? 'lot.quarantine' : 'lot.release',
    entityType: 'lot',
    entityId: lot.id,
    before: { ...auditViewOfLot(lot), state: input.state === 'quarantined' ? 'sellable' : 'quarantined' },
    after: { ...auditViewOfLot(lot), reason: input.reason },
  });
  return lot;
}

/** Saves a product's stock rules as a staff member. */
export async function saveStockRulesAs(
  w: StockWrite,
  staff: StaffUser,
  input: { productId: string; minShelfLifeDays: number; lowStockThreshold: number },
): Promise<void> {
  const { before, after } = await setStockRules(w, input);
  await recordAudit(w.tx, {
    staff: actorOf(staff),
    action: 'stock-rules.update',
    entityType: 'stock-rules',
    entityId: input.productId,
    before,
    after,
  });
}
