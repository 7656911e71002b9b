import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { assetUrl } from './assets.ts';
import { personalPart } from './personal-parts.ts';
import { hasStorePage, STORE_PAGES, type StorePageTexts } from './store-pages.ts';

export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/** What every page shows of the store; its settings (store/schema.ts) hold these and more. */
export type StoreFacts = {
  name: string;
  tagline: string;
  phone: string;
  email: string;
  address: string;
  disclaimer: string;
  /** ISO 4217 code the store's prices are in; the footer names it. */
  currency?: string;
  /** The Markdown of the policy pages; the footer links to those that have text. */
  pages?: StorePageTexts;
};

export type PageOptions = {
  title: string;
  description?: string;
  /** Path of the canonical URL, e.g. "/products/pep-factor". */
  canonicalPath?: string;
  store: StoreFacts;
  baseUrl: string;
  body: Html;
  /** Structured data for search engines; serialised safely into a JSON-LD block. */
  jsonLd?: unknown;
  searchQuery?: string;
  /** Marks the current section in the navigation. */
  section?: 'home' | 'products' | 'blog' | 'search';
  noindex?: boolean;
  /** Small scripts from /assets that enhance this page; it works without them. */
  scripts?: string[];
  /** How the page looks when shared (OpenGraph, Twitter cards); a plain website page without it. */
  share?: ShareFacts;
  /** A feed of this section, announced to feed readers. */
  feed?: { path: string; title: string };
};

/** What a shared link shows beyond title and description. */
export type ShareFacts = {
  type: 'website' | 'article';
  /** Image path or URL; made absolute against the store's address. */
  image?: { src: string; alt: string };
  publishedTime?: Date;
  modifiedTime?: Date;
  section?: string;
  tags?: string[];
};

function renderShareMeta(o: PageOptions) {
  const share = o.share ?? { type: 'website' };
  const image = share.image ? { ...share.image, src: new URL(share.image.src, o.baseUrl).toString() } : undefined;
  return html`<meta property="og:type" content="${share.type}">
${image ? html`<meta property="og:image" content="${image.src}"><meta property="og:image:alt" content="${image.alt}">` : ''}
${share.publishedTime ? html`<meta property="article:published_time" content="${share.publishedTime.toISOString()}">` : ''}
${share.modifiedTime ? html`<meta property="article:modified_time" content="${share.modifiedTime.toISOString()}">` : ''}
${share.section ? html`<meta property="article:section" content="${share.section}">` : ''}
${(share.tags ?? []).map((tag) => html`<meta property="article:tag" content="${tag}">`)}
<meta name="twitter:card" content="${image ? 'summary_large_image' : 'summary'}">
<meta name="twitter:title" content="${o.title}">
${o.description ? html`<meta name="twitter:description" content="${o.description}">` : ''}
${image ? html`<meta name="twitter:image" content="${image.src}"><meta name="twitter:image:alt" content="${image.alt}">` : ''}`;
}

/** Serialises JSON for a <script> block so that no value can close the tag or open a comment. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function telHref(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  // A number written with its country code (+44 20 7946 0000) is dialled as written; others are North American.
  if (phone.trim().startsWith('+')) return `tel:+${digits}`;
  return `tel:+1${digits.replace(/^1(?=\d{10}$)/, '')}`;
}

const currencyNames = new Intl.DisplayNames('en-US', { type: 'currency' });

/** "US Dollar" for USD, or the code itself for one Intl cannot name. */
function currencyName(code: string): string {
  return currencyNames.of(code) ?? code;
}

function navLink(href: string, label: string, current: boolean) {
  return html`<a href="${href}"${current ? raw(' aria-current="page"') : ''}>${label}</a>`;
}

// Shipping, returns, privacy, terms, about and contact: what a buyer of medical goods looks for before ordering.
function footerPages(store: StoreFacts) {
  const pages = STORE_PAGES.filter((p) => hasStorePage(store, p.key));
  if (pages.length === 0) return '';
  return html`<section>
      <h2>Customer care</h2>
      <ul class="plain">
        ${pages.map((p) => html`<li><a href="${p.path}">${p.title}</a></li>`)}
      </ul>
    </section>`;
}

