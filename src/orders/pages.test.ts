import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '#src/catalog/schema.ts';
import { createTestProduct } from '#src/catalog/test-factory.ts';
import { createTestCustomer, createTestCustomerSession, createTestStaff } from '#src/licences/test-factory.ts';
import { outbox } from '#src/mail/schema.ts';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { createVisitor, type Visitor } from '#test/support/visitor.ts';
import { findOrder } from './queries.ts';
import { placeTestOrder } from './test-factory.ts';

let store: TestStore;
let product: Product;
let admin: Visitor;
let reader: Visitor;
let alice: Visitor;
let bob: Visitor;
let aliceId: string;
let aliceEmail: string;

beforeAll(async () => {
  store = await createTestStore({ template: 'empty' });
  product = await createTestProduct(store.ctx, { stock: 50, name: 'Copper Peptide Serum' });
  admin = createVisitor(store);
  admin.cookies.set('staff_sid', (await createTestStaff(store.ctx.db, 'admin')).token);
  reader = createVisitor(store);
  reader.cookies.set('staff_sid', (await createTestStaff(store.ctx.db, 'staff')).token);
  const a = await createTestCustomer(store.ctx.db);
  aliceId = a.id;
  aliceEmail = a.email;
  alice = createVisitor(store);
  alice.cookies.set('sid', await createTestCustomerSession(store.ctx.db, a.id));
  bob = createVisitor(store);
  bob.cookies.set('sid', await createTestCustomerSession(store.ctx.db, (await createTestCustomer(store.ctx.db)).id));
});
afterAll(() => store.close());

const placeForAlice = (quantity = 1) =>
  placeTestOrder(store.ctx, { customerId: aliceId, email: aliceEmail, lines: [{ product, quantity }] });

describe("the customer's order pages", () => {
  it('lists orders newest first and shows one with lots, history, addresses, totals and how to pay', async () => {
    const older = await placeForAlice();
    const { order } = await placeForAlice(2);
    const list = await alice.page('/account/orders');
    expect(list.indexOf(order.number)).toBeLessThan(list.indexOf(older.order.number));
    const page = await alice.page(`/account/orders/${order.number}`);
    expect(page).toContain('Copper Peptide Serum');
    expect(page).toContain(order.lines[0]!.lots[0]!.lotNumber);
    expect(page).toContain('How to pay');
    expect(page).toContain('Dana Whitfield');
    expect(page).toContain('$29.95');
    expect(page).toContain('Awaiting payment');
  });

  it("answers 404 for another customer's order and sends visitors to sign in", async () => {
    const { order } = await placeForAlice();
    expect((await bob.request(`/account/orders/${order.number}`)).status).toBe(404);
    const visitor = createVisitor(store);
    const res = await visitor.request(`/account/orders/${order.number}`);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toContain('/account/sign-in');
  });

  it("opens a guest's order with the token of the confirmation mail, and nothing without it", async () => {
    const { order, guestToken } = await placeTestOrder(store.ctx, { lines: [{ product, quantity: 1 }] });
    const visitor = createVisitor(store);
    const res = await visitor.request(`/orders/${order.number}?token=${guestToken}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(await res.text()).toContain(`Order ${order.number}`);
    expect((await visitor.request(`/orders/${order.number}`)).status).toBe(404);
    expect((await visitor.request(`/orders/${order.number}?token=${'x'.repeat(43)}`)).status).toBe(404);
    const other = await placeTestOrder(store.ctx, { lines: [{ product, quantity: 1 }] });
    expect((await visitor.request(`/orders/${other.order.number}?token=${guestToken}`)).status).toBe(404);
  });
});

describe("staff's order pages", () => {
  it('lists, filters and searches orders', async () => {
    const { order } = await placeTestOrder(store.ctx, {
      lines: [{ product, quantity: 1 }],
      address: { name: 'Imogen Vasquez-Hart' },
    });
    expect(await admin.page('/admin/orders')).toContain(order.number);
    const found = await admin.page('/admin/orders?q=vasquez');
    expect(found).toContain(order.number);
    expect(found.match(/FMS-\d+<\/a>/g)).toHaveLength(1);
    expect(await admin.page('/admin/orders?status=delivered')).not.toContain(order.number);
    expect((await admin.request('/admin/orders?from=not-a-date')).status).toBe(400);
  });

  it('moves an order with CSRF-protected forms, shows refusals, and prints a packing slip', async () => {
    const { order } = await placeForAlice(3);
    const path = `/admin/orders/${order.number}`;
    const page = await admin.page(path);
    expect(page).toContain('Mark paid');
    expect(page).not.toContain('Mark shipped');

    const forged = await admin.request(`${path}/mark-paid`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://evil.example' },
      body: '',
    });
    expect(forged.status).toBe(403);
    expect((await findOrder(store.ctx.db, order.number))!.status).toBe('pending_payment');

    const paid = await admin.submit(path, {}, `${path}/mark-paid`);
    expect(paid.status).toBe(303);
    expect(await admin.page(`${path}?done=mark-paid`)).toContain('Marked paid');
    const again = await admin.submit(path, {}, `${path}/mark-paid`);
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('already marked paid');

    const missing = await admin.submit(path, { carrier: 'UPS', trackingNumber: '' }, `${path}/ship`);
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain('Give the tracking number.');
    expect((await admin.submit(path, { carrier: 'UPS', trackingNumber: '1Z42' }, `${path}/ship`)).status).toBe(303);
    expect((await admin.submit(path, {}, `${path}/deliver`)).status).toBe(303);
    const done = await findOrder(store.ctx.db, order.number);
    expect(done!.status).toBe('delivered');
    expect(done!.history.map((h) => h.status)).toEqual(['pending_payment', 'paid', 'shipped', 'delivered']);

    const slip = await admin.page(`${path}/packing-slip`);
    expect(slip).toContain('Packing slip');
    expect(slip).toContain(order.lines[0]!.lots[0]!.lotNumber);
    expect(slip).toContain('No expiry');
    expect(slip).toContain('Dana Whitfield');
  });

  it('cancels from the page with a reason and tells the customer', async () => {
    const { order } = await placeForAlice();
    const path = `/admin/orders/${order.number}`;
    const empty = await admin.submit(path, { reason: '' }, `${path}/cancel`);
    expect(empty.status).toBe(400);
    expect((await admin.submit(path, { reason: 'Out of cold packs' }, `${path}/cancel`)).status).toBe(303);
    const mails = await store.ctx.db.select().from(outbox).where(eq(outbox.to, aliceEmail));
    expect(mails.some((m) => m.kind === 'order-cancelled' && m.text.includes('Out of cold packs'))).toBe(true);
    expect(await admin.page(path)).toContain('takes no further action');
  });

  it('lets the staff role read orders and slips but not act; customers are not staff', async () => {
    const { order } = await placeForAlice();
    const path = `/admin/orders/${order.number}`;
    const page = await reader.page(path);
    expect(page).not.toContain('Mark paid');
    expect((await reader.request(`${path}/packing-slip`)).status).toBe(200);
    expect((await reader.submit(path, {}, `${path}/mark-paid`)).status).toBe(403);
    expect((await alice.request('/admin/orders')).status).toBe(303);
    const dashboard = await admin.page('/admin');
    expect(dashboard).toContain('href="/admin/orders"');
    expect(dashboard).toMatch(
      /href="\/admin\/orders\?status=pending_payment">Awaiting payment<\/a><\/th>\s*<td class="num">\d+<\/td>/,
    );
  });
});
