import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { contextStorage } from 'hono/context-storage';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { accountsModule } from '#src/accounts/module.ts';
import { defineCustomerDataPart } from '#src/accounts/privacy/privacy.ts';
import { onCustomerSignIn } from '#src/accounts/sessions/sign-in-hooks.ts';
import { adminModule } from '#src/admin/module.ts';
import { cartCustomerData, mergeCartAtSignIn } from '#src/cart/customer-data.ts';
import { cartModule } from '#src/cart/module.ts';
import { catalogModule } from '#src/catalog/module.ts';
import { announceCatalogStockChange } from '#src/catalog/stock-announcer.ts';
import { checkoutModule } from '#src/checkout/module.ts';
import { contentModule } from '#src/content/module.ts';
import { articlePictureUse } from '#src/content/picture-use.ts';
import { inputErrorOf, loggableError } from '#src/db/errors.ts';
import { homeModule } from '#src/home/module.ts';
import { announceStockChangesWith } from '#src/inventory/announce.ts';
import { AppError } from '#src/lib/errors.ts';
import { licenceCustomerData } from '#src/licences/customer-data.ts';
import { licencesModule } from '#src/licences/module.ts';
import { defineImageUser } from '#src/media/image-users.ts';
import { mediaModule } from '#src/media/module.ts';
import { orderCustomerData } from '#src/orders/customer-data.ts';
import { ordersModule } from '#src/orders/module.ts';
import { searchModule } from '#src/search/module.ts';
import { shippingModule } from '#src/shipping/module.ts';
import { staffModule } from '#src/staff/module.ts';
import { storeModule } from '#src/store/module.ts';
import { settingsOf } from '#src/store/settings.ts';
import { createApiRouter } from '#src/web/api.ts';
import { API_DOCS_PATH, createApiDocs } from '#src/web/api-docs.ts';
import { getAsset } from '#src/web/assets.ts';
import { cachePublicAnswers, serveStoredAnswers } from '#src/web/cache-middleware.ts';
import type { AppContext, AppEnv } from '#src/web/context.ts';
import { csrfProtection, csrfTokenPart } from '#src/web/csrf.ts';
import { renderErrorPage } from '#src/web/error-page.ts';
import { observeRequests, processGauges, RequestMetrics } from '#src/web/metrics.ts';
import { isUnder, type WebModule } from '#src/web/module.ts';
import { withRequestProblems } from '#src/web/openapi.ts';
import { definePersonalPart } from '#src/web/personal-parts.ts';
import { isApiPath, problemJson } from '#src/web/problem.ts';
import { securityHeaders, securityHeadersOf } from '#src/web/security-headers.ts';
import { SignInRequired } from '#src/web/sign-in-required.ts';

// Longer addresses are refused before routing: no page needs one, and parsing them costs.
const MAX_URL_LENGTH = 4096;
// Forms and JSON calls are a few kilobytes; only uploads a module declares, limited on their own, need more.
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Every domain's part of the application, mounted in this order. Each module declares its own prefixes, cached
 * paths and uploads (web/module.ts), so this file knows no domain's paths.
 */
const MODULES: readonly WebModule[] = [
  homeModule,
  storeModule,
  mediaModule,
  catalogModule,
  contentModule,
  searchModule,
  shippingModule,
  accountsModule,
  licencesModule,
  ordersModule,
  checkoutModule,
  cartModule,
  staffModule,
  adminModule,
];

// What the OpenAPI document says of the API as a whole; the operations come from each module's router.
const DOCUMENT_HEAD = {
  openapi: '3.1.0',
  info: {
    title: 'medstore API',
    version: '1',
    license: { name: 'MIT', url: 'https://opensource.org/licenses/MIT' },
    description:
      'JSON API of the store. Errors are application/problem+json (RFC 9457) with a `code` and, for invalid ' +
      'input, an `errors` list naming each field.',
  },
  // Relative: the document is always served by the store it describes, whatever its address.
  servers: [{ url: '/', description: 'The store serving this document' }],
  tags: MODULES.flatMap((module) => module.apiTags ?? []),
};

// An upload path as Hono writes it, with :name for a segment, matched against a request's path.
function pathPattern(path: string): RegExp {
  const parts = path
    .split('/')
    .map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  return new RegExp(`^${parts.join('/')}$`);
}

