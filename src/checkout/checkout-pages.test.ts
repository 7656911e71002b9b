import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAddress } from '#src/accounts/addresses/address-book.ts';
import { setCreditLimit } from '#src/accounts/business/terms.ts';
import { addFromPage, setAvailable, setPrice } from '#src/cart/test-helpers.ts';
import { type Product, products } from '#src/catalog/schema.ts';
import { createTestProduct } from '#src/catalog/test-factory.ts';
import { createTestCustomer, createTestCustomerSession } from '#src/licences/test-factory.ts';
import { findOrder } from '#src/orders/queries.ts';
import { orders } from '#src/orders/schema.ts';
import { saveTaxRate } from '#src/tax/rates.ts';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { createVisitor, type Visitor } from '#test/support/visitor.ts';

let store: TestStore;
let serum: Product;
let vial: Product;

const ADDRESS = {
  addressId: 'new',
  name: 'Dana Whitfield',
  line1: '410 Lakeshore Drive',
  line2: '',
  city: 'Tempe',
  state: 'AZ',
  postalCode: '85281',
  phone: '',
};

beforeAll(async () => {
  store = await createTestStore({ template: 'empty' });
  serum = await createTestProduct(store.ctx, { name: 'Calm Serum', priceCents: 2500, stock: 40 });
  vial = await createTestProduct(store.ctx, { name: 'Cold Vial', priceCents: 9000, storage: 'refrigerated' });
  await saveTaxRate(store.ctx.db, { state: 'AZ', ratePer100k: 5600, isShippingTaxed: false });
});
afterAll(() => store?.close());

async function orderCount(): Promise<number> {
  const [row] = await store.ctx.db.select({ n: sql<number>`count(*)::int` }).from(orders);
  return row!.n;
}

const tokens = new WeakMap<Visitor, string>();

/** Posts one step's form (or "Place order") as the browser would, with the token of the visitor's forms. */
async function post(visitor: Visitor, fields: Record<string, string>, action = '/checkout') {
  let token = tokens.get(visitor);
  if (!token) {
    token = /name="_csrf" value="([^"]+)"/.exec(await visitor.page('/cart'))![1]!;
    tokens.set(visitor, token);
  }
  const res = await visitor.request(action, {
    method: 'POST',
    body: new URLSearchParams({ _csrf: token, ...fields }),
    headers: { origin: new URL(store.config.baseUrl).origin },
  });
  return { res, body: res.status === 303 ? '' : await res.text() };
}

