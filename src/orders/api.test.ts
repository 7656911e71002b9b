import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '#src/catalog/schema.ts';
import { createTestProduct } from '#src/catalog/test-factory.ts';
import { availableFor } from '#src/inventory/availability.ts';
import { createTestCustomer, createTestCustomerSession, createTestStaff } from '#src/licences/test-factory.ts';
import { outbox } from '#src/mail/schema.ts';
import { auditLog } from '#src/staff/schema.ts';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { placeTestOrder } from './test-factory.ts';

let store: TestStore;
let product: Product;
const tokens: Record<'owner' | 'admin' | 'staff' | 'alice' | 'bob', string> = {
  owner: '',
  admin: '',
  staff: '',
  alice: '',
  bob: '',
};
let alice: { id: string; email: string };

const bearer = (token: string, init: RequestInit = {}) => ({
  ...init,
  headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers },
});
const post = (token: string, body?: unknown, headers: Record<string, string> = {}) =>
  bearer(token, { method: 'POST', headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

beforeAll(async () => {
  store = await createTestStore({ template: 'empty' });
  product = await createTestProduct(store.ctx, { stock: 100, priceCents: 2500 });
  for (const role of ['owner', 'admin', 'staff'] as const)
    tokens[role] = (await createTestStaff(store.ctx.db, role)).token;
  const a = await createTestCustomer(store.ctx.db);
  const b = await createTestCustomer(store.ctx.db);
  alice = a;
  tokens.alice = await createTestCustomerSession(store.ctx.db, a.id);
  tokens.bob = await createTestCustomerSession(store.ctx.db, b.id);
});
afterAll(() => store.close());

function placeFor(customer: { id: string; email: string } | null, quantity = 1) {
  return placeTestOrder(store.ctx, {
    lines: [{ product, quantity }],
    ...(customer ? { customerId: customer.id, email: customer.email } : {}),
  });
}

describe('the store API', () => {
  it("lists a customer's own orders, newest first, in keyset pages, and shows one with lines and lots", async () => {
    const first = await placeFor(alice, 2);
    const second = await placeFor(alice);
    const third = await placeFor(alice);
    const page1 = await store.request('/api/store/orders?limit=2', bearer(tokens.alice));
    expect(page1.status).toBe(200);
    expect(page1.headers.get('cache-control')).toContain('no-store');
    const list1 = (await page1.json()) as { items: { number: string; itemCount: number }[]; nextCursor: string | null };
    expect(list1.items.map((o) => o.number)).toEqual([third.order.number, second.order.number]);
    expect(list1.items[0]!.itemCount).toBe(1);
    const page2 = await store.request(`/api/store/orders?limit=2&cursor=${list1.nextCursor}`, bearer(tokens.alice));
    const list2 = (await page2.json()) as { items: { number: string; itemCount: number }[]; nextCursor: string | null };
    expect(list2.items.map((o) => o.number)).toEqual([first.order.number]);
    expect(list2.items[0]!.itemCount).toBe(2);
    expect(list2.nextCursor).toBeNull();

    const res = await store.request(`/api/store/orders/${first.order.number}`, bearer(tokens.alice));
    expect(res.status).toBe(200);
    const order = (await res.json()) as Record<string, unknown> & {
      lines: {
        sku: string;
        quantity: number;
        unitPriceCents: number;
        lots: { lotNumber: string; quantity: number }[];
      }[];
      paymentInstructions: string[];
      history: unknown[];
    };
    expect(order).toMatchObject({ number: first.order.number, status: 'pending_payment', subtotalCents: 5000 });
    expect(order.lines[0]).toMatchObject({ sku: product.sku, quantity: 2, unitPriceCents: 2500 });
    expect(order.lines[0]!.lots[0]!.quantity).toBe(2);
    expect(order.paymentInstructions.length).toBeGreaterThan(0);
    expect(order.history).toHaveLength(1);
  });

  it("answers 404 for another customer's order and a guest's, 401 without a session, 400 for a bad cursor", async () => {
    const own = await placeFor(alice);
    const guest = await placeFor(null);
    expect((await store.request(`/api/store/orders/${own.order.number}`, bearer(tokens.bob))).status).toBe(404);
    expect((await store.request(`/api/store/orders/${guest.order.number}`, bearer(tokens.alice))).status).toBe(404);
    expect((await store.request('/api/store/orders/not-a-number', bearer(tokens.alice))).status).toBe(404);
    const bobs = (await (await store.request('/api/store/orders', bearer(tokens.bob))).json()) as { items: unknown[] };
    expect(bobs.items).toEqual([]);
    expect((await store.request('/api/store/orders')).status).toBe(401);
    expect((await store.request('/api/store/orders?cursor=bogus', bearer(tokens.alice))).status).toBe(400);
  });
});

describe('the admin API', () => {
  it('lets staff read orders but not move them; admins move them, each action audited and mailed', async () => {
    const { order } = await placeFor(alice);
    const url = `/api/admin/orders/${order.number}`;
    expect((await store.request(url, bearer(tokens.staff))).status).toBe(200);
    const refused = await store.request(`${url}/mark-paid`, post(tokens.staff));
    expect(refused.status).toBe(403);
    expect((await store.request(url)).status).toBe(401);
    expect((await store.request(url, bearer(tokens.alice))).status).toBe(401);

    const early = await store.request(`${url}/ship`, post(tokens.admin, { carrier: 'UPS', trackingNumber: '1Z1' }));
    expect(early.status).toBe(409);
    expect(((await early.json()) as { detail: string }).detail).toContain('mark it paid before shipping');

    const paid = await store.request(`${url}/mark-paid`, post(tokens.admin));
    expect(paid.status).toBe(200);
    expect(((await paid.json()) as { status: string }).status).toBe('paid');
    const shipped = await store.request(`${url}/ship`, post(tokens.admin, { carrier: 'UPS', trackingNumber: '1Z1' }));
    const shippedBody = (await shipped.json()) as { status: string; allowedActions: Record<string, boolean> };
    expect(shippedBody.status).toBe('shipped');
    expect(shippedBody.allowedActions).toEqual({ markPaid: false, ship: false, deliver: true, cancel: false });
    const delivered = await store.request(`${url}/deliver`, post(tokens.owner));
    expect(((await delivered.json()) as { status: string }).status).toBe('delivered');
    expect((await store.request(`${url}/cancel`, post(tokens.admin, { reason: 'Too late' }))).status).toBe(409);

    const audit = await store.ctx.db.select().from(auditLog).where(eq(auditLog.entityId, order.number));
    expect(audit.map((a) => a.action).sort()).toEqual(['order.deliver', 'order.mark-paid', 'order.ship']);
    const mails = await store.ctx.db.select().from(outbox).where(eq(outbox.to, alice.email));
    for (const kind of ['order-paid', 'order-shipped', 'order-delivered']) {
      expect(mails.some((m) => m.kind === kind && m.text.includes(order.number))).toBe(true);
    }
  });

  it('cancels with a reason, puts the stock back, and answers a retried request once', async () => {
    const { order } = await placeFor(null, 3);
    const before = (await availableFor(store.ctx.db, [product.id])).get(product.id)!;
    const key = { 'Idempotency-Key': `cancel-${order.number}` };
    const url = `/api/admin/orders/${order.number}/cancel`;
    const res = await store.request(url, post(tokens.admin, { reason: 'Customer changed their mind' }, key));
    expect(res.status).toBe(200);
    const again = await store.request(url, post(tokens.admin, { reason: 'Customer changed their mind' }, key));
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect((await availableFor(store.ctx.db, [product.id])).get(product.id)).toBe(before + 3);
    const cancelMails = await store.ctx.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.to, order.email), eq(outbox.kind, 'order-cancelled')));
    expect(cancelMails).toHaveLength(1);
  });

  it('refuses unknown fields, empty reasons and unknown orders', async () => {
    const { order } = await placeFor(null);
    const url = `/api/admin/orders/${order.number}`;
    expect((await store.request(`${url}/cancel`, post(tokens.admin, { reason: '' }))).status).toBe(400);
    expect(
      (await store.request(`${url}/ship`, post(tokens.admin, { carrier: 'UPS', trackingNumber: '1', status: 'x' })))
        .status,
    ).toBe(400);
    expect((await store.request('/api/admin/orders/FMS-99999999/mark-paid', post(tokens.admin))).status).toBe(404);
  });

  it('filters by status, payment method and dates, and searches by number, email and name', async () => {
    const named = await placeTestOrder(store.ctx, {
      lines: [{ product, quantity: 1 }],
      email: 'zelda.orders@example.com',
      address: { name: 'Zelda Quinterro' },
      paymentMethod: 'invoice',
    });
    const list = async (query: string) => {
      const res = await store.request(`/api/admin/orders?${query}`, bearer(tokens.staff));
      expect(res.status).toBe(200);
      return ((await res.json()) as { items: { number: string; status: string; paymentMethod: string }[] }).items;
    };
    expect((await list('q=quinterro')).map((o) => o.number)).toEqual([named.order.number]);
    expect((await list('q=zelda.orders')).map((o) => o.number)).toEqual([named.order.number]);
    expect((await list(`q=${named.order.number}`)).map((o) => o.number)).toEqual([named.order.number]);
    expect((await list('paymentMethod=invoice')).every((o) => o.paymentMethod === 'invoice')).toBe(true);
    expect((await list('status=processing')).map((o) => o.number)).toContain(named.order.number);
    expect((await list('status=delivered')).map((o) => o.number)).not.toContain(named.order.number);
    expect(await list('to=2020-01-01')).toEqual([]);
    expect((await list('from=2020-01-01&q=quinterro')).length).toBe(1);
    expect((await store.request('/api/admin/orders?from=yesterday', bearer(tokens.staff))).status).toBe(400);
    expect((await store.request('/api/admin/orders?status=lost', bearer(tokens.staff))).status).toBe(400);
    const page = (await (await store.request('/api/admin/orders?limit=1', bearer(tokens.staff))).json()) as {
      nextCursor: string;
    };
    expect(page.nextCursor).toBeTruthy();
  });
});
