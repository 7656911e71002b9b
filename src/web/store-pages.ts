/**
 * The pages every store of medical supplies must publish (shipping, returns, privacy, terms, about, contact).
 * Their text lives in the store's settings as Markdown; this list gives each its address and title, and the
 * footer links to those that have something to say.
 */
export const STORE_PAGES = [
  { key: 'shipping', path: '/shipping', title: 'Shipping and cold chain', label: 'Shipping' },
  { key: 'returns', path: '/returns', title: 'Returns and refunds', label: 'Returns' },
  { key: 'privacy', path: '/privacy', title: 'Privacy notice', label: 'Privacy' },
  { key: 'terms', path: '/terms', title: 'Terms of sale and use', label: 'Terms' },
  { key: 'about', path: '/about', title: 'About us', label: 'About us' },
  { key: 'contact', path: '/contact', title: 'Contact us', label: 'Contact' },
] as const;

export type StorePage = (typeof STORE_PAGES)[number];
export type StorePageKey = StorePage['key'];
export const STORE_PAGE_KEYS = STORE_PAGES.map((p) => p.key) as [StorePageKey, ...StorePageKey[]];

/** Each page's Markdown; a page without text has not been written yet. */
export type StorePageTexts = Partial<Record<StorePageKey, string>>;

/** What decides whether a page is shown: its own text, and for the contact page the store's contact details. */
export type StorePageSource = { pages?: StorePageTexts; phone?: string; email?: string; address?: string };

/** Whether the store has this page to show; pages with nothing to say answer 404 and stay out of the footer. */
export function hasStorePage(store: StorePageSource, key: StorePageKey): boolean {
  if (store.pages?.[key]?.trim()) return true;
  return key === 'contact' && Boolean(store.phone || store.email || store.address);
}

export function storePageOf(key: StorePageKey): StorePage {
  return STORE_PAGES.find((p) => p.key === key)!;
}
