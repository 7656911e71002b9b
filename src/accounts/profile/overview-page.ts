import type { Context } from 'hono';
import { html } from 'hono/html';
import type { AppEnv } from '#src/web/context.ts';
import { csrfField } from '#src/web/forms.ts';
import { addressLines } from '../addresses/address-pages.ts';
import type { Address, Customer } from '../schema.ts';
import { doneNotice } from '../shared/fields.ts';

const NOTICES = {
  verified: 'Thank you: your email address is confirmed.',
  'email-changed': 'Your new email address is confirmed and in use.',
};

export const ACCOUNT_TYPE_LABELS = { client: 'Client (personal purchases)', business: 'Business' } as const;

function verifyReminder(c: Context<AppEnv>, customer: Customer) {
  if (customer.emailVerifiedAt) return '';
  return html`<div class="notice notice-warning" role="status">
    <p>Please confirm your email address: open the link we sent to ${customer.email}.</p>
    <form method="post" action="/account/verify-email/resend">
      ${csrfField(c)}
      <input type="hidden" name="email" value="${customer.email}">
      <button type="submit" class="link-button">Send the link again</button>
    </form>
  </div>`;
}

function defaultAddress(label: string, address: Address | undefined) {
  return html`<section class="account-card">
    <h2>${label}</h2>
    ${address ? addressLines(address) : html`<p>None yet. <a href="/account/addresses/new">Add an address</a>.</p>`}
  </section>`;
}

/** The account's front page: who is signed in, what needs doing, the default addresses. */
export function overviewBody(c: Context<AppEnv>, o: { customer: Customer; addresses: Address[]; notice?: string }) {
  const { customer } = o;
  return html`<h1>Your account</h1>
    ${doneNotice(o.notice, NOTICES)}
    ${verifyReminder(c, customer)}
    <section class="account-card">
      <h2>Profile</h2>
      <dl class="facts">
        <dt>Name</dt><dd>${customer.name}</dd>
        <dt>Email</dt><dd>${customer.email} ${customer.emailVerifiedAt ? html`<span class="badge">confirmed</span>` : html`<span class="badge badge-warning">not confirmed</span>`}</dd>
        <dt>Account type</dt><dd>${ACCOUNT_TYPE_LABELS[customer.accountType]}</dd>
        ${customer.companyName ? html`<dt>Company</dt><dd>${customer.companyName}</dd>` : ''}
        ${customer.phone ? html`<dt>Phone</dt><dd>${customer.phone}</dd>` : ''}
      </dl>
      <p><a href="/account/profile">Edit your profile</a></p>
    </section>
    <div class="account-grid">
      ${defaultAddress(
        'Default shipping address',
        o.addresses.find((a) => a.isDefaultShipping),
      )}
      ${defaultAddress(
        'Default billing address',
        o.addresses.find((a) => a.isDefaultBilling),
      )}
    </div>
    ${
      customer.accountType === 'business'
        ? html`<section class="account-card">
          <h2>Professional products</h2>
          <p>Products marked for professionals or prescribers need a verified licence on file.
            <a href="/account/licences">Manage your licences</a>.</p>
        </section>`
        : ''
    }`;
}
