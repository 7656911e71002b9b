import type { AddressInfo } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import type { TestStore } from './test-store.ts';

export type ServedStore = {
  /** Root URL of the store's real HTTP server, e.g. http://127.0.0.1:41234 */
  url: string;
  close(): Promise<void>;
};

/** Serves a test store over a real socket on a free loopback port, for clients that need one (a browser, the SDK). */
export async function serveTestStore(store: TestStore): Promise<ServedStore> {
  const server = await new Promise<ServerType>((done) => {
    const s = serve({ fetch: store.app.fetch, port: 0, hostname: '127.0.0.1' }, () => done(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        if ('closeAllConnections' in server) server.closeAllConnections();
      }),
  };
}