/** The one page layout: header with search, navigation and phone; footer with contact and disclaimer. */
export function renderPage(o: PageOptions): Html {
  const fullTitle = o.title === o.store.name ? o.store.name : `${o.title} | ${o.store.name}`;
  const canonical = o.canonicalPath ? `${o.baseUrl}${o.canonicalPath}` : undefined;
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${fullTitle}</title>
${o.description ? html`<meta name="description" content="${o.description}">` : ''}
${canonical ? html`<link rel="canonical" href="${canonical}">` : ''}
${o.noindex ? html`<meta name="robots" content="noindex">` : ''}
<meta property="og:site_name" content="${o.store.name}">
<meta property="og:title" content="${o.title}">
${o.description ? html`<meta property="og:description" content="${o.description}">` : ''}
${canonical ? html`<meta property="og:url" content="${canonical}">` : ''}
${renderShareMeta(o)}
${o.feed ? html`<link rel="alternate" type="application/rss+xml" title="${o.feed.title}" href="${o.baseUrl}${o.feed.path}">` : ''}
<link rel="stylesheet" href="${assetUrl('style.css')}">
<link rel="icon" href="${assetUrl('favicon.svg')}" type="image/svg+xml">
${(o.scripts ?? []).map((name) => html`<script src="${assetUrl(name)}" defer></script>`)}
${o.jsonLd ? html`<script type="application/ld+json">${raw(jsonForScript(o.jsonLd))}</script>` : ''}
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header">
  <div class="container header-row">
    <a class="brand" href="/">${o.store.name}</a>
    <form class="search-form" role="search" action="/search" method="get">
      <label for="site-search" class="visually-hidden">Search products and articles</label>
      <input id="site-search" type="search" name="q" value="${o.searchQuery ?? ''}" maxlength="200"
        placeholder="Search products and articles" autocomplete="off">
      <button type="submit">Search</button>
    </form>
    ${
      // "Call" on a phone, where the number itself would crowd the search box; the number on a wider screen.
      // Both are in the link's name everywhere (style.css, header block).
      o.store.phone
        ? html`<a class="header-phone" href="${telHref(o.store.phone)}"><span class="header-phone-verb">Call </span><span class="header-phone-number">${o.store.phone}</span></a>`
        : ''
    }
    <nav class="header-account" aria-label="Account">${personalPart('account-links')} ${personalPart('cart-link')}</nav>
  </div>
  <nav class="site-nav" aria-label="Main">
    <div class="container">
      ${navLink('/', 'Home', o.section === 'home')}
      ${navLink('/products', 'Shop', o.section === 'products')}
      ${navLink('/blog', 'Blog', o.section === 'blog')}
    </div>
  </nav>
</header>
<main id="main" class="container">
${personalPart('cart-notice')}
${o.body}
</main>
<footer class="site-footer">
  <div class="container footer-grid">
    <section>
      <h2>${o.store.name}</h2>
      ${o.store.tagline ? html`<p>${o.store.tagline}</p>` : ''}
    </section>
    <section>
      <h2>Contact us</h2>
      <ul class="plain">
        ${o.store.phone ? html`<li>Phone: <a href="${telHref(o.store.phone)}">${o.store.phone}</a></li>` : ''}
        ${o.store.email ? html`<li>Email: <a href="mailto:${o.store.email}">${o.store.email}</a></li>` : ''}
        ${o.store.address ? html`<li>${o.store.address}</li>` : ''}
      </ul>
    </section>
    ${footerPages(o.store)}
    <section>
      <h2>Browse</h2>
      <ul class="plain">
        <li><a href="/products">All products</a></li>
        <li><a href="/blog">Blog</a></li>
        <li><a href="/search">Search</a></li>
      </ul>
    </section>
  </div>
  <div class="container">
    <p class="disclaimer">${o.store.disclaimer}</p>
    ${o.store.currency ? html`<p class="fineprint">Prices in ${o.store.currency} (${currencyName(o.store.currency)}).</p>` : ''}
    <p class="fineprint">&copy; ${new Date().getUTCFullYear()} ${o.store.name}</p>
  </div>
</footer>
</body>
</html>`;
}
