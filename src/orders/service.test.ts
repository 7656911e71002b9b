import { and, desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '#src/catalog/schema.ts';
import { createTestProduct } from '#src/catalog/test-factory.ts';
import { availableFor } from '#src/inventory/availability.ts';
import { stockLedger, stockLots } from '#src/inventory/schema.ts';
import { receiveLot } from '#src/inventory/service.ts';
import { addDays, todayUtc } from '#src/lib/dates.ts';
import { AppError } from '#src/lib/errors.ts';
import { createTestCustomer, createTestStaff } from '#src/licences/test-factory.ts';
import { outbox } from '#src/mail/schema.ts';
import { auditLog, type StaffUser } from '#src/staff/schema.ts';
import { getStoreSettings, saveStoreSettings } from '#src/store/settings.ts';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { orderCustomerData } from './customer-data.ts';
import { findGuestOrder, findOrder } from './queries.ts';
import { orders } from './schema.ts';
import { placeTestOrder } from './test-factory.ts';
import { cancelOrder, deliverOrder, markOrderPaid, type OrderWrite, shipOrder } from './transitions.ts';
import { cancelUnpaidOrders } from './unpaid-job.ts';

let store: TestStore;
let staff: StaffUser;

beforeAll(async () => {
  store = await createTestStore({ template: 'empty' });
  staff = (await createTestStaff(store.ctx.db, 'admin')).staff;
  const settings = await getStoreSettings(store.ctx.db);
  const { id: _id, updatedAt: _u, ...values } = settings;
  await saveStoreSettings(store.ctx, {
    ...values,
    name: 'Face Med Store',
    phone: '(800) 770-9083',
    bankAccountHolder: 'Face Med Store LLC',
    bankName: 'First Desert Bank',
    bankAccountLines: 'Routing 122105155\nAccount 000123456789',
  });
});
afterAll(() => store.close());

function act<T>(work: (w: OrderWrite) => Promise<T>): Promise<T> {
  return store.ctx.db.transaction((tx) =>
    work({ tx, cache: store.ctx.cache, config: store.config, by: { kind: 'staff', id: staff.id, email: staff.email } }),
  );
}

async function mailsTo(email: string) {
  return store.ctx.db.select().from(outbox).where(eq(outbox.to, email)).orderBy(desc(outbox.createdAt));
}

async function available(product: Product): Promise<number> {
  return (await availableFor(store.ctx.db, [product.id])).get(product.id)!;
}

// On hand equals the ledger: each lot's units are the sum of its rows.
async function expectLedgerToAddUp(product: Product) {
  const lots = await store.ctx.db.select().from(stockLots).where(eq(stockLots.productId, product.id));
  for (const lot of lots) {
    const [row] = await store.ctx.db
      .select({ total: sql<number>`coalesce(sum(${stockLedger.quantity}), 0)::int` })
      .from(stockLedger)
      .where(eq(stockLedger.lotId, lot.id));
    expect(row!.total, lot.lotNumber).toBe(lot.quantityOnHand);
  }
}

async function conflictOf(promise: Promise<unknown>): Promise<string> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe('CONFLICT');
  return (err as AppError).message;
}

