import type { TestStore } from './test-store.ts';

export type StaffCall = { method?: string; body?: unknown; as?: string | null };

/**
 * A caller of one part of the staff API, as a staff member with a bearer token: `as` names another token,
 * or `null` sends none. A body goes as JSON, and makes the default method POST instead of GET.
 */
export function staffApiCaller(store: () => TestStore, base: string, defaultToken: () => string) {
  return (path: string, o: StaffCall = {}) => {
    const token = o.as === undefined ? defaultToken() : o.as;
    return store().request(`${base}${path}`, {
      method: o.method ?? (o.body === undefined ? 'GET' : 'POST'),
      headers: {
        accept: 'application/json',
        ...(token === null ? {} : { authorization: `Bearer ${token}` }),
        ...(o.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(o.body === undefined ? {} : { body: JSON.stringify(o.body) }),
    });
  };
}
