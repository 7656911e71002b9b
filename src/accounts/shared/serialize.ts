import type { Address, Customer } from '../schema.ts';

/** What the API shows of a customer: never the password hash or deletion internals. */
export function toCustomerJson(c: Customer) {
  return {
    id: c.id,
    email: c.email,
    name: c.name,
    accountType: c.accountType,
    companyName: c.companyName,
    phone: c.phone,
    emailVerified: c.emailVerifiedAt !== null,
    emailVerifiedAt: c.emailVerifiedAt?.toISOString() ?? null,
    termsAcceptedAt: c.termsAcceptedAt?.toISOString() ?? null,
    createdAt: c.createdAt.toISOString(),
  };
}

export function toAddressJson(a: Address) {
  return {
    id: a.id,
    name: a.name,
    line1: a.line1,
    line2: a.line2,
    city: a.city,
    state: a.state,
    postalCode: a.postalCode,
    country: a.country,
    phone: a.phone,
    isDefaultShipping: a.isDefaultShipping,
    isDefaultBilling: a.isDefaultBilling,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}