/** Builds the whole web application around one AppContext; no sockets, so tests call `app.request()`. */
export function createApp(ctx: AppContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const metrics = new RequestMetrics();
  definePersonalPart('csrf-token', csrfTokenPart);
  for (const module of MODULES) {
    for (const [name, part] of Object.entries(module.personalParts ?? {})) definePersonalPart(name, part);
  }
  defineCustomerDataPart(licenceCustomerData);
  defineCustomerDataPart(orderCustomerData);
  defineCustomerDataPart(cartCustomerData);
  defineImageUser(articlePictureUse);
  onCustomerSignIn('cart', mergeCartAtSignIn);
  announceStockChangesWith(announceCatalogStockChange);
  const errorPages = MODULES.flatMap((module) => (module.errorPage ? [module.errorPage] : []));
  const ownErrorPage = (path: string) => errorPages.find((page) => isUnder(path, page.at));

  const security = securityHeadersOf(ctx.config.baseUrl.startsWith('https:'));
  app.use(observeRequests(metrics, ctx.log));
  app.use(serveStoredAnswers(ctx, security));
  // Views deep inside a handler (the layout's personal parts) reach the request through it.
  app.use(async (c, next) => {
    c.set('ctx', ctx);
    await next();
  });
  app.use(contextStorage());
  app.use(securityHeaders(security));
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
  const uploadPaths: RegExp[] = [];
  for (const upload of MODULES.flatMap((m) => m.uploads ?? [])) {
    for (const path of upload.paths) app.use(path, upload.limit);
    uploadPaths.push(...upload.paths.map(pathPattern));
  }
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
  app.use((c, next) =>
    hasNoBody(c.req.method) || uploadPaths.some((p) => p.test(c.req.path)) ? next() : smallBody(c, next),
  );
  app.use(csrfProtection({ sameOriginForms: MODULES.flatMap((module) => module.sameOriginForms ?? []) }));

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
  const hidden = [...MODULES.flatMap((module) => module.hiddenFromRobots ?? []), '/api'];
  const sitemaps = MODULES.flatMap((module) => module.sitemaps ?? []);
  const robots =
    `User-agent: *\n${hidden.map((path) => `Disallow: ${path}\n`).join('')}` +
    sitemaps.map((path) => `\nSitemap: ${ctx.config.baseUrl}${path}\n`).join('');
  app.get('/robots.txt', (c) => c.text(robots));

  for (const module of MODULES) {
    for (const path of module.cachedPaths ?? []) app.use(path, cachePublicAnswers());
  }
  for (const module of MODULES) {
    for (const { at, routes } of module.pages ?? []) app.route(at, routes);
  }
  const api = createApiRouter();
  for (const module of MODULES) {
    for (const { at, routes } of module.api ?? []) api.route(at, routes);
  }
  app.route(
    API_DOCS_PATH,
    createApiDocs(async () => (await settingsOf(ctx)).name),
  );
  let document: unknown;
  // Made on first request, once every module's operations are registered, and kept: it changes only with the code.
  api.get('/api/openapi.json', (c) => {
    document ??= withRequestProblems(api.getOpenAPI31Document(DOCUMENT_HEAD));
    return c.json(document);
  });
  app.route('/', api);

  app.notFound(async (c) => {
    if (isApiPath(c.req.path)) return problemJson(c, 404, 'No such endpoint.', { code: 'NOT_FOUND' });
    const own = ownErrorPage(c.req.path);
    if (own) return own.render(c, { status: 404, message: own.notFoundMessage });
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
      ctx.log.error({ reqId: c.get('requestId'), err: loggableError(err) }, 'unhandled error');
    }
    if (isApiPath(c.req.path)) return problemJson(c, status, message, { code, errors: fields, headers });
    const own = status < 500 ? ownErrorPage(c.req.path) : undefined;
    if (own) {
      for (const [name, value] of Object.entries(headers ?? {})) c.header(name, value);
      return own.render(c, { status: status as ContentfulStatusCode, message });
    }
    const store = await settingsOf(ctx).catch(() => undefined);
    if (!store) return c.text(message, status as 500);
    const page = await renderErrorPage({ status, message, store, baseUrl: ctx.config.baseUrl });
    return c.html(page, status as 500, headers);
  });

  return app;
}
