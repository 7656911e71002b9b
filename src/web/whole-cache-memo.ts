import type { PageCache } from './page-cache.ts';

/**
 * A reader for data that nearly every page shows (the store's settings, the categories) which reads once and
 * again only after a write emptied the whole page cache. Every write that changes such data does, so a change
 * shows on the next request, and pages cost no query for it. While the page cache is off (this instance does
 * not hear the others' writes), every call reads.
 */
export function memoUntilWholeCacheGoes<C extends { cache: { pages: PageCache } }, T>(
  read: (ctx: C) => Promise<T>,
): (ctx: C) => Promise<T> {
  // One memo per cache, that is per running store: tests run several side by side.
  const memos = new WeakMap<PageCache, { value: T; version: number }>();
  return async (ctx) => {
    const { pages } = ctx.cache;
    const memo = memos.get(pages);
    if (memo && pages.isEnabled && !pages.isWipedSince(memo.version)) return memo.value;
    const version = pages.version;
    const value = await read(ctx);
    memos.set(pages, { value, version });
    return value;
  };
}
