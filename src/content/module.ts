import type { WebModule } from '#src/web/module.ts';
import { contentApi } from './api.ts';
import { contentPages, sitemapPages } from './routes.ts';

/** The blog, its feed and the site's sitemap: public pages and API answers the page cache keeps. */
export const contentModule: WebModule = {
  pages: [
    { at: '/blog', routes: contentPages },
    { at: '/sitemap.xml', routes: sitemapPages },
  ],
  sitemaps: ['/sitemap.xml'],
  api: [{ at: '/api/store/articles', routes: contentApi }],
  apiTags: [
    {
      name: 'content',
      description:
        'Published articles of the blog: treatments, their side effects and care, with the products they cite.',
    },
  ],
  cachedPaths: ['/blog', '/blog/*', '/sitemap.xml', '/api/store/articles', '/api/store/articles/*'],
};
