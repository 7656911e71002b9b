import type { StockStatus } from '#src/inventory/stock-status.ts';
import type { Product } from './schema.ts';

/**
 * How each regulatory status is worded to customers. "FDA-approved" is said of approved products only:
 * a cleared device or an unapproved product must never be called approved.
 */
export const REGULATORY_LABELS: Record<Product['regulatoryStatus'], string> = {
  'fda-approved': 'FDA-approved',
  'fda-cleared': 'FDA-cleared (510(k))',
  'de-novo': 'FDA-authorized (De Novo)',
  cosmetic: 'Cosmetic',
  'dietary-supplement': 'Dietary supplement',
  'not-fda-approved': 'Not FDA-approved',
};

export const ACCESS_LABELS: Record<Product['accessClass'], string> = {
  open: 'Available to everyone',
  professional: 'Professional only',
  'rx-only': 'Rx only',
};

/** What a customer must do to buy a restricted product; shown beside its badge. */
export const ACCESS_HINTS: Record<Product['accessClass'], string> = {
  open: '',
  professional: 'Sold to licensed professionals. Sign in with an approved professional licence on file to order.',
  'rx-only':
    'Sold to verified prescribers only (MD, DO, NP, PA or dentist). Sign in with a verified prescriber licence to order.',
};

/** The statement dietary supplements with structure/function claims must carry (DSHEA). */
export const DSHEA_STATEMENT =
  'These statements have not been evaluated by the Food and Drug Administration. ' +
  'This product is not intended to diagnose, treat, cure, or prevent any disease.';

/** The heading each kind of warning is shown under on the product page. */
export const WARNING_TOPIC_LABELS: Record<Product['warnings'][number]['topic'], string> = {
  pregnancy: 'Pregnancy and breastfeeding',
  children: 'Children',
  allergy: 'Allergies',
  interactions: 'Other medicines and lab tests',
  conditions: 'Medical conditions',
  handling: 'Handling and disposal',
  use: 'Safe use',
};

export const FORM_LABELS: Record<Product['form'], string> = {
  gummy: 'Gummy',
  capsule: 'Capsule',
  tablet: 'Tablet',
  serum: 'Serum',
  cream: 'Cream',
  solution: 'Solution',
  spray: 'Spray',
  vial: 'Vial',
  kit: 'Kit',
  device: 'Device',
  other: 'Other',
};

export const ROUTE_LABELS: Record<Product['route'], string> = {
  oral: 'Oral (by mouth)',
  topical: 'Topical (on the skin or scalp)',
  injectable: 'Injectable (by a qualified provider)',
  device: 'Device (used on the body, nothing taken in)',
};

export const STORAGE_LABELS: Record<Product['storage'], string> = {
  ambient: 'Room temperature',
  refrigerated: 'Refrigerated (2-8 °C / 36-46 °F)',
};

/** Storage as a filter names it, where the temperatures would only crowd the choice. */
export const STORAGE_SHORT_LABELS: Record<Product['storage'], string> = {
  ambient: 'Room temperature',
  refrigerated: 'Refrigerated',
};

/** Refrigerated items travel on ice early in the week, cost more to ship and cannot be sent back. */
export const REFRIGERATED_NOTE =
  'Ships refrigerated on ice, Monday to Wednesday only, so it never waits in a depot over a weekend. ' +
  'A cold-chain shipping surcharge applies, and refrigerated items cannot be returned.';

export const STOCK_LABELS: Record<StockStatus, string> = {
  'in-stock': 'In stock',
  'low-stock': 'Low stock',
  'out-of-stock': 'Out of stock',
};
