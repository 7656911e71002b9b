import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '#src/catalog/schema.ts';
import { createTestProduct } from '#src/catalog/test-factory.ts';
import { storeToday } from '#src/inventory/queries.ts';
import { addDays, startOfDayInZone } from '#src/lib/dates.ts';
import { createTestCustomer, createTestLicence, createTestStaff } from '#src/licences/test-factory.ts';
import { orders } from '#src/orders/schema.ts';
import { placeTestOrder } from '#src/orders/test-factory.ts';
import { getStoreSettings, saveStoreSettings } from '#src/store/settings.ts';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { createVisitor, type Visitor } from '#test/support/visitor.ts';
import { NO_STOCK, receiveTestLot } from './test-inventory.ts';

const ZONE = 'America/Denver';

let store: TestStore;
let admin: Visitor;
let reader: Visitor;
let serum: Product;
let balm: Product;
let today: string;

// The part of the dashboard that is one panel, from its opening tag to the next panel's.
function panelOf(page: string, id: string): string {
  const start = page.indexOf(`id="panel-${id}"`);
  if (start < 0) return '';
  const end = page.indexOf('<section class="dashboard-panel"', start);
  return page.slice(start, end < 0 ? undefined : end);
}

beforeAll(async () => {
  store = await createTestStore({ template: 'empty' });
  const { id: _id, updatedAt: _u, ...settings } = await getStoreSettings(store.ctx.db);
  await saveStoreSettings(store.ctx, { ...settings, timeZone: ZONE });
  today = await storeToday(store.ctx.db);
  admin = createVisitor(store);
  admin.cookies.set('staff_sid', (await createTestStaff(store.ctx.db, 'admin')).token);
  reader = createVisitor(store);
  reader.cookies.set('staff_sid', (await createTestStaff(store.ctx.db, 'staff')).token);

  serum = await createTestProduct(store.ctx, { name: 'Copper Peptide Serum', priceCents: 2500, stock: 100 });
  balm = await createTestProduct(store.ctx, { ...NO_STOCK, name: 'Barrier Repair Balm', priceCents: 1200 });
  await receiveTestLot(store.ctx, balm.id, { quantity: 6, expiresOn: addDays(today, 20), lotNumber: 'BRB-0420' });

  // Today: two orders of the serum (3 and 1 units) and one of the balm (2 units, leaving 4: below 5).
  await placeTestOrder(store.ctx, { lines: [{ product: serum, quantity: 3 }], shippingCents: 0 });
  await placeTestOrder(store.ctx, { lines: [{ product: serum, quantity: 1 }], shippingCents: 0 });
  await placeTestOrder(store.ctx, { lines: [{ product: balm, quantity: 2 }], shippingCents: 0 });
  // Placed one minute before today began where the store is: yesterday on its calendar, whatever UTC says.
  const late = await placeTestOrder(store.ctx, { lines: [{ product: serum, quantity: 1 }], shippingCents: 0 });
  await store.ctx.db
    .update(orders)
    .set({ placedAt: new Date(startOfDayInZone(today, ZONE).getTime() - 60_000) })
    .where(eq(orders.id, late.order.id));
  // Fifty days ago: in the 90-day figures only.
  const old = await placeTestOrder(store.ctx, { lines: [{ product: serum, quantity: 4 }], shippingCents: 0 });
  await store.ctx.db
    .update(orders)
    .set({ placedAt: startOfDayInZone(addDays(today, -50), ZONE), status: 'delivered' })
    .where(eq(orders.id, old.order.id));

  const customer = await createTestCustomer(store.ctx.db, { name: 'Dana Reyes' });
  await createTestLicence(store.ctx.db, customer.id, { status: 'pending' });
});
afterAll(() => store?.close());

