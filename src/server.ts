import { type ServerType, serve } from '@hono/node-server';
import { createApp } from '#src/app.ts';
import { createAppContext } from '#src/boot.ts';
import type { Config } from '#src/config.ts';
import { openDatabase } from '#src/db/client.ts';
import { migrateDatabase } from '#src/db/migrate.ts';
import { isDemoNeeded, seedDemoStore } from '#src/demo/seed.ts';
import { JOB_KINDS } from '#src/job-kinds.ts';
import { startWorker } from '#src/jobs/worker.ts';
import { createLogger } from '#src/lib/logger.ts';

export type RunningServer = { server: ServerType; url: string; stop(): Promise<void> };

/** Opens the database, migrates it, loads the demo store on first start, and serves HTTP. */
export async function startServer(config: Config, options: { demo: boolean }): Promise<RunningServer> {
  const log = createLogger(config.logLevel);
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    onConnectionError: (err) => log.warn({ err }, 'an idle database connection closed; the pool opens another'),
  });
  await migrateDatabase(database);
  if (options.demo && (await isDemoNeeded(database.db))) {
    const summary = await seedDemoStore(database.db);
    log.info(summary, 'loaded the demo store');
  }
  const ctx = await createAppContext(config, database, log);
  const app = createApp(ctx);
  const worker = startWorker(ctx, JOB_KINDS);
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  log.info({ url, database: database.kind }, 'medstore is serving');
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Idle keep-alive connections would otherwise hold the server open.
      if ('closeIdleConnections' in server) server.closeIdleConnections();
      await closed;
      await worker.stop();
      await ctx.rateLimiter.close();
      await ctx.cache.close();
      await database.close();
    })());
  return { server, url, stop };
}
