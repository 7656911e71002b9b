import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { contextStorage } from 'hono/context-storage';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { accountApi } from '#src/accounts/api.ts';
import { defineCustomerDataPart } from '#src/accounts/privacy.ts';
import { accountPages } from '#src/accounts/routes.ts';
import { accountLinksPart } from '#src/accounts/viewer.ts';
import { adminApi } from '#src/admin/api.ts';
import { adminPages } from '#src/admin/routes.ts';
import { renderAdminErrorPage } from '#src/admin/views/error-page.ts';
import { catalogApi } from '#src/catalog/api.ts';
import { catalogPages } from '#src/catalog/routes.ts';
import { contentApi } from '#src/content/api.ts';
import { contentPages } from '#src/content/routes.ts';
import { inputErrorOf, loggableError } from '#src/db/errors.ts';
import { homePage } from '#src/home/routes.ts';
import { AppError } from '#src/lib/errors.ts';
import { licenceApi } from '#src/licences/api.ts';
import { licenceCustomerData } from '#src/licences/customer-data.ts';
import { purchaseAccessPart } from '#src/licences/purchase-access-part.ts';
import { licencePages } from '#src/licences/routes.ts';
import { licenceUploadLimit } from '#src/licences/upload.ts';
import { searchApi, searchPages } from '#src/search/routes.ts';
import { staffAuthPages } from '#src/staff/auth-routes.ts';
import { staffPages } from '#src/staff/routes.ts';
import { settingsOf } from '#src/store/settings.ts';
import { createApiRouter } from '#src/web/api.ts';
import { getAsset } from '#src/web/assets.ts';
import { cachePublicAnswers } from '#src/web/cache-middleware.ts';
import type { AppContext, AppEnv } from '#src/web/context.ts';
import { csrfProtection, csrfTokenPart } from '#src/web/csrf.ts';
import { renderErrorPage } from '#src/web/error-page.ts';
import { processGauges, RequestMetrics, recordMetrics } from '#src/web/metrics.ts';
import { definePersonalPart } from '#src/web/personal-parts.ts';
import { isApiPath, problemJson } from '#src/web/problem.ts';
import { securityHeaders } from '#src/web/security-headers.ts';
import { SignInRequired } from '#src/web/sign-in-required.ts';

// Longer addresses are refused before routing: no page needs one, and parsing them costs.
const MAX_URL_LENGTH = 4096;
// Forms and JSON calls are a few kilobytes; only licence uploads, limited on their own, need more.
const MAX_BODY_BYTES = 1024 * 1024;

const isAdminPath = (path: string) => path === '/admin' || path.startsWith('/admin/');

