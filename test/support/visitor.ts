import type { TestStore } from './test-store.ts';

/**
 * A visitor with a cookie jar, as a browser would be: it keeps the cookies the store sets, and submits forms
 * with the CSRF token read from the page that shows them. Requests go through `app.request()`, no socket.
 */
export type Visitor = {
  cookies: Map<string, string>;
  /** GET a page (or any method), sending and keeping cookies; redirects are not followed. */
  request(path: string, init?: RequestInit): Promise<Response>;
  /** GET a page and return its body; fails the test on a status other than 200. */
  page(path: string): Promise<string>;
  /**
   * Loads `formPage` for its CSRF token, then POSTs `fields` to `action` (default: the same path) as a form,
   * urlencoded or multipart when a field is a Blob.
   */
  submit(formPage: string, fields: Record<string, string | Blob>, action?: string): Promise<Response>;
  /** A JSON API call from this visitor's browser: same origin, cookies sent. */
  api(path: string, init?: { method?: string; body?: unknown; headers?: Record<string, string> }): Promise<Response>;
};

const CSRF_INPUT = /name="_csrf" value="([^"]+)"/;

export function createVisitor(store: TestStore): Visitor {
  const cookies = new Map<string, string>();
  const origin = new URL(store.config.baseUrl).origin;

  function keepCookies(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const isExpired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=thu, 01 jan 1970/i.test(a));
      if (isExpired || value === '') cookies.delete(name);
      else cookies.set(name, value);
    }
  }

  async function request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (cookies.size > 0 && !headers.has('cookie')) {
      headers.set('cookie', [...cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    }
    const res = await store.request(path, { ...init, headers });
    keepCookies(res);
    return res;
  }

  async function page(path: string): Promise<string> {
    const res = await request(path);
    const body = await res.text();
    if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}: ${body.slice(0, 500)}`);
    return body;
  }

  async function submit(formPage: string, fields: Record<string, string | Blob>, action = formPage) {
    const token = CSRF_INPUT.exec(await page(formPage))?.[1];
    if (!token) throw new Error(`${formPage} shows no form with a CSRF token`);
    const isMultipart = Object.values(fields).some((v) => typeof v !== 'string');
    let body: FormData | URLSearchParams;
    if (isMultipart) {
      body = new FormData();
      body.set('_csrf', token);
      for (const [k, v] of Object.entries(fields)) body.set(k, v);
    } else {
      body = new URLSearchParams({ _csrf: token, ...(fields as Record<string, string>) });
    }
    return request(action, { method: 'POST', body, headers: { origin } });
  }

  function api(path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) {
    const headers: Record<string, string> = { origin, accept: 'application/json', ...init.headers };
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    return request(path, {
      method: init.method ?? 'GET',
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  }

  return { cookies, request, page, submit, api };
}
