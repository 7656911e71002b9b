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
  professional: 'Sold to licensed professionals. Sign in with a business account and a verified licence on file to order.',
  'rx-only': 'Sold to verified prescribers only (MD, DO, NP, PA or dentist). Sign in with a verified prescriber licence to order.',
};

/** The statement dietary supplements with structure/function claims must carry (DSHEA). */
export const DSHEA_STATEMENT =
  'These statements have not been evaluated by the Food and Drug Administration. ' +
  'This product is not intended to diagnose, treat, cure, or prevent any disease.';
