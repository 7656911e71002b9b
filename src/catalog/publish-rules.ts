import type { FieldErrors } from '#src/lib/errors.ts';
import type { Product } from './schema.ts';

type Facts = Pick<
  Product,
  'name' | 'summary' | 'route' | 'form' | 'regulatoryStatus' | 'activeIngredients' | 'sideEffects' | 'directions'
>;

// Products taken by mouth, put on the skin or injected act through what is in them: a shopper and a clinician
// must be able to read what that is and what it may do before buying. A device (a laser comb, cartridges) acts
// by what it is; its warnings and directions carry its cautions.
const ROUTES_WITH_INGREDIENTS = new Set<Product['route']>(['oral', 'topical', 'injectable']);

const ROUTE_WORDS: Record<Product['route'], string> = {
  oral: 'An oral product',
  topical: 'A topical product',
  injectable: 'An injectable product',
  device: 'A device',
};

/**
 * What an active (published) product must carry beyond what any draft may hold, as field errors; empty when it
 * may be published. The admin pages and the admin API apply the same rules.
 */
export function publishProblemsOf(p: Facts): FieldErrors {
  const problems: FieldErrors = {};
  if (!p.summary.trim()) problems.summary = 'A published product needs a summary: product cards show it.';
  if (!p.directions.trim()) {
    problems.directions = 'A published product needs directions: how to use it and how to store it.';
  }
  if (ROUTES_WITH_INGREDIENTS.has(p.route)) {
    if (p.activeIngredients.length === 0) {
      problems.activeIngredients = `${ROUTE_WORDS[p.route]} needs at least one active ingredient before it is published.`;
    }
    if (p.sideEffects.length === 0) {
      problems.sideEffects = `${ROUTE_WORDS[p.route]} needs its known side effects before it is published.`;
    }
  }
  // Only something taken by mouth can be a dietary supplement (DSHEA); the store prints the DSHEA statement on it.
  if (p.regulatoryStatus === 'dietary-supplement' && p.route !== 'oral') {
    problems.regulatoryStatus = 'Only an oral product can be a dietary supplement.';
  }
  // 510(k) clearance and De Novo are device pathways: a cream or a pill is never "cleared".
  if ((p.regulatoryStatus === 'fda-cleared' || p.regulatoryStatus === 'de-novo') && !isDeviceLike(p)) {
    problems.regulatoryStatus = 'FDA clearance and De Novo apply to devices and kits only.';
  }
  return problems;
}

function isDeviceLike(p: Pick<Product, 'route' | 'form'>): boolean {
  return p.route === 'device' || p.form === 'device' || p.form === 'kit';
}
