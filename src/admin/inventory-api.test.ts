import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestProduct } from '#src/catalog/test-factory.ts';
import { storeToday } from '#src/inventory/queries.ts';
import { createTestStaff } from '#src/licences/test-factory.ts';
import { staffApiCaller } from '#test/support/staff-api.ts';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import {
  allocateTestStock,
  lastAuditOf,
  ledgerMatchesLots,
  ledgerOf,
  lotsOf,
  NO_STOCK,
  receiveTestLot,
} from './test-inventory.ts';

let store: TestStore;
let token: string;
let staffToken: string;

type Lot = {
  id: string;
  sku: string;
  lotNumber: string;
  expiresOn: string | null;
  receivedOn: string;
  quantityReceived: number;
  quantityOnHand: number;
  state: string;
};
type Item = { sku: string; available: number; onHand: number; lots: Omit<Lot, 'sku'>[] };
type Problem = { code: string; errors?: { field: string; message: string }[] };

const call = staffApiCaller(
  () => store,
  '/api/admin/inventory',
  () => token,
);

beforeAll(async () => {
  store = await createTestStore({ template: 'empty' });
  token = (await createTestStaff(store.ctx.db, 'admin')).token;
  staffToken = (await createTestStaff(store.ctx.db, 'staff')).token;
});
afterAll(async () => {
  await store?.close();
});

