import type { WebModule } from '#src/web/module.ts';
import { homePage } from './routes.ts';

/** The home page, the same for everyone but its personal parts. */
export const homeModule: WebModule = {
  pages: [{ at: '/', routes: homePage }],
  cachedPaths: ['/'],
};
