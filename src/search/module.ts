import type { WebModule } from '#src/web/module.ts';
import { searchApi, searchPages } from './routes.ts';

/** Full-text search: its page and API answer, kept by the page cache per query. */
export const searchModule: WebModule = {
  pages: [{ at: '/search', routes: searchPages }],
  api: [{ at: '/api/store/search', routes: searchApi }],
  apiTags: [{ name: 'search', description: 'Ranked full-text search over products and articles at once.' }],
  cachedPaths: ['/search', '/api/store/search'],
};