describe('the inventory API', () => {
  it('wants a staff token with the inventory permission', async () => {
    expect((await call('', { as: null })).status).toBe(401);
    expect((await call('', { as: staffToken })).status).toBe(403);
    const product = await createTestProduct(store.ctx, NO_STOCK);
    const body = { sku: product.sku, lotNumber: 'NOPE-1', expiresOn: null, quantity: 1 };
    expect((await call('/lots', { as: staffToken, body })).status).toBe(403);
  });

  it('receives a lot: 201 with the lot and its address; a duplicate is 409, an unknown SKU 422', async () => {
    const product = await createTestProduct(store.ctx, NO_STOCK);
    const res = await call('/lots', {
      body: { sku: product.sku, lotNumber: 'PF-2026-03', expiresOn: '2027-09-30', quantity: 40 },
    });
    expect(res.status).toBe(201);
    const lot = (await res.json()) as Lot;
    expect(lot).toMatchObject({
      sku: product.sku,
      lotNumber: 'PF-2026-03',
      expiresOn: '2027-09-30',
      receivedOn: await storeToday(store.ctx.db),
      quantityReceived: 40,
      quantityOnHand: 40,
      state: 'sellable',
    });
    expect(res.headers.get('location')).toBe(`/api/admin/inventory/lots/${lot.id}`);
    const again = await call(`/lots/${lot.id}`);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(lot);
    expect(await lastAuditOf(store.ctx.db, 'lot', lot.id)).toMatchObject({ action: 'lot.receive' });

    const device = await call('/lots', {
      body: { sku: product.sku, lotNumber: 'NO-EXPIRY', expiresOn: null, quantity: 2, receivedOn: '2026-03-01' },
    });
    expect(device.status).toBe(201);
    expect(await device.json()).toMatchObject({ expiresOn: null, receivedOn: '2026-03-01' });

    const twice = await call('/lots', {
      body: { sku: product.sku, lotNumber: 'PF-2026-03', expiresOn: '2027-09-30', quantity: 5 },
    });
    expect(twice.status).toBe(409);
    const unknown = await call('/lots', {
      body: { sku: 'NO-SUCH-SKU', lotNumber: 'X-1', expiresOn: null, quantity: 5 },
    });
    expect(unknown.status).toBe(422);
    expect(((await unknown.json()) as Problem).errors).toEqual([{ field: 'sku', message: 'No product has this SKU.' }]);
    const future = await call('/lots', {
      body: { sku: product.sku, lotNumber: 'F-1', expiresOn: null, quantity: 5, receivedOn: '2999-01-01' },
    });
    expect(future.status).toBe(422);
    expect(((await future.json()) as Problem).errors?.[0]?.field).toBe('receivedOn');
  });

  it('answers a retried receipt or adjustment with the same Idempotency-Key once, and refuses the key for another body', async () => {
    const product = await createTestProduct(store.ctx, NO_STOCK);
    const body = { sku: product.sku, lotNumber: 'IDEM-1', expiresOn: '2028-01-31', quantity: 12 };
    const send = (b: unknown, path = '/lots', key = 'c3a1f8e2-receipt-1') =>
      store.request(`/api/admin/inventory${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify(b),
      });
    const first = await send(body);
    expect(first.status).toBe(201);
    const again = await send(body);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.headers.get('location')).toBe(first.headers.get('location'));
    expect(await again.json()).toEqual(await first.json());
    expect(await lotsOf(store.ctx.db, product.id)).toHaveLength(1);
    const other = await send({ ...body, quantity: 13 });
    expect(other.status).toBe(422);
    expect(((await other.json()) as Problem).code).toBe('IDEMPOTENCY_KEY_REUSED');

    const [lot] = await lotsOf(store.ctx.db, product.id);
    const change = { lotId: lot!.id, change: -1, reason: 'Sample for a clinic' };
    expect((await send(change, '/adjustments', 'adj-1')).status).toBe(200);
    expect((await send(change, '/adjustments', 'adj-1')).status).toBe(200);
    expect((await lotsOf(store.ctx.db, product.id))[0]!.quantityOnHand).toBe(11);
    expect(await ledgerMatchesLots(store.ctx.db, product.id)).toBe(true);
  });

  it('refuses unknown fields and malformed values with 400', async () => {
    const product = await createTestProduct(store.ctx, NO_STOCK);
    const base = { sku: product.sku, lotNumber: 'B-1', expiresOn: null, quantity: 5 };
    expect((await call('/lots', { body: { ...base, quantityOnHand: 500 } })).status).toBe(400);
    expect((await call('/lots', { body: { ...base, quantity: 0 } })).status).toBe(400);
    expect((await call('/lots', { body: { ...base, expiresOn: '2027-02-30' } })).status).toBe(400);
    const { expiresOn: _, ...withoutExpiry } = base;
    expect((await call('/lots', { body: withoutExpiry })).status).toBe(400);
    const lot = await receiveTestLot(store.ctx, product.id);
    expect(
      (await call('/adjustments', { body: { lotId: lot.id, change: 1, reason: 'Found', staffId: 'x' } })).status,
    ).toBe(400);
    expect((await call(`/lots/${lot.id}/quarantine`, { body: { reason: 'Recall', state: 'sellable' } })).status).toBe(
      400,
    );
    expect((await call('?limit=101')).status).toBe(400);
    expect((await call('?cursor=not-a-cursor')).status).toBe(400);
  });

  it('adjusts a lot; a change of 0 is 400, taking more than on hand 422, an unknown lot 404', async () => {
    const product = await createTestProduct(store.ctx, NO_STOCK);
    const lot = await receiveTestLot(store.ctx, product.id, { quantity: 10 });
    const res = await call('/adjustments', { body: { lotId: lot.id, change: -4, reason: 'Four cracked in transit' } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: lot.id, sku: product.sku, quantityOnHand: 6 });
    expect((await ledgerOf(store.ctx.db, lot.id))[0]).toMatchObject({
      kind: 'adjustment',
      quantity: -4,
      reason: 'Four cracked in transit',
    });
    expect(await lastAuditOf(store.ctx.db, 'lot', lot.id)).toMatchObject({ action: 'lot.adjust' });

    expect((await call('/adjustments', { body: { lotId: lot.id, change: 0, reason: 'Nothing' } })).status).toBe(400);
    const tooMany = await call('/adjustments', { body: { lotId: lot.id, change: -7, reason: 'Count' } });
    expect(tooMany.status).toBe(422);
    expect(((await tooMany.json()) as Problem).errors?.[0]?.field).toBe('change');
    const unknown = await call('/adjustments', {
      body: { lotId: '00000000-0000-4000-8000-000000000000', change: 1, reason: 'Found' },
    });
    expect(unknown.status).toBe(404);
  });

  it('quarantines and releases a lot: 404 for an unknown lot, 409 when it is in that state already', async () => {
    const product = await createTestProduct(store.ctx, NO_STOCK);
    const lot = await receiveTestLot(store.ctx, product.id, { quantity: 8 });
    const quarantine = await call(`/lots/${lot.id}/quarantine`, { body: { reason: 'Recall notice 2026-118' } });
    expect(quarantine.status).toBe(200);
    expect(await quarantine.json()).toMatchObject({ state: 'quarantined', quantityOnHand: 8 });
    expect(((await (await call(`?sku=${product.sku}`)).json()) as { items: Item[] }).items[0]).toMatchObject({
      available: 0,
      onHand: 8,
    });
    expect((await call(`/lots/${lot.id}/quarantine`, { body: { reason: 'Again' } })).status).toBe(409);
    expect(await lastAuditOf(store.ctx.db, 'lot', lot.id)).toMatchObject({ action: 'lot.quarantine' });

    const release = await call(`/lots/${lot.id}/release`, { body: { reason: 'Recall withdrawn' } });
    expect(release.status).toBe(200);
    expect(await release.json()).toMatchObject({ state: 'sellable' });
    expect((await call(`/lots/${lot.id}/release`, { body: { reason: 'Again' } })).status).toBe(409);
    expect(await lastAuditOf(store.ctx.db, 'lot', lot.id)).toMatchObject({ action: 'lot.release' });

    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await call(`/lots/${missing}/quarantine`, { body: { reason: 'Recall' } })).status).toBe(404);
    expect((await call('/lots/not-an-id/release', { body: { reason: 'Recall' } })).status).toBe(404);
    expect((await call(`/lots/${lot.id}/quarantine`, { body: {} })).status).toBe(400);
  });

  it('lists every product by SKU with its lots, keyset-paged, and one product by ?sku=', async () => {
    const a = await createTestProduct(store.ctx, { ...NO_STOCK, sku: 'ZZ-LIST-A' });
    const b = await createTestProduct(store.ctx, { ...NO_STOCK, sku: 'ZZ-LIST-B' });
    const c = await createTestProduct(store.ctx, { ...NO_STOCK, sku: 'ZZ-LIST-C' });
    await receiveTestLot(store.ctx, a.id, { lotNumber: 'A-2', expiresOn: '2030-01-01', quantity: 5 });
    await receiveTestLot(store.ctx, a.id, { lotNumber: 'A-1', expiresOn: '2029-01-01', quantity: 3 });
    await receiveTestLot(store.ctx, b.id, { lotNumber: 'B-1', expiresOn: null, quantity: 7 });

    const one = await call('?sku=ZZ-LIST-A');
    expect(one.status).toBe(200);
    const body = (await one.json()) as { items: Item[]; nextCursor: string | null };
    expect(body.nextCursor).toBeNull();
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({ sku: 'ZZ-LIST-A', available: 8, onHand: 8 });
    expect(body.items[0]!.lots.map((l) => l.lotNumber)).toEqual(['A-1', 'A-2']);
    expect(Object.keys(body.items[0]!.lots[0]!).sort()).toEqual(
      ['expiresOn', 'id', 'lotNumber', 'quantityOnHand', 'quantityReceived', 'receivedOn', 'state'].sort(),
    );

    const seen: Item[] = [];
    let cursor: string | null = null;
    do {
      const page: Response = await call(`?q=ZZ-LIST&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      const list = (await page.json()) as { items: Item[]; nextCursor: string | null };
      expect(list.items.length).toBeLessThanOrEqual(2);
      seen.push(...list.items);
      cursor = list.nextCursor;
    } while (cursor);
    expect(seen.map((i) => i.sku)).toEqual(['ZZ-LIST-A', 'ZZ-LIST-B', 'ZZ-LIST-C']);
    expect(seen[2]).toMatchObject({ sku: c.sku, available: 0, onHand: 0, lots: [] });

    const unknown = (await (await call('?sku=NOT-THERE')).json()) as { items: Item[] };
    expect(unknown.items).toEqual([]);
  });

  it('keeps the ledger summing to the units on hand through every kind of change', async () => {
    const product = await createTestProduct(store.ctx, NO_STOCK);
    const res = await call('/lots', { body: { sku: product.sku, lotNumber: 'SUM-1', expiresOn: null, quantity: 30 } });
    const lot = (await res.json()) as Lot;
    await call('/adjustments', { body: { lotId: lot.id, change: -5, reason: 'Samples for a clinic' } });
    await call('/adjustments', { body: { lotId: lot.id, change: 2, reason: 'Recount' } });
    await allocateTestStock(store.ctx, product.id, 9);
    await call(`/lots/${lot.id}/quarantine`, { body: { reason: 'Check' } });
    await call(`/lots/${lot.id}/release`, { body: { reason: 'Checked' } });
    const [item] = ((await (await call(`?sku=${product.sku}`)).json()) as { items: Item[] }).items;
    expect(item).toMatchObject({ available: 18, onHand: 18 });
    expect(await ledgerMatchesLots(store.ctx.db, product.id)).toBe(true);
  });
});
