import { imageUploadLimit } from '#src/media/upload.ts';
import type { WebModule } from '#src/web/module.ts';
import { adminApi } from './api.ts';
import { articleApi } from './article-api.ts';
import { articlePictureApi } from './article-picture-api.ts';
import { IMPORT_PATH, importUploadLimit } from './import-routes.ts';
import { inventoryApi } from './inventory-api.ts';
import { productApi } from './product-api.ts';
import { adminPages } from './routes.ts';
import { renderAdminErrorPage } from './views/error-page.ts';

/** The admin area: its pages keep their own shell on errors and stay out of search engines; the admin API. */
export const adminModule: WebModule = {
  pages: [{ at: '/admin', routes: adminPages }],
  api: [
    { at: '/api/admin', routes: adminApi },
    { at: '/api/admin/inventory', routes: inventoryApi },
    { at: '/api/admin/articles', routes: articleApi },
    { at: '/api/admin/articles', routes: articlePictureApi },
    { at: '/api/admin/products', routes: productApi },
  ],
  apiTags: [
    {
      name: 'admin',
      description: 'For staff and integrations, with a staff bearer token: licence review and the mail outbox.',
    },
    {
      name: 'inventory',
      description:
        'Stock in lots, for staff and integrations with a staff bearer token and the inventory:manage permission: ' +
        'receiving lots, adjusting them, quarantine and release. Every change is kept in the stock ledger.',
    },
    {
      name: 'articles',
      description:
        'Articles of the blog, for staff and integrations with a staff bearer token and the content:manage permission: ' +
        'writing, scheduling and publishing them, and the compliance findings that block publishing until fixed or acknowledged.',
    },
    {
      name: 'products',
      description:
        'The catalogue for staff and integrations with a staff bearer token and the catalog:manage permission: ' +
        'every product with its medical facts and pictures, publishing, copying, archiving and restoring.',
    },
  ],
  uploads: [
    { paths: ['/admin/products/:id/images', '/api/admin/products/:id/images'], limit: imageUploadLimit() },
    {
      paths: [
        '/admin/articles/:id/cover',
        '/admin/articles/:id/images',
        '/api/admin/articles/:id/cover',
        '/api/admin/articles/:id/images',
      ],
      limit: imageUploadLimit(),
    },
    { paths: [IMPORT_PATH], limit: importUploadLimit() },
  ],
  errorPage: { at: '/admin', notFoundMessage: 'The admin area has no such page.', render: renderAdminErrorPage },
  hiddenFromRobots: ['/admin'],
};
