import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, Hono, MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from './context.ts';
import type { PersonalPart } from './personal-parts.ts';

/** Routes mounted at a prefix; their own paths are relative to it ('/' is the prefix itself). */
export type Mount<R> = { at: string; routes: R };

/**
 * What a domain adds to the web application. Each domain declares its own in `module.ts`; app.ts mounts them in
 * order and knows none of their paths.
 */
export type WebModule = {
  pages?: Mount<Hono<AppEnv>>[];
  /** Operations of the store or admin API; they appear in the OpenAPI document. */
  api?: Mount<OpenAPIHono<AppEnv>>[];
  /** The tags its operations are grouped under in the OpenAPI document, each with what it covers. */
  apiTags?: { name: string; description: string }[];
  /**
   * Paths whose GET answers the page cache may serve and store for every visitor, as Hono patterns ('/blog/*'
   * also matches '/blog'); the cache handles a request once however many patterns match it.
   */
  cachedPaths?: string[];
  /** Paths that take uploads larger than the 1 MB any other body may have, each with the limit that guards them. */
  uploads?: { paths: string[]; limit: MiddlewareHandler<AppEnv> }[];
  /** The personal parts its pages show (personal-parts.ts), by name. */
  personalParts?: Record<string, PersonalPart>;
  /** Its own error page for the pages under a prefix, instead of the shop's (the admin area keeps its shell). */
  errorPage?: {
    at: string;
    /** What its 404 page says. */
    notFoundMessage: string;
    render(c: Context<AppEnv>, o: { status: ContentfulStatusCode; message: string }): Promise<Response>;
  };
  /**
   * Form paths posted from pages shared by every visitor, which carry no CSRF token: their posts are accepted when
   * the browser's Fetch Metadata or Origin header shows they came from this store (csrf.ts).
   */
  sameOriginForms?: string[];
  /** Path prefixes that robots.txt asks search engines to leave alone. */
  hiddenFromRobots?: string[];
  /** Sitemaps robots.txt points search engines to. */
  sitemaps?: string[];
};

/** Whether `path` is `prefix` itself or lies below it. */
export function isUnder(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(prefix === '/' ? '/' : `${prefix}/`);
}