/** Builds the whole web application around one AppContext; no sockets, so tests call `app.request()`. */
export function createApp(ctx: AppContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const metrics = new RequestMetrics();
  definePersonalPart('account-links', accountLinksPart);
  definePersonalPart('csrf-token', csrfTokenPart);
  definePersonalPart('purchase-access', purchaseAccessPart);
  defineCustomerDataPart(licenceCustomerData);

  app.use(recordMetrics(metrics));
  app.use(requestId());
  app.use(async (c, next) => {
    c.set('ctx', ctx);
    const log = ctx.log.child({ reqId: c.var.requestId });
    c.set('log', log);
    const started = performance.now();
    await next();
    // The path only: query strings may carry tokens.
    log.info(
      { method: c.req.method, path: c.req.path, status: c.res.status, ms: +(performance.now() - started).toFixed(1) },
      'request',
    );
  });
  // Views deep inside a handler (the layout's personal parts) reach the request through it.
  app.use(contextStorage());
  app.use(securityHeaders(ctx.config.baseUrl.startsWith('https:')));
  app.use(async (c, next) => {
    if (c.req.url.length > MAX_URL_LENGTH) {
      throw new AppError(
        'BAD_REQUEST',
        'The address of this request is too long. Please shorten the search or filters.',
      );
    }
    // PostgreSQL text cannot hold a NUL character: one reaching a query would fail it with a 500.
    if (/%00/.test(c.req.url)) {
      throw new AppError(
        'BAD_REQUEST',
        'The address of this request contains a null character, which no page accepts.',
      );
    }
    await next();
  });
  // Bodies are size-checked before the CSRF check reads them: uploads up to their own limit, the rest small.
  const uploadPaths = ['/account/licences', '/api/store/account/licences'];
  for (const path of uploadPaths) app.use(path, licenceUploadLimit());
  const smallBody = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new AppError(
        'PAYLOAD_TOO_LARGE',
        'The request is larger than 1 MB, more than any form or API call here needs.',
      );
    },
  });
  // GET and HEAD carry no body; checking one anyway builds the full Request object and cost a third of the
  // throughput of cached pages (bench/).
  const hasNoBody = (method: string) => method === 'GET' || method === 'HEAD';
  app.use((c, next) => (hasNoBody(c.req.method) || uploadPaths.includes(c.req.path) ? next() : smallBody(c, next)));
  app.use(csrfProtection());

  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/metrics', (c) =>
    c.body(metrics.render(processGauges(ctx.cache.pages)), 200, {
      'Content-Type': 'text/plain; version=0.0.4; charset=utf-8',
      'Cache-Control': 'no-store',
    }),
  );
  // Not ready while the database does not answer, or while this instance cannot hear other instances' writes
  // (its caches are then off, and a load balancer should prefer an instance that can).
  app.get('/readyz', async (c) => {
    const cache = ctx.cache.isListening() ? 'listening' : 'not listening';
    try {
      await ctx.db.execute(sql`select 1`);
    } catch {
      return c.json({ status: 'unavailable', database: ctx.dbKind, cache }, 503);
    }
    if (cache !== 'listening') return c.json({ status: 'unavailable', database: ctx.dbKind, cache }, 503);
    return c.json({ status: 'ready', database: ctx.dbKind, cache });
  });
  app.get('/assets/*', (c) => {
    const asset = getAsset(c.req.path.slice('/assets/'.length));
    if (!asset) throw new AppError('NOT_FOUND', 'No such file.');
    // Asset URLs carry their content hash (see assetUrl), so a year-long cache is safe.
    const cacheControl = c.req.query('v') ? 'public, max-age=31536000, immutable' : 'public, max-age=3600';
    return c.body(new Uint8Array(asset.body), 200, { 'Content-Type': asset.type, 'Cache-Control': cacheControl });
  });
  app.get('/robots.txt', (c) => c.text(`User-agent: *\nDisallow: /admin\nDisallow: /api\n`));

  for (const path of ['/', '/products', '/products/*', '/categories/*', '/blog', '/blog/*', '/search']) {
    app.use(path, cachePublicAnswers());
  }
  app.use('/api/store/*', cachePublicAnswers());

  app.route('/', homePage);
  app.route('/', catalogPages);
  app.route('/', contentPages);
  app.route('/', searchPages);
  app.route('/', accountPages);
  app.route('/', licencePages);
  app.route('/', staffAuthPages);
  app.route('/', staffPages);
  app.route('/', adminPages);
  const api = createApiRouter();
  api.route('/api/store', catalogApi);
  api.route('/api/store', contentApi);
  api.route('/api/store', searchApi);
  api.route('/api/store', accountApi);
  api.route('/api/store', licenceApi);
  api.route('/api/admin', adminApi);
  api.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'medstore API',
      version: '1',
      description:
        'JSON API of the store. Errors are application/problem+json (RFC 9457) with a `code` and, for invalid ' +
        'input, an `errors` list naming each field.',
    },
    servers: [{ url: ctx.config.baseUrl }],
  });
  app.route('/', api);

  app.notFound(async (c) => {
    if (isApiPath(c.req.path)) return problemJson(c, 404, 'No such endpoint.', { code: 'NOT_FOUND' });
    if (isAdminPath(c.req.path))
      return renderAdminErrorPage(c, { status: 404, message: 'The admin area has no such page.' });
    const store = await settingsOf(ctx);
    return c.html(
      renderErrorPage({
        status: 404,
        message: 'The page may have moved or never existed.',
        store,
        baseUrl: ctx.config.baseUrl,
      }),
      404,
    );
  });

  app.onError(async (thrown, c) => {
    if (thrown instanceof SignInRequired) return c.redirect(thrown.location, 303);
    const err = inputErrorOf(thrown) ?? thrown;
    let status = 500;
    let message = 'An unexpected error occurred. It has been logged and we will look into it.';
    let code = 'INTERNAL';
    let fields: AppError['fields'];
    let headers: Record<string, string> | undefined;
    if (err instanceof AppError) {
      ({ status, message, code, fields, headers } = err);
    } else if (err instanceof HTTPException) {
      status = err.status;
      message = err.message || 'The request could not be processed.';
      code = 'HTTP';
    } else {
      (c.var.log ?? ctx.log).error({ err: loggableError(err) }, 'unhandled error');
    }
    if (isApiPath(c.req.path)) return problemJson(c, status, message, { code, errors: fields, headers });
    if (status < 500 && isAdminPath(c.req.path)) {
      for (const [name, value] of Object.entries(headers ?? {})) c.header(name, value);
      return renderAdminErrorPage(c, { status: status as ContentfulStatusCode, message });
    }
    const store = await settingsOf(ctx).catch(() => undefined);
    if (!store) return c.text(message, status as 500);
    const page = await renderErrorPage({ status, message, store, baseUrl: ctx.config.baseUrl });
    return c.html(page, status as 500, headers);
  });

  return app;
}
