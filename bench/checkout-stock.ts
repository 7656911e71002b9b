import pg from 'pg';

/**
 * The checkout bench's stock, written and read with SQL on the bench's own database (the store's API would need
 * a staff account): each lot comes with its ledger row, so on hand stays the sum of the ledger, as the store keeps
 * it.
 */
export type BenchStock = {
  /** Open, ambient products on sale, each with a large lot: what the 50 buyers order. */
  stocked: { id: string; slug: string }[];
  /** One more open product, left with exactly `scarceUnits` units: what the 200 buyers race for. */
  scarce: { id: string; slug: string };
};

export const WELL_STOCKED_UNITS = 1_000_000;

async function withClient<T>(databaseUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function receive(client: pg.Client, productId: string, lotNumber: string, units: number): Promise<void> {
  await client.query(
    `WITH lot AS (
       INSERT INTO stock_lots (product_id, lot_number, expires_on, received_on, quantity_received, quantity_on_hand)
       VALUES ($1, $2, NULL, current_date, $3, $3) RETURNING id, product_id)
     INSERT INTO stock_ledger (lot_id, product_id, kind, quantity, reason)
     SELECT id, product_id, 'receipt', $3, 'bench' FROM lot`,
    [productId, lotNumber, units],
  );
}

/** Receives a large lot of every open product on sale but one, and leaves that one with `scarceUnits` units. */
export function stockForCheckout(databaseUrl: string, scarceUnits: number): Promise<BenchStock> {
  return withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{ id: string; slug: string }>(
      `SELECT id, slug FROM products WHERE status = 'active' AND access_class = 'open' AND storage = 'ambient'
       ORDER BY slug`,
    );
    if (rows.length < 3) throw new Error(`the bench needs 3 open products on sale, and found ${rows.length}`);
    const scarce = rows.at(-1)!;
    const stocked = rows.slice(0, -1);
    await client.query('BEGIN');
    for (const product of stocked) await receive(client, product.id, `BENCH-${Date.now()}`, WELL_STOCKED_UNITS);
    // The scarce product's other lots are counted down to nothing (a stock count), so exactly these units are left.
    await client.query(
      `WITH old AS (
         SELECT id, product_id, quantity_on_hand FROM stock_lots WHERE product_id = $1 AND quantity_on_hand > 0
         FOR UPDATE),
       counted AS (
         INSERT INTO stock_ledger (lot_id, product_id, kind, quantity, reason)
         SELECT id, product_id, 'adjustment', -quantity_on_hand, 'bench: counted down' FROM old)
       UPDATE stock_lots SET quantity_on_hand = 0 WHERE id IN (SELECT id FROM old)`,
      [scarce.id],
    );
    await receive(client, scarce.id, `BENCH-SCARCE-${Date.now()}`, scarceUnits);
    await client.query('COMMIT');
    return { stocked, scarce };
  });
}

/** What the lots hold and what orders took of some products: compared before and after a run. */
export type StockCount = { onHand: number; ordered: number; negativeLots: number };

export function countStock(databaseUrl: string, productIds: readonly string[]): Promise<StockCount> {
  return withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{ on_hand: number; ordered: number; negative_lots: number }>(
      `SELECT
         (SELECT coalesce(sum(quantity_on_hand), 0)::int FROM stock_lots WHERE product_id = ANY($1)) AS on_hand,
         (SELECT coalesce(sum(quantity), 0)::int FROM order_lines WHERE product_id = ANY($1)) AS ordered,
         (SELECT count(*)::int FROM stock_lots WHERE quantity_on_hand < 0) AS negative_lots`,
      [productIds],
    );
    const row = rows[0]!;
    return { onHand: row.on_hand, ordered: row.ordered, negativeLots: row.negative_lots };
  });
}
