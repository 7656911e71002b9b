import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestProduct } from '#src/catalog/test-factory.ts';
import { storeToday } from '#src/inventory/queries.ts';
import { stockRules } from '#src/inventory/schema.ts';
import { addDays } from '#src/lib/dates.ts';
import { createTestStaff } from '#src/licences/test-factory.ts';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { createVisitor, type Visitor } from '#test/support/visitor.ts';
import { lastAuditOf, ledgerMatchesLots, ledgerOf, lotsOf, NO_STOCK, receiveTestLot } from './test-inventory.ts';

let store: TestStore;
let admin: Visitor;
let adminId: string;
let staffOnly: Visitor;
let today: string;

beforeAll(async () => {
  store = await createTestStore({ template: 'empty' });
  const made = await createTestStaff(store.ctx.db, 'admin');
  adminId = made.staff.id;
  admin = createVisitor(store);
  admin.cookies.set('staff_sid', made.token);
  staffOnly = createVisitor(store);
  staffOnly.cookies.set('staff_sid', (await createTestStaff(store.ctx.db, 'staff')).token);
  today = await storeToday(store.ctx.db);
});
afterAll(async () => {
  await store?.close();
});

const pageOf = (productId: string) => `/admin/inventory/${productId}`;

describe('the inventory pages', () => {
  it('are refused to a role without the inventory permission, and shown in the navigation only to those with it', async () => {
    const product = await createTestProduct(store.ctx, NO_STOCK);
    const lot = await receiveTestLot(store.ctx, product.id);
    expect((await staffOnly.request('/admin/inventory')).status).toBe(403);
    expect((await staffOnly.request(pageOf(product.id))).status).toBe(403);
    const token = /name="_csrf" value="([^"]+)"/.exec(await staffOnly.page('/admin'))![1]!;
    const post = (path: string, fields: Record<string, string>) =>
      staffOnly.request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: new URL(store.config.baseUrl).origin },
        body: new URLSearchParams({ _csrf: token, ...fields }),
      });
    expect(
      (await post(`${pageOf(product.id)}/lots`, { lotNumber: 'X1', expiresOn: '2030-01-01', quantity: '5' })).status,
    ).toBe(403);
    expect((await post(`/admin/inventory/lots/${lot.id}/quarantine`, { reason: 'Recall check' })).status).toBe(403);
    expect(await lotsOf(store.ctx.db, product.id)).toHaveLength(1);
    expect(await staffOnly.page('/admin')).not.toContain('href="/admin/inventory"');
    expect(await admin.page('/admin')).toContain('href="/admin/inventory"');
  });

  it('receives a lot through the form: the lot, its ledger row and the audit entry, received today by default', async () => {
    const product = await createTestProduct(store.ctx, { ...NO_STOCK, name: 'Growth Factor Serum Test' });
    const res = await admin.submit(
      pageOf(product.id),
      { lotNumber: 'GF-2026-07', expiresOn: '2028-06-30', quantity: '24', receivedOn: '' },
      `${pageOf(product.id)}/lots`,
    );
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${pageOf(product.id)}?done=received`);
    const [lot] = await lotsOf(store.ctx.db, product.id);
    expect(lot).toMatchObject({
      lotNumber: 'GF-2026-07',
      expiresOn: '2028-06-30',
      receivedOn: today,
      quantityReceived: 24,
      quantityOnHand: 24,
      state: 'sellable',
    });
    expect(await ledgerOf(store.ctx.db, lot!.id)).toMatchObject([{ kind: 'receipt', quantity: 24, staffId: adminId }]);
    expect(await lastAuditOf(store.ctx.db, 'lot', lot!.id)).toMatchObject({
      action: 'lot.receive',
      staffId: adminId,
      after: { lotNumber: 'GF-2026-07', expiresOn: '2028-06-30', quantityOnHand: 24, state: 'sellable' },
    });
    const page = await admin.page(`${pageOf(product.id)}?done=received`);
    expect(page).toContain('Lot received.');
    expect(page).toContain('GF-2026-07');
    // The audit log links the entry to the lot, which opens on its product's page.
    const owner = createVisitor(store);
    owner.cookies.set('staff_sid', (await createTestStaff(store.ctx.db, 'owner')).token);
    const audit = await owner.page('/admin/audit?entity=lot');
    expect(audit).toContain(`href="/admin/inventory/lots/${lot!.id}"`);
    expect(audit).toContain('lot.receive');
    const toLot = await admin.request(`/admin/inventory/lots/${lot!.id}`);
    expect(toLot.status).toBe(303);
    expect(toLot.headers.get('location')).toBe(`${pageOf(product.id)}#lot-${lot!.id}`);

    const device = await admin.submit(
      pageOf(product.id),
      { lotNumber: 'DEV 001', expiresOn: '', doesNotExpire: 'on', quantity: '3', receivedOn: '2026-02-01' },
      `${pageOf(product.id)}/lots`,
    );
    expect(device.status).toBe(303);
    const lots = await lotsOf(store.ctx.db, product.id);
    expect(lots.find((l) => l.lotNumber === 'DEV 001')).toMatchObject({ expiresOn: null, receivedOn: '2026-02-01' });
  });

  it('re-renders the receive form with field errors and what was typed; a lot received twice is a 409', async () => {
    const product = await createTestProduct(store.ctx, NO_STOCK);
    const bad = await admin.submit(
      pageOf(product.id),
      { lotNumber: '', expiresOn: '', quantity: 'twelve', receivedOn: '2026-02-31' },
      `${pageOf(product.id)}/lots`,
    );
    expect(bad.status).toBe(400);
    const page = await bad.text();
    expect(page).toContain('Enter the lot number printed on the pack.');
    expect(page).toContain('Enter the expiry date, or tick');
    expect(page).toContain('Enter a whole number of units from 1 to 1,000,000.');
    expect(page).toContain('Enter a date as YYYY-MM-DD');
    expect(page).toContain('value="twelve"');
    expect(page).toContain('href="#receive"');

    await receiveTestLot(store.ctx, product.id, { lotNumber: 'DUP-1' });
    const twice = await admin.submit(
      pageOf(product.id),
      { lotNumber: 'DUP-1', expiresOn: '2030-01-01', quantity: '4' },
      `${pageOf(product.id)}/lots`,
    );
    expect(twice.status).toBe(409);
    const again = await twice.text();
    expect(again).toContain('was received already');
    expect(again).toContain('value="4"');
    const future = await admin.submit(
      pageOf(product.id),
      { lotNumber: 'NEW-2', expiresOn: '2030-01-01', quantity: '4', receivedOn: '2999-01-01' },
      `${pageOf(product.id)}/lots`,
    );
    expect(future.status).toBe(422);
    expect(await future.text()).toContain(`Must not be after today, ${today}.`);
    expect(await lotsOf(store.ctx.db, product.id)).toHaveLength(1);
  });

  it('adjusts a lot with a reason; taking more than on hand or giving no reason changes nothing', async () => {
    const product = await createTestProduct(store.ctx, NO_STOCK);
    const lot = await receiveTestLot(store.ctx, product.id, { quantity: 10 });
    const adjust = (fields: Record<string, string>) =>
      admin.submit(pageOf(product.id), fields, `/admin/inventory/lots/${lot.id}/adjust`);

    const res = await adjust({ change: '-3', reason: 'Three vials cracked' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${pageOf(product.id)}?done=adjusted#lot-${lot.id}`);
    const [after] = await lotsOf(store.ctx.db, product.id);
    expect(after!.quantityOnHand).toBe(7);
    expect((await ledgerOf(store.ctx.db, lot.id))[0]).toMatchObject({
      kind: 'adjustment',
      quantity: -3,
      reason: 'Three vials cracked',
      staffId: adminId,
    });
    expect(await lastAuditOf(store.ctx.db, 'lot', lot.id)).toMatchObject({
      action: 'lot.adjust',
      before: { quantityOnHand: 10 },
      after: { quantityOnHand: 7, reason: 'Three vials cracked' },
    });

    const tooMany = await adjust({ change: '-8', reason: 'Count' });
    expect(tooMany.status).toBe(422);
    const refused = await tooMany.text();
    expect(refused).toContain('Must not take more than the 7 on hand.');
    expect(refused).toContain('value="-8"');
    expect(refused).toMatch(/<details class="lot-action" open>\s*<summary>Adjust the units/);

    const noReason = await adjust({ change: '2', reason: '' });
    expect(noReason.status).toBe(400);
    expect(await noReason.text()).toContain('Say why, in a few words');
    const zero = await adjust({ change: '0', reason: 'Nothing' });
    expect(zero.status).toBe(400);
    expect(await zero.text()).toContain('Enter a change other than 0.');

    expect((await lotsOf(store.ctx.db, product.id))[0]!.quantityOnHand).toBe(7);
    expect(await ledgerMatchesLots(store.ctx.db, product.id)).toBe(true);
  });

  it('quarantines and releases a lot with a reason: availability follows, and each is recorded', async () => {
    const product = await createTestProduct(store.ctx, NO_STOCK);
    const lot = await receiveTestLot(store.ctx, product.id, { quantity: 12 });
    const act = (action: string, reason: string) =>
      admin.submit(pageOf(product.id), { reason }, `/admin/inventory/lots/${lot.id}/${action}`);

    expect((await act('quarantine', '')).status).toBe(400);
    expect((await act('quarantine', 'Supplier recall 2026-118')).status).toBe(303);
    expect((await lotsOf(store.ctx.db, product.id))[0]!.state).toBe('quarantined');
    let page = await admin.page(pageOf(product.id));
    expect(page).toMatch(/Available to sell<\/dt><dd>0</);
    expect(page).toContain('Release to sale');
    expect(await lastAuditOf(store.ctx.db, 'lot', lot.id)).toMatchObject({
      action: 'lot.quarantine',
      before: { state: 'sellable' },
      after: { state: 'quarantined', reason: 'Supplier recall 2026-118' },
    });

    const twice = await act('quarantine', 'Again');
    expect(twice.status).toBe(409);
    expect(await twice.text()).toContain('is quarantined already');

    expect((await act('release', 'Supplier withdrew the recall')).status).toBe(303);
    expect((await lotsOf(store.ctx.db, product.id))[0]!.state).toBe('sellable');
    page = await admin.page(pageOf(product.id));
    expect(page).toMatch(/Available to sell<\/dt><dd>12</);
    const kinds = (await ledgerOf(store.ctx.db, lot.id)).map((e) => [e.kind, e.quantity, e.reason]);
    expect(kinds).toEqual([
      ['unquarantine', 0, 'Supplier withdrew the recall'],
      ['quarantine', 0, 'Supplier recall 2026-118'],
      ['receipt', 12, ''],
    ]);
    // Newest first on the page, naming who acted.
    const ledger = page.slice(page.indexOf('id="ledger"'));
    expect(ledger.indexOf('Released from quarantine')).toBeLessThan(ledger.indexOf('Quarantined'));
    expect(ledger.indexOf('Quarantined')).toBeLessThan(ledger.indexOf('Received'));
    expect(ledger).toContain('admin ');
  });

  it('saves stock rules, records them, and refuses numbers out of range', async () => {
    const product = await createTestProduct(store.ctx, NO_STOCK);
    const rules = (fields: Record<string, string>) =>
      admin.submit(pageOf(product.id), fields, `${pageOf(product.id)}/rules`);
    expect((await rules({ minShelfLifeDays: '90', lowStockThreshold: '12' })).status).toBe(303);
    const [saved] = await store.ctx.db.select().from(stockRules).where(eq(stockRules.productId, product.id));
    expect(saved).toMatchObject({ minShelfLifeDays: 90, lowStockThreshold: 12 });
    expect(await lastAuditOf(store.ctx.db, 'stock-rules', product.id)).toMatchObject({
      action: 'stock-rules.update',
      before: { minShelfLifeDays: 0, lowStockThreshold: 5 },
      after: { minShelfLifeDays: 90, lowStockThreshold: 12 },
    });
    const bad = await rules({ minShelfLifeDays: '-1', lowStockThreshold: '' });
    expect(bad.status).toBe(400);
    const page = await bad.text();
    expect(page).toContain('Enter a whole number of days from 0 to 3650.');
    expect(page).toContain('Enter a number of units; 0 warns only when the product sells out.');
    expect(page).toContain('value="-1"');
  });

  it('lists stock, searches by SKU or name, filters lots expiring soon, and marks expired lots', async () => {
    const product = await createTestProduct(store.ctx, { ...NO_STOCK, name: 'Expiring Exosome Vial' });
    await receiveTestLot(store.ctx, product.id, { lotNumber: 'OLD-1', expiresOn: addDays(today, -2), quantity: 4 });
    await receiveTestLot(store.ctx, product.id, { lotNumber: 'SOON-1', expiresOn: addDays(today, 20), quantity: 6 });
    await receiveTestLot(store.ctx, product.id, { lotNumber: 'LATER-1', expiresOn: addDays(today, 400), quantity: 8 });
    const later = await createTestProduct(store.ctx, { ...NO_STOCK, name: 'Long Shelf Balm' });
    await receiveTestLot(store.ctx, later.id, { expiresOn: addDays(today, 400) });

    const bySku = await admin.page(`/admin/inventory?q=${encodeURIComponent(product.sku.toLowerCase())}`);
    expect(bySku).toContain('Expiring Exosome Vial');
    expect(bySku).not.toContain('Long Shelf Balm');
    expect(bySku).toContain('1 product matching');
    // Expired lots are not available; on hand counts them.
    expect(bySku).toMatch(/data-label="Available"><strong>14</);
    expect(bySku).toMatch(/data-label="On hand">18</);
    expect(bySku).toMatch(/class="lot lot-expired">\s*<span class="lot-number">OLD-1/);
    expect(bySku).toContain('Expired</span>');
    expect(bySku).toMatch(/class="lot lot-expiring">\s*<span class="lot-number">SOON-1/);
    expect(bySku).toMatch(/class="lot">\s*<span class="lot-number">LATER-1/);

    const byName = await admin.page('/admin/inventory?q=shelf+balm');
    expect(byName).toContain('Long Shelf Balm');
    const expiring = await admin.page('/admin/inventory?expiring=30');
    expect(expiring).toContain('Expiring Exosome Vial');
    expect(expiring).not.toContain('Long Shelf Balm');
    expect(expiring).toContain('<option value="30" selected>');
    expect((await admin.request('/admin/inventory?expiring=soon')).status).toBe(400);
    // The dashboard counts the lots to act on, for those who keep stock.
    const dashboard = await admin.page('/admin');
    expect(dashboard).toMatch(/<strong>2<\/strong> lots holding \d+ units/);
    expect(dashboard).toContain('href="/admin/inventory?expiring=60"');
    expect(await staffOnly.page('/admin')).not.toContain('expiring=60');
    expect((await admin.request('/admin/inventory/not-a-product')).status).toBe(404);
  });

  it('pages through many products', async () => {
    for (let i = 0; i < 26; i++)
      await createTestProduct(store.ctx, { ...NO_STOCK, name: `Paged Product ${String(i).padStart(2, '0')}` });
    const first = await admin.page('/admin/inventory?q=paged+product');
    expect(first).toContain('Paged Product 00');
    expect(first).not.toContain('Paged Product 25');
    expect(first).toContain('href="/admin/inventory?q=paged+product&amp;page=2"');
    const second = await admin.page('/admin/inventory?q=paged+product&page=2');
    expect(second).toContain('Paged Product 25');
  });
});