describe('the admin dashboard', () => {
  it('charts sales by day on the store calendar, with the figures in a table beside the chart', async () => {
    const page = await admin.page('/admin');
    const sales = panelOf(page, 'sales');
    expect(sales).toContain(
      '<svg class="chart" viewBox="0 0 400 210" role="img" aria-labelledby="chart-sales-title chart-sales-desc">',
    );
    expect(sales).toContain('<title id="chart-sales-title">Sales by day, last 30 days</title>');
    expect(sales).toMatch(/<desc id="chart-sales-desc">\$149\.00 from 4 orders in the last 30 days/);
    // Today 3 x $25 + 1 x $25 + 2 x $12; yesterday (store time) the late order.
    expect(sales).toMatch(new RegExp(`${today}</a></th>\\s*<td class="num">3</td><td class="num">\\$124\\.00</td>`));
    expect(sales).toMatch(
      new RegExp(`${addDays(today, -1)}</a></th>\\s*<td class="num">1</td><td class="num">\\$25\\.00</td>`),
    );
    expect(sales).toContain(`href="/admin/orders?from=${addDays(today, -29)}&amp;to=${today}"`);
    expect(page).toContain('<a href="/admin?days=30" aria-current="page">30 days</a>');

    const ninety = panelOf(await admin.page('/admin?days=90'), 'sales');
    expect(ninety).toMatch(/\$249\.00<\/strong> from 5 orders/);
    expect(ninety).toContain('<title id="chart-sales-title">Sales by day, last 90 days</title>');
    expect((await admin.request('/admin?days=7')).status).toBe(400);
  });

  it('counts orders by state, each state linking to the orders list filtered by it', async () => {
    const states = panelOf(await admin.page('/admin'), 'order-states');
    expect(states).toContain('role="img" aria-labelledby="chart-order-states-title chart-order-states-desc"');
    expect(states).toMatch(
      /href="\/admin\/orders\?status=pending_payment">Awaiting payment<\/a><\/th>\s*<td class="num">4<\/td>/,
    );
    expect(states).toMatch(/href="\/admin\/orders\?status=delivered">Delivered<\/a><\/th>\s*<td class="num">1<\/td>/);
    const list = await admin.page('/admin/orders?status=pending_payment');
    expect(list.match(/FMS-\d+/g)?.length).toBeGreaterThanOrEqual(4);
  });

  it('ranks the products sold most in the period by units', async () => {
    const top = panelOf(await admin.page('/admin'), 'top-products');
    expect(top).toContain('<title id="chart-top-products-title">');
    expect(top.indexOf('Copper Peptide Serum')).toBeLessThan(top.indexOf('Barrier Repair Balm'));
    expect(top).toMatch(
      /Copper Peptide Serum <span class="sku">[^<]+<\/span><\/th>\s*<td class="num">5<\/td><td class="num">\$125\.00<\/td>/,
    );
    const ninety = panelOf(await admin.page('/admin?days=90'), 'top-products');
    expect(ninety).toMatch(/Copper Peptide Serum <span class="sku">[^<]+<\/span><\/th>\s*<td class="num">9<\/td>/);
  });

  it('lists low stock and lots expiring within 60 days, linking to the inventory', async () => {
    const page = await admin.page('/admin');
    const low = panelOf(page, 'low-stock');
    expect(low).toMatch(
      new RegExp(
        `href="/admin/inventory/${balm.id}">Barrier Repair Balm</a>.*?<td class="num">4</td><td class="num">5</td>`,
        's',
      ),
    );
    expect(low).not.toContain('Copper Peptide Serum');
    expect(low).toContain('href="/admin/inventory?stock=low"');
    const lowList = await admin.page('/admin/inventory?stock=low');
    expect(lowList).toContain('Barrier Repair Balm');
    expect(lowList).not.toContain('Copper Peptide Serum');
    expect(lowList).toContain('1 product at or below their low-stock threshold.');
    expect((await admin.request('/admin/inventory?stock=high')).status).toBe(400);
    const expiring = panelOf(page, 'expiring-lots');
    expect(expiring).toContain('<strong>1</strong> lot holding 4 units');
    expect(expiring).toContain('BRB-0420');
    expect(expiring).toContain(`${addDays(today, 20)}</span> <span class="lot-when">in 20 days</span>`);
    expect(expiring).toContain('<title id="chart-expiring-lots-title">');
    expect(expiring).toContain('href="/admin/inventory?expiring=60"');
  });

  it('lists licences waiting for review, linking to the queue', async () => {
    const licences = panelOf(await admin.page('/admin'), 'licences-waiting');
    expect(licences).toContain('<strong>1</strong> licence waiting for review');
    expect(licences).toContain('Dana Reyes');
    expect(licences).toContain('href="/admin/licences?status=pending"');
  });

  it("shows only the panels and downloads the staff member's role allows", async () => {
    const page = await reader.page('/admin');
    for (const id of ['sales', 'order-states', 'top-products', 'licences-waiting', 'outbox']) {
      expect(panelOf(page, id), id).not.toBe('');
    }
    for (const id of ['low-stock', 'expiring-lots', 'catalog']) expect(panelOf(page, id), id).toBe('');
    expect(page).toContain('href="/admin/exports/orders.csv"');
    expect(page).not.toContain('href="/admin/exports/stock.csv"');
    expect(page).not.toContain('href="/admin/exports/products.csv"');
    const adminPage = await admin.page('/admin');
    expect(panelOf(adminPage, 'catalog')).toMatch(/<strong>2<\/strong> products/);
    expect(adminPage).toContain('href="/admin/exports/stock.csv"');
  });
});
