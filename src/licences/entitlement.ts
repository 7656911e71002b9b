import { eq } from 'drizzle-orm';
import type { Product } from '#src/catalog/schema.ts';
import type { Db } from '#src/db/client.ts';
import { todayUtc } from '#src/lib/dates.ts';
import { type Licence, licences, PRESCRIBER_TYPES, PROFESSIONAL_TYPES } from './schema.ts';

/** Why a purchase is refused, so pages and the API can point the customer to the right next step. */
export type RefusalCode =
  | 'sign-in'
  | 'email-unconfirmed'
  | 'licence-needed'
  | 'licence-pending'
  | 'licence-suspended'
  | 'licence-expired'
  | 'prescriber-needed';

export type Entitlement =
  | { allowed: true }
  | { allowed: false; code: RefusalCode; reason: string; howToQualify: string };

const PRESCRIBERS = 'MD, DO, NP, PA or dentist';

/** A licence counts while it is approved and its expiry date has not passed (it is valid through that day). */
export function isLicenceInForce(l: Pick<Licence, 'status' | 'expiresOn'>, today = todayUtc()): boolean {
  return l.status === 'approved' && l.expiresOn >= today;
}

function refuse(code: RefusalCode, reason: string, howToQualify: string): Entitlement {
  return { allowed: false, code, reason, howToQualify };
}

/** What the rules need to know of the customer asking: whether their address is confirmed, and their licences. */
export type Holder = {
  isEmailConfirmed: boolean;
  licences: Pick<Licence, 'type' | 'status' | 'expiresOn'>[];
};

/**
 * Decides from a customer's confirmed address and licences whether they may buy a product of this access
 * class. Pure, so the rules can be read and tested in one place; `checkPurchaseEntitlement` feeds it from the
 * database.
 */
export function decideEntitlement(
  accessClass: Product['accessClass'],
  holder: Holder | undefined,
  today = todayUtc(),
): Entitlement {
  if (accessClass === 'open') return { allowed: true };
  const needsPrescriber = accessClass === 'rx-only';
  const what = needsPrescriber ? `a prescriber licence (${PRESCRIBERS})` : 'a professional licence';
  if (!holder) {
    return refuse(
      'sign-in',
      needsPrescriber
        ? 'This product is sold to verified prescribers only.'
        : 'This product is sold to licensed professionals only.',
      `Sign in or create an account, then submit ${what} under Account > Licences for review.`,
    );
  }
  // A licence proves a profession, not that this account's address belongs to the person holding it.
  if (!holder.isEmailConfirmed) {
    return refuse(
      'email-unconfirmed',
      'Your email address is not confirmed yet.',
      'Open the link in the confirmation email we sent you (or ask for a new one); restricted products and ' +
        'licence submissions need a confirmed address.',
    );
  }
  // A tax-exemption certificate goes through the same review, but proves no profession.
  const held = holder.licences.filter((l) => PROFESSIONAL_TYPES.includes(l.type));
  const qualifying = held.filter((l) => !needsPrescriber || PRESCRIBER_TYPES.includes(l.type));
  if (qualifying.some((l) => isLicenceInForce(l, today))) return { allowed: true };
  if (qualifying.some((l) => l.status === 'pending')) {
    return refuse(
      'licence-pending',
      'Your licence is waiting for review.',
      'Our staff will check it and email you the outcome; you can order as soon as it is approved.',
    );
  }
  if (needsPrescriber && held.some((l) => isLicenceInForce(l, today))) {
    return refuse(
      'prescriber-needed',
      'This product is sold to prescribers only, and the licence we verified for you is not a prescriber licence.',
      `Submit ${what} under Account > Licences for review.`,
    );
  }
  if (qualifying.some((l) => l.status === 'suspended')) {
    return refuse(
      'licence-suspended',
      'The approval of your licence is suspended.',
      'The reason is under Account > Licences; reply to our email or call us to resolve it.',
    );
  }
  if (qualifying.some((l) => l.status === 'expired' || (l.status === 'approved' && l.expiresOn < today))) {
    return refuse(
      'licence-expired',
      'Your verified licence has expired.',
      `Submit your renewed licence under Account > Licences for review.`,
    );
  }
  return refuse(
    'licence-needed',
    needsPrescriber
      ? 'This product is sold to verified prescribers only.'
      : 'This product is sold to licensed professionals only.',
    `Submit ${what} under Account > Licences for review.`,
  );
}

/** May this customer (undefined for a visitor) buy this product? The one check every domain calls. */
export async function checkPurchaseEntitlement(
  db: Db,
  customer: { id: string; emailVerifiedAt: Date | null } | undefined,
  product: Pick<Product, 'accessClass'>,
): Promise<Entitlement> {
  if (product.accessClass === 'open') return { allowed: true };
  if (!customer) return decideEntitlement(product.accessClass, undefined);
  if (!customer.emailVerifiedAt)
    return decideEntitlement(product.accessClass, { isEmailConfirmed: false, licences: [] });
  const held = await db
    .select({ type: licences.type, status: licences.status, expiresOn: licences.expiresOn })
    .from(licences)
    .where(eq(licences.customerId, customer.id));
  return decideEntitlement(product.accessClass, { isEmailConfirmed: true, licences: held });
}
