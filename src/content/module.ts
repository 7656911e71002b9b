import type { WebModule } from '#src/web/module.ts';
import { contentApi } from './api.ts';
import { contentPages } from './routes.ts';

/** The blog: public pages and API answers the page cache keeps. */
export const contentModule: WebModule = {
  pages: [{ at: '/blog', routes: contentPages }],
  api: [{ at: '/api/store/articles', routes: contentApi }],
  apiTags: [
    {
      name: 'content',
      description:
        'Published articles of the blog: treatments, their side effects and care, with the products they cite.',
    },
  ],
  cachedPaths: ['/blog', '/blog/*', '/api/store/articles', '/api/store/articles/*'],
};