const hidden = (body: string, name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(body)?.[1];

async function guestWith(lines: [Product, number][]): Promise<Visitor> {
  const visitor = createVisitor(store);
  for (const [product, quantity] of lines)
    await addFromPage(store, visitor, { product: product.slug, quantity: String(quantity) });
  return visitor;
}

const GUEST = { email: 'dana@example.com', ...ADDRESS, shippingMethod: 'standard', paymentMethod: 'phone' };

describe('the checkout pages', () => {
  it('takes a guest through every step to an order with lots, never cached', async () => {
    const visitor = await guestWith([[serum, 2]]);
    expect(await visitor.page('/cart')).toContain('href="/checkout"');
    const first = await visitor.request('/checkout');
    expect(first.headers.get('cache-control')).toBe('private, no-store');
    expect(await first.text()).toContain('name="email"');

    const address = await post(visitor, { step: 'contact', email: 'dana@example.com' });
    expect(address.res.status).toBe(200);
    expect(address.body).toContain('name="line1"');
    expect(hidden(address.body, 'email')).toBe('dana@example.com');
    const shipping = await post(visitor, { step: 'address', email: 'dana@example.com', ...ADDRESS });
    expect(shipping.body).toContain('value="standard"');
    expect(shipping.body).toMatch(/Ships \w+day, \w+ \d+/);
    const payment = await post(visitor, {
      step: 'shipping',
      email: 'dana@example.com',
      ...ADDRESS,
      shippingMethod: 'standard',
    });
    expect(payment.body).toContain('Pay by phone or bank transfer');
    expect(payment.body).not.toContain('value="invoice"');
    const review = await post(visitor, { step: 'payment', ...GUEST });
    expect(review.res.status).toBe(200);
    // 2 × $25.00, $7.95 shipping, 5.6% of the items.
    expect(review.body).toContain('$50.00');
    expect(review.body).toContain('$7.95');
    expect(review.body).toContain('$2.80');
    expect(review.body).toContain('$60.75');
    const fingerprint = hidden(review.body, 'fingerprint')!;
    const idempotencyKey = hidden(review.body, 'idempotencyKey')!;
    expect(idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);

    const placed = await post(visitor, { step: 'review', ...GUEST, fingerprint, idempotencyKey }, '/checkout/place');
    expect(placed.res.status).toBe(303);
    const location = placed.res.headers.get('location')!;
    expect(location).toMatch(/^\/orders\/FMS-\d+\?token=/);
    const number = /FMS-\d+/.exec(location)![0];
    const order = await findOrder(store.ctx.db, number);
    expect(order).toMatchObject({ email: 'dana@example.com', totalCents: 6075, paymentMethod: 'phone' });
    expect(order!.lines[0]!.lots).toEqual([expect.objectContaining({ quantity: 2 })]);
    expect(await visitor.page(location)).toContain(number);
  });

  it('keeps what was typed on errors: a missing email, a bad ZIP, a refrigerated cart with standard shipping', async () => {
    const visitor = await guestWith([[vial, 1]]);
    const noEmail = await post(visitor, { step: 'contact', email: '' });
    expect(noEmail.res.status).toBe(422);
    expect(noEmail.body).toContain('Enter your email address.');

    const badZip = await post(visitor, { step: 'address', email: 'x@example.com', ...ADDRESS, postalCode: '8528' });
    expect(badZip.res.status).toBe(422);
    expect(badZip.body).toContain('Enter a ZIP code of 5 digits');
    expect(badZip.body).toContain('value="410 Lakeshore Drive"');
    expect(badZip.body).toContain('value="8528"');
    const badState = await post(visitor, { step: 'address', email: 'x@example.com', ...ADDRESS, state: 'ZZ' });
    expect(badState.body).toContain('Enter the two-letter code of a US state');

    const warm = await post(visitor, {
      step: 'shipping',
      email: 'x@example.com',
      ...ADDRESS,
      shippingMethod: 'standard',
    });
    expect(warm.res.status).toBe(422);
    expect(warm.body).toContain('must stay cold');
    expect(warm.body).toMatch(/value="standard" checked/);
    expect(hidden(warm.body, 'line1')).toBe('410 Lakeshore Drive');
  });

  it('returns to the review naming a price change, and places nothing', async () => {
    const product = await createTestProduct(store.ctx, { name: 'Price Mover', priceCents: 1000 });
    const visitor = await guestWith([[product, 1]]);
    const review = await post(visitor, { step: 'payment', ...GUEST });
    await setPrice(store, product.id, 1200);
    const before = await orderCount();
    const fields = {
      ...GUEST,
      fingerprint: hidden(review.body, 'fingerprint')!,
      idempotencyKey: hidden(review.body, 'idempotencyKey')!,
    };
    const placed = await post(visitor, fields, '/checkout/place');
    expect(placed.res.status).toBe(409);
    expect(placed.body).toContain('The price went up from $10.00 to $12.00');
    expect(placed.body).toContain('action="/checkout/place"');
    expect(await orderCount()).toBe(before);
  });

  it('places one order for a double submit of the review with the same key', async () => {
    const visitor = await guestWith([[serum, 1]]);
    const review = await post(visitor, { step: 'payment', ...GUEST });
    const fields = {
      ...GUEST,
      fingerprint: hidden(review.body, 'fingerprint')!,
      idempotencyKey: hidden(review.body, 'idempotencyKey')!,
    };
    const before = await orderCount();
    // Both at once, as a double-click sends them: on PostgreSQL the second waits for the first's key.
    const [first, second] = await Promise.all([
      post(visitor, fields, '/checkout/place'),
      post(visitor, fields, '/checkout/place'),
    ]);
    expect(first.res.status).toBe(303);
    expect(second.res.status).toBe(303);
    expect(second.res.headers.get('location')).toBe(first.res.headers.get('location'));
    expect(await orderCount()).toBe(before + 1);
  });

  it('offers invoice to a business with terms, showing its limit, and never to a client', async () => {
    const client = await createTestCustomer(store.ctx.db, { accountType: 'client' });
    const clientVisitor = createVisitor(store);
    clientVisitor.cookies.set('sid', await createTestCustomerSession(store.ctx.db, client.id));
    await addFromPage(store, clientVisitor, { product: serum.slug });
    const contact = await clientVisitor.page('/checkout');
    expect(contact).toContain(client.email);
    const clientPayment = await post(clientVisitor, { step: 'shipping', ...ADDRESS, shippingMethod: 'standard' });
    expect(clientPayment.body).not.toContain('value="invoice"');
    const refused = await post(clientVisitor, {
      step: 'payment',
      ...ADDRESS,
      shippingMethod: 'standard',
      paymentMethod: 'invoice',
    });
    expect(refused.res.status).toBe(422);
    expect(refused.body).toContain('Paying by invoice is for business accounts');

    const business = await createTestCustomer(store.ctx.db);
    await store.ctx.db.transaction((tx) => setCreditLimit(tx, { customerId: business.id, creditLimitCents: 500_000 }));
    const buyer = createVisitor(store);
    buyer.cookies.set('sid', await createTestCustomerSession(store.ctx.db, business.id));
    await addFromPage(store, buyer, { product: serum.slug });
    const saved = await createAddress(store.ctx.db, business.id, {
      ...ADDRESS,
      name: 'Lakeside Clinic',
      country: 'US',
      isDefaultShipping: true,
      isDefaultBilling: false,
    });
    const address = await post(buyer, { step: 'contact' });
    expect(address.body).toContain('Lakeside Clinic');
    expect(address.body).toMatch(new RegExp(`value="${saved.id}" checked`));
    const payment = await post(buyer, { step: 'shipping', addressId: saved.id, shippingMethod: 'standard' });
    expect(payment.body).toContain('value="invoice"');
    expect(payment.body).toContain('Credit limit $5,000.00');
    const review = await post(buyer, {
      step: 'payment',
      addressId: saved.id,
      shippingMethod: 'standard',
      paymentMethod: 'invoice',
    });
    expect(review.body).toContain('Lakeside Clinic');
    const placed = await post(
      buyer,
      {
        addressId: saved.id,
        shippingMethod: 'standard',
        paymentMethod: 'invoice',
        fingerprint: hidden(review.body, 'fingerprint')!,
        idempotencyKey: hidden(review.body, 'idempotencyKey')!,
      },
      '/checkout/place',
    );
    expect(placed.res.status).toBe(303);
    expect(placed.res.headers.get('location')).toMatch(/^\/account\/orders\/FMS-\d+$/);
  });

  it('returns to the review naming a product that sold out, with the rest still there', async () => {
    const scarce = await createTestProduct(store.ctx, { name: 'Scarce Mask', stock: 3 });
    const visitor = await guestWith([
      [serum, 1],
      [scarce, 1],
    ]);
    const review = await post(visitor, { step: 'payment', ...GUEST });
    await setAvailable(store, scarce.id, 0);
    const before = await orderCount();
    const fields = {
      ...GUEST,
      fingerprint: hidden(review.body, 'fingerprint')!,
      idempotencyKey: hidden(review.body, 'idempotencyKey')!,
    };
    const placed = await post(visitor, fields, '/checkout/place');
    expect(placed.res.status).toBe(409);
    expect(placed.body).toContain('Scarce Mask is sold out.');
    expect(placed.body).toContain('Out of stock since you added it.');
    expect(await orderCount()).toBe(before);
  });

  it('tells a guest with a professional product to sign in, and goes back a step keeping the choices', async () => {
    // A guest cannot add one; this one became professional-only after it was added.
    const kit = await createTestProduct(store.ctx, { name: 'Clinic Kit' });
    const visitor = await guestWith([
      [serum, 1],
      [kit, 1],
    ]);
    await store.ctx.db.update(products).set({ accessClass: 'professional' }).where(eq(products.id, kit.id));
    const contact = await visitor.page('/checkout');
    expect(contact).toContain('Some products in your cart cannot be ordered');
    expect(contact).toContain('href="/account/sign-in?next=%2Fcheckout"');
    const back = await post(visitor, { step: 'review', ...GUEST, back: 'shipping' });
    expect(back.res.status).toBe(200);
    expect(back.body).toMatch(/value="standard" checked/);
    expect(hidden(back.body, 'paymentMethod')).toBe('phone');
  });
});
