import { type ServerType, serve } from '@hono/node-server';
import type { Config } from '#src/config.ts';
import { openDatabase } from '#src/db/client.ts';
import { migrateDatabase } from '#src/db/migrate.ts';
import { demoSeedOptionsFor, isDemoNeeded, seedDemoStore } from '#src/demo/seed.ts';
import { createLogger } from '#src/lib/logger.ts';
import { hasStaff } from '#src/staff/first-owner.ts';

// The application's modules, loaded while the database opens: both take a good part of a start.
async function loadApp() {
  const [{ createApp }, { createAppContext }, { JOB_KINDS }, { startWorker }] = await Promise.all([
    import('#src/app.ts'),
    import('#src/boot.ts'),
    import('#src/job-kinds.ts'),
    import('#src/jobs/worker.ts'),
  ]);
  return { createApp, createAppContext, JOB_KINDS, startWorker };
}

export type RunningServer = {
  server: ServerType;
  url: string;
  /** False while nobody can sign in to the admin console: the command line then says how to create the owner. */
  hasStaff: boolean;
  stop(): Promise<void>;
};

/** Opens the database, migrates it, loads the demo store on first start, and serves HTTP. */
export async function startServer(config: Config, options: { demo: boolean }): Promise<RunningServer> {
  const log = createLogger(config.logLevel);
  const opening = openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    onConnectionError: (err) => log.warn({ err }, 'an idle database connection closed; the pool opens another'),
  });
  const loading = loadApp();
  // Neither may be left to fail unobserved while the other is awaited.
  const [database, { createApp, createAppContext, JOB_KINDS, startWorker }] = await Promise.all([opening, loading]);
  await migrateDatabase(database);
  if (options.demo && (await isDemoNeeded(database.db))) {
    const summary = await seedDemoStore(database.db, demoSeedOptionsFor(config));
    log.info(summary, 'loaded the demo store');
  }
  const staffExists = await hasStaff(database.db);
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
  return { server, url, hasStaff: staffExists, stop };
}
