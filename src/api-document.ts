import { randomBytes } from 'node:crypto';
import { createApp } from '#src/app.ts';
import { createAppContext } from '#src/boot.ts';
import { loadConfig } from '#src/config.ts';
import { openDatabase } from '#src/db/client.ts';
import { createLogger } from '#src/lib/logger.ts';

/**
 * The OpenAPI document the store serves at /api/openapi.json, made without a server or a database of the
 * operator's: the application is built around an empty in-memory database that no request reaches.
 */
export async function buildApiDocument(): Promise<Record<string, unknown>> {
  // Any address: the document names its server relatively.
  const baseUrl = 'http://localhost:3000';
  const config = loadConfig({ BASE_URL: baseUrl, SESSION_SECRET: randomBytes(32).toString('base64url') });
  const log = createLogger('silent');
  const database = await openDatabase({});
  const ctx = await createAppContext(config, database, log);
  try {
    const res = await createApp(ctx).request(`${baseUrl}/api/openapi.json`);
    if (res.status !== 200) throw new Error(`The API document answered ${res.status}`);
    return (await res.json()) as Record<string, unknown>;
  } finally {
    await ctx.rateLimiter.close();
    await ctx.cache.close();
    await database.close();
  }
}
