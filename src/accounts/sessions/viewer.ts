import type { PersonalPart } from '#src/web/personal-parts.ts';
import { CUSTOMER_COOKIE, hasCustomerSession } from './sessions.ts';

const SIGNED_OUT = '<a href="/account/sign-in">Sign in</a> <a href="/account/register">Create account</a>';
const SIGNED_IN = '<a href="/account">Your account</a>';

/**
 * The header's account links: "Your account" for a signed-in customer, else "Sign in" and "Create account".
 * Answered from the session cache, so a signed-in visitor's cached page costs no query.
 */
export const accountLinksPart: PersonalPart = {
  fill: async (c) => ((await hasCustomerSession(c)) ? SIGNED_IN : SIGNED_OUT),
  anonymous: () => SIGNED_OUT,
  cookies: [CUSTOMER_COOKIE],
};