describe('placing an order', () => {
  it('records lines with their lots (first expiry first), the first history entry and the confirmation mail', async () => {
    const serum = await createTestProduct(store.ctx, { stock: 0, priceCents: 4500 });
    const w = { tx: store.ctx.db, cache: store.ctx.cache };
    await store.ctx.db.transaction((tx) =>
      receiveLot(
        { ...w, tx },
        {
          productId: serum.id,
          lotNumber: 'LATE',
          expiresOn: addDays(todayUtc(), 400),
          quantity: 5,
          receivedOn: todayUtc(),
        },
      ),
    );
    await store.ctx.db.transaction((tx) =>
      receiveLot(
        { ...w, tx },
        {
          productId: serum.id,
          lotNumber: 'SOON',
          expiresOn: addDays(todayUtc(), 40),
          quantity: 2,
          receivedOn: todayUtc(),
        },
      ),
    );
    const customer = await createTestCustomer(store.ctx.db);
    const { order, guestToken } = await placeTestOrder(store.ctx, {
      customerId: customer.id,
      email: customer.email,
      lines: [{ product: serum, quantity: 3 }],
    });
    expect(guestToken).toBeNull();
    expect(order.number).toMatch(/^FMS-\d{5,}$/);
    expect(order.status).toBe('pending_payment');
    expect(order.totalCents).toBe(3 * 4500 + 995);
    expect(order.lines[0]!.lots.map((l) => [l.lotNumber, l.quantity])).toEqual([
      ['SOON', 2],
      ['LATE', 1],
    ]);
    expect(order.history.map((h) => [h.status, h.actor])).toEqual([['pending_payment', 'customer']]);
    const [mail] = await mailsTo(customer.email);
    expect(mail!.kind).toBe('order-confirmation');
    expect(mail!.text).toContain(order.number);
    expect(mail!.text).toContain('(800) 770-9083');
    expect(mail!.text).toContain('First Desert Bank');
    expect(mail!.text).toContain(`/account/orders/${order.number}`);
    const ledger = await store.ctx.db.select().from(stockLedger).where(eq(stockLedger.reference, order.number));
    expect(ledger.reduce((sum, r) => sum + r.quantity, 0)).toBe(-3);
    // The order is answered from what its inserts returned: exactly what reading it back gives.
    expect(order).toEqual(await findOrder(store.ctx.db, order.number));
  });

  it('gives a guest a token link that opens the order, and nothing else does', async () => {
    const product = await createTestProduct(store.ctx);
    const { order, guestToken } = await placeTestOrder(store.ctx, { lines: [{ product, quantity: 1 }] });
    expect(guestToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [mail] = await mailsTo(order.email);
    expect(mail!.text).toContain(`/orders/${order.number}?token=${guestToken}`);
    expect((await findGuestOrder(store.ctx.db, order.number, guestToken!))?.id).toBe(order.id);
    const tampered = `${guestToken!.slice(0, 42)}${guestToken!.endsWith('A') ? 'B' : 'A'}`;
    expect(await findGuestOrder(store.ctx.db, order.number, tampered)).toBeUndefined();
    const [row] = await store.ctx.db.select().from(orders).where(eq(orders.id, order.id));
    expect(row!.guestTokenHash).not.toContain(guestToken!);
  });

  it('starts an invoice order in processing with the due date in its mail', async () => {
    const product = await createTestProduct(store.ctx);
    const { order } = await placeTestOrder(store.ctx, { paymentMethod: 'invoice', lines: [{ product, quantity: 1 }] });
    expect(order.status).toBe('processing');
    const [mail] = await mailsTo(order.email);
    expect(mail!.text).toContain('net 30');
  });
});

describe('moving an order', () => {
  it('marks paid, ships and delivers a phone order, each with history, audit and a mail', async () => {
    const product = await createTestProduct(store.ctx);
    const { order } = await placeTestOrder(store.ctx, { lines: [{ product, quantity: 2 }] });
    const message = await conflictOf(
      act((w) => shipOrder(w, { number: order.number, carrier: 'UPS', trackingNumber: '1Z999' })),
    );
    expect(message).toContain('mark it paid before shipping');
    const paid = await act((w) => markOrderPaid(w, { number: order.number }));
    expect(paid.status).toBe('paid');
    expect(await conflictOf(act((w) => markOrderPaid(w, { number: order.number })))).toContain('already marked paid');
    expect(await conflictOf(act((w) => deliverOrder(w, { number: order.number })))).toContain('has not shipped');
    const shipped = await act((w) => shipOrder(w, { number: order.number, carrier: 'UPS', trackingNumber: '1Z999' }));
    expect(shipped.status).toBe('shipped');
    expect(await conflictOf(act((w) => cancelOrder(w, { number: order.number, reason: 'x' })))).toContain(
      'can no longer be cancelled',
    );
    const delivered = await act((w) => deliverOrder(w, { number: order.number }));
    expect(delivered.status).toBe('delivered');
    expect(delivered.history.map((h) => h.status)).toEqual(['pending_payment', 'paid', 'shipped', 'delivered']);
    expect(delivered.history[2]!.staffName).toBe(staff.name);
    const kinds = (await mailsTo(order.email)).map((m) => m.kind).sort();
    expect(kinds).toEqual(['order-confirmation', 'order-delivered', 'order-paid', 'order-shipped']);
    const shippedMail = (await mailsTo(order.email)).find((m) => m.kind === 'order-shipped');
    expect(shippedMail!.text).toContain('1Z999');
    const audit = await store.ctx.db.select().from(auditLog).where(eq(auditLog.entityId, order.number));
    expect(audit.map((a) => a.action).sort()).toEqual(['order.deliver', 'order.mark-paid', 'order.ship']);
    expect(audit.every((a) => a.staffId === staff.id)).toBe(true);
  });

  it('ships an invoice order before payment and records the payment later without moving it back', async () => {
    const product = await createTestProduct(store.ctx);
    const { order } = await placeTestOrder(store.ctx, { paymentMethod: 'invoice', lines: [{ product, quantity: 1 }] });
    await act((w) => shipOrder(w, { number: order.number, carrier: 'FedEx', trackingNumber: '7712' }));
    const paid = await act((w) => markOrderPaid(w, { number: order.number }));
    expect(paid.status).toBe('shipped');
    expect(paid.paidAt).not.toBeNull();
  });

  it('cancels with a reason and puts every unit back in its lot, the ledger adding up', async () => {
    const a = await createTestProduct(store.ctx, { stock: 10 });
    const b = await createTestProduct(store.ctx, { stock: 4 });
    const { order } = await placeTestOrder(store.ctx, {
      lines: [
        { product: a, quantity: 3 },
        { product: b, quantity: 4 },
      ],
    });
    expect([await available(a), await available(b)]).toEqual([7, 0]);
    const cancelled = await act((w) => cancelOrder(w, { number: order.number, reason: 'Customer asked' }));
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.cancelReason).toBe('Customer asked');
    expect([await available(a), await available(b)]).toEqual([10, 4]);
    await expectLedgerToAddUp(a);
    await expectLedgerToAddUp(b);
    const releases = await store.ctx.db
      .select()
      .from(stockLedger)
      .where(and(eq(stockLedger.reference, order.number), eq(stockLedger.kind, 'release')));
    expect(releases.reduce((sum, r) => sum + r.quantity, 0)).toBe(7);
    const mail = (await mailsTo(order.email)).find((m) => m.kind === 'order-cancelled');
    expect(mail!.text).toContain('Customer asked');
    expect(await conflictOf(act((w) => cancelOrder(w, { number: order.number, reason: 'again' })))).toContain(
      'already cancelled',
    );
    expect(await conflictOf(act((w) => markOrderPaid(w, { number: order.number })))).toContain('was cancelled');
    expect(await available(a)).toBe(10);
  });

  it('cancels once when two staff cancel at the same moment, and releases the stock once', async () => {
    const product = await createTestProduct(store.ctx, { stock: 10 });
    const { order } = await placeTestOrder(store.ctx, { lines: [{ product, quantity: 4 }] });
    const results = await Promise.allSettled([
      act((w) => cancelOrder(w, { number: order.number, reason: 'First' })),
      act((w) => cancelOrder(w, { number: order.number, reason: 'Second' })),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((refused.reason as AppError).code).toBe('CONFLICT');
    expect(await available(product)).toBe(10);
    await expectLedgerToAddUp(product);
  });

  it('answers 404 for an order that does not exist', async () => {
    const err = await act((w) => markOrderPaid(w, { number: 'FMS-99999999' })).catch((e: unknown) => e);
    expect((err as AppError).code).toBe('NOT_FOUND');
  });
});

describe('the unpaid-order job', () => {
  it('cancels phone orders unpaid after the days allowed, releases their stock, and does it once', async () => {
    const product = await createTestProduct(store.ctx, { stock: 20 });
    const old = await placeTestOrder(store.ctx, { lines: [{ product, quantity: 2 }] });
    const oldInvoice = await placeTestOrder(store.ctx, { paymentMethod: 'invoice', lines: [{ product, quantity: 1 }] });
    const oldPaid = await placeTestOrder(store.ctx, { lines: [{ product, quantity: 1 }] });
    const recent = await placeTestOrder(store.ctx, { lines: [{ product, quantity: 1 }] });
    await act((w) => markOrderPaid(w, { number: oldPaid.order.number }));
    const eightDaysAgo = new Date(Date.now() - 8 * 24 * 60 * 60 * 1000);
    for (const o of [old, oldInvoice, oldPaid]) {
      await store.ctx.db.update(orders).set({ placedAt: eightDaysAgo }).where(eq(orders.id, o.order.id));
    }
    expect(await available(product)).toBe(15);
    const first = await cancelUnpaidOrders(store.ctx);
    expect(first.cancelled).toContain(old.order.number);
    expect(first.cancelled).not.toContain(oldInvoice.order.number);
    expect(first.cancelled).not.toContain(oldPaid.order.number);
    expect(first.cancelled).not.toContain(recent.order.number);
    expect(await available(product)).toBe(17);
    expect((await cancelUnpaidOrders(store.ctx)).cancelled).toEqual([]);
    expect(await available(product)).toBe(17);
    const after = await findOrder(store.ctx.db, old.order.number);
    expect(after!.status).toBe('cancelled');
    expect(after!.history.at(-1)!.actor).toBe('system');
    expect((await mailsTo(old.order.email)).filter((m) => m.kind === 'order-cancelled')).toHaveLength(1);
    const [audit] = await store.ctx.db.select().from(auditLog).where(eq(auditLog.entityId, old.order.number));
    expect(audit!.actorEmail).toBe('unpaid order job');
    await expectLedgerToAddUp(product);
  });
});

describe("a customer's data", () => {
  it('exports their orders with lots, and anonymises them when the account goes, keeping lines and tax state', async () => {
    const product = await createTestProduct(store.ctx);
    const customer = await createTestCustomer(store.ctx.db);
    const { order } = await placeTestOrder(store.ctx, {
      customerId: customer.id,
      email: customer.email,
      lines: [{ product, quantity: 1 }],
    });
    const exported = (await orderCustomerData.exportOf(store.ctx.db, customer.id)) as { number: string }[];
    expect(exported.map((o) => o.number)).toEqual([order.number]);
    await store.ctx.db.transaction((tx) => orderCustomerData.erase(tx, customer.id, store.ctx));
    const after = await findOrder(store.ctx.db, order.number);
    expect(after!.email).toBe('erased@deleted.invalid');
    expect(after!.shippingAddress).toMatchObject({ name: '', line1: '', phone: '', state: 'AZ', postalCode: '85016' });
    expect(after!.lines[0]!.lots).toHaveLength(1);
  });
});
