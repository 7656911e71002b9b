import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestProduct } from '#src/catalog/test-factory.ts';
import { createTestStaff } from '#src/licences/test-factory.ts';
import { placeTestOrder } from '#src/orders/test-factory.ts';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { createVisitor, type Visitor } from '#test/support/visitor.ts';
import { NO_STOCK, receiveTestLot } from './test-inventory.ts';

let store: TestStore;
let admin: Visitor;
let reader: Visitor;
let orderNumber: string;

const TRAP = '=HYPERLINK("http://evil.example","Click")';

beforeAll(async () => {
  store = await createTestStore({ template: 'empty' });
  admin = createVisitor(store);
  admin.cookies.set('staff_sid', (await createTestStaff(store.ctx.db, 'admin')).token);
  reader = createVisitor(store);
  reader.cookies.set('staff_sid', (await createTestStaff(store.ctx.db, 'staff')).token);
  const product = await createTestProduct(store.ctx, { ...NO_STOCK, name: TRAP, sku: 'TRAP-1', priceCents: 1250 });
  await receiveTestLot(store.ctx, product.id, { quantity: 12, expiresOn: '2028-03-31', lotNumber: 'L-2028-A' });
  await receiveTestLot(store.ctx, product.id, { quantity: 5, expiresOn: '2027-01-31', lotNumber: 'L-2027-B' });
  const { order } = await placeTestOrder(store.ctx, {
    lines: [{ product, quantity: 3 }],
    email: 'clinic@example.com',
    address: { name: '+SUM(A1:A9)', city: 'Tucson', state: 'AZ' },
    shippingCents: 995,
    taxCents: 0,
  });
  orderNumber = order.number;
});
afterAll(() => store?.close());

async function download(visitor: Visitor, name: string) {
  const res = await visitor.request(`/admin/exports/${name}.csv`);
  return { res, rows: res.status === 200 ? (parse(await res.text()) as string[][]) : [] };
}

describe('the exports', () => {
  it('writes every lot with its product in the stock file, formulas neutralised', async () => {
    const { res, rows } = await download(admin, 'stock');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="stock-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(rows[0]).toEqual([
      'sku',
      'name',
      'product_status',
      'lot_number',
      'expires_on',
      'received_on',
      'quantity_received',
      'quantity_on_hand',
      'lot_state',
    ]);
    // First to expire first: the order took its 3 units from the 2027 lot.
    expect(rows.slice(1)).toEqual([
      ['TRAP-1', `'${TRAP}`, 'active', 'L-2027-B', '2027-01-31', '2026-01-15', '5', '2', 'sellable'],
      ['TRAP-1', `'${TRAP}`, 'active', 'L-2028-A', '2028-03-31', '2026-01-15', '12', '12', 'sellable'],
    ]);
  });

  it('writes every order with its items and amounts in the orders file', async () => {
    const { res, rows } = await download(admin, 'orders');
    expect(res.status).toBe(200);
    const [header, row] = rows;
    const record = Object.fromEntries(header!.map((h, i) => [h, row![i]]));
    expect(record).toMatchObject({
      number: orderNumber,
      status: 'pending_payment',
      payment_method: 'phone',
      email: 'clinic@example.com',
      ship_to_name: "'+SUM(A1:A9)",
      ship_to_city: 'Tucson',
      ship_to_state: 'AZ',
      items: 'TRAP-1 x 3',
      subtotal: '37.50',
      shipping: '9.95',
      total: '47.45',
      currency: 'USD',
      paid_at: '',
    });
    expect(record.placed_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it('writes the products file the import reads, and checks each file against its own permission', async () => {
    const { rows } = await download(admin, 'products');
    expect(rows[0]!.slice(0, 3)).toEqual(['sku', 'slug', 'name']);
    expect(rows[1]![2]).toBe(`'${TRAP}`);
    expect((await download(reader, 'orders')).res.status).toBe(200);
    expect((await download(reader, 'stock')).res.status).toBe(403);
    expect((await download(reader, 'products')).res.status).toBe(403);
    expect((await download(admin, 'customers')).res.status).toBe(404);
    expect((await createVisitor(store).request('/admin/exports/orders.csv')).status).toBe(303);
  });
});
