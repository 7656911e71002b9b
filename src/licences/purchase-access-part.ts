import { html } from 'hono/html';
import { currentCustomer } from '#src/accounts/sessions/current.ts';
import { CUSTOMER_COOKIE } from '#src/accounts/sessions/sessions.ts';
import type { Product } from '#src/catalog/schema.ts';
import type { PersonalPart } from '#src/web/personal-parts.ts';
import { checkPurchaseEntitlement, decideEntitlement, type Entitlement } from './entitlement.ts';

type Restricted = { accessClass: Product['accessClass']; slug: string };

// Written by the product page as "<access class> <slug>".
function parseArg(arg: string): Restricted {
  const [accessClass, slug = ''] = arg.split(' ');
  return { accessClass: accessClass as Product['accessClass'], slug };
}

// Where a buy button will stand: whether this visitor may order a restricted product, and if not, the next step.
function renderPurchaseAccess(p: Restricted, entitlement: Entitlement): string {
  if (entitlement.allowed) {
    return html`<div class="purchase-access purchase-allowed" role="status">
      <p><strong>You may order this product.</strong> Your verified licence covers it.</p>
    </div>`.toString();
  }
  const next = `/account/sign-in?next=${encodeURIComponent(`/products/${p.slug}`)}`;
  const actions =
    entitlement.code === 'sign-in'
      ? html`<a class="button" href="${next}">Sign in</a> <a href="/account/register">Create an account</a>`
      : entitlement.code === 'email-unconfirmed'
        ? html`<a class="button" href="/account/verify-email/resend">Send the confirmation email again</a>`
        : entitlement.code === 'licence-pending' || entitlement.code === 'licence-suspended'
          ? html`<a href="/account/licences">See your licences</a>`
          : html`<a class="button" href="/account/licences">Submit a licence</a>`;
  return html`<div class="purchase-access purchase-refused" role="note">
    <p><strong>${entitlement.reason}</strong> ${entitlement.howToQualify}</p>
    <p class="purchase-actions">${actions}</p>
  </div>`.toString();
}

/** The product page's purchase panel: the same "sign in" note for every visitor, the customer's own otherwise. */
export const purchaseAccessPart: PersonalPart = {
  async fill(c, arg) {
    const product = parseArg(arg);
    const customer = await currentCustomer(c);
    return renderPurchaseAccess(product, await checkPurchaseEntitlement(c.var.ctx.db, customer, product));
  },
  anonymous(arg) {
    const product = parseArg(arg);
    return renderPurchaseAccess(product, decideEntitlement(product.accessClass, undefined));
  },
  cookies: [CUSTOMER_COOKIE],
};
