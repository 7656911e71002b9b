import type { Context } from 'hono';
import { html } from 'hono/html';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { currentStaff } from '#src/staff/current.ts';
import { renderAdminPage } from '#src/staff/views/admin-layout.ts';
import type { AppEnv } from '#src/web/context.ts';
import { errorHeadingOf } from '#src/web/error-page.ts';

/**
 * A refusal inside the admin area (no permission, no such record), shown in the admin shell with the staff
 * member's own navigation rather than the shop's page with its customer sign-in links.
 */
export async function renderAdminErrorPage(
  c: Context<AppEnv>,
  o: { status: ContentfulStatusCode; message: string },
): Promise<Response> {
  const heading = errorHeadingOf(o.status);
  return renderAdminPage(c, {
    staff: await currentStaff(c),
    title: heading,
    status: o.status,
    body: html`<section class="error-page">
      <p class="error-code">Error ${o.status}</p>
      <h1>${heading}</h1>
      <p>${o.message}</p>
      <p><a href="/admin">Back to the dashboard</a></p>
    </section>`,
  });
}
