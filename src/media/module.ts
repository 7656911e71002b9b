import type { WebModule } from '#src/web/module.ts';
import { imagePages } from './image-routes.ts';

/** Uploaded pictures, served in their WebP widths for every domain that shows them. */
export const mediaModule: WebModule = {
  pages: [{ at: '/media/images', routes: imagePages }],
};
