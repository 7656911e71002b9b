import type { WebModule } from '#src/web/module.ts';
import { staffAuthPages } from './auth-routes.ts';
import { staffPages } from './routes.ts';

/** Staff sign-in and sign-out, and the owners' staff management, in the admin area. */
export const staffModule: WebModule = {
  pages: [
    { at: '/admin', routes: staffAuthPages },
    { at: '/admin/staff', routes: staffPages },
  ],
};
