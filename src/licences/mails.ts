import { addDays, todayUtc } from '#src/lib/dates.ts';
import { composeMail, type MailContent } from '#src/mail/compose.ts';
import type { NewMail } from '#src/mail/outbox.ts';
import type { StoreSettings } from '#src/store/schema.ts';
import type { Licence } from './schema.ts';
import { LICENCE_TYPE_LABELS } from './validators.ts';

/** How many days before a licence expires its holder is reminded (by the daily job). */
export const REMINDER_DAYS = 30;

/** What every licence mail needs: the store that signs it and the address links point to. */
export type LicenceMailSender = { store: StoreSettings; baseUrl: string };
type Recipient = { email: string; name: string };
type MailLicence = Pick<Licence, 'type' | 'number' | 'issuingState' | 'expiresOn'>;

export const LICENCE_MAIL_KINDS = {
  approved: 'licence-approved',
  rejected: 'licence-rejected',
  suspended: 'licence-suspended',
  expired: 'licence-expired',
  reminder: 'licence-expiry-reminder',
} as const;

function describe(l: MailLicence): string {
  if (l.type === 'tax-exemption') return `${LICENCE_TYPE_LABELS[l.type]} ${l.number} (${l.issuingState})`;
  return `${LICENCE_TYPE_LABELS[l.type]} licence ${l.number} (${l.issuingState})`;
}

// What an approval gives: restricted products for a professional licence, no sales tax for an exemption.
function benefitOf(l: MailLicence): { gained: string; lost: string; keep: string } {
  if (l.type === 'tax-exemption') {
    return {
      gained: `Orders shipped to ${l.issuingState} carry no sales tax from now on, while the certificate is valid.`,
      lost: `orders shipped to ${l.issuingState} carry sales tax again`,
      keep: 'To keep ordering without sales tax',
    };
  }
  return {
    gained: 'Products reserved for licensed professionals are now open to you when you are signed in.',
    lost: 'products that need a verified licence are closed to you for now',
    keep: 'To keep ordering professional products without a break',
  };
}

async function build(
  s: LicenceMailSender,
  r: Recipient,
  kind: string,
  subject: string,
  content: Omit<MailContent, 'greeting' | 'action'>,
): Promise<NewMail> {
  const action = { label: 'See my licences', url: `${s.baseUrl}/account/licences` };
  const { text, html } = await composeMail(s.store, { greeting: `Hello ${r.name},`, action, ...content });
  return { to: r.email, subject: `${subject} | ${s.store.name}`, text, html, kind };
}

export function composeLicenceApproved(s: LicenceMailSender, r: Recipient, l: MailLicence): Promise<NewMail> {
  return build(s, r, LICENCE_MAIL_KINDS.approved, 'Your licence is approved', {
    paragraphs: [
      `We have verified your ${describe(l)}. ${benefitOf(l).gained}`,
      l.expiresOn <= addDays(todayUtc(), REMINDER_DAYS)
        ? `The approval lasts until the licence expires on ${l.expiresOn}, less than a month from now. Submit the renewed licence before then to keep ordering without a break.`
        : `The approval lasts until the licence expires on ${l.expiresOn}. We will remind you a month before then.`,
    ],
  });
}

export function composeLicenceRejected(
  s: LicenceMailSender,
  r: Recipient,
  l: MailLicence,
  reason: string,
): Promise<NewMail> {
  return build(s, r, LICENCE_MAIL_KINDS.rejected, 'We could not verify your licence', {
    paragraphs: [`We reviewed your ${describe(l)} and could not approve it, for this reason:`, reason],
    note: 'You can submit the licence again with the details corrected, or reply to this email if you think we made a mistake.',
  });
}

export function composeLicenceSuspended(
  s: LicenceMailSender,
  r: Recipient,
  l: MailLicence,
  reason: string,
): Promise<NewMail> {
  return build(s, r, LICENCE_MAIL_KINDS.suspended, 'Your licence approval is suspended', {
    paragraphs: [
      `We have suspended the approval of your ${describe(l)}, for this reason:`,
      reason,
      l.type === 'tax-exemption'
        ? `Until this is resolved, ${benefitOf(l).lost}.`
        : 'Until this is resolved you cannot order products that need a verified licence.',
    ],
    note: 'Reply to this email or call us if you have questions.',
  });
}

export function composeLicenceExpired(s: LicenceMailSender, r: Recipient, l: MailLicence): Promise<NewMail> {
  return build(s, r, LICENCE_MAIL_KINDS.expired, 'Your licence has expired', {
    paragraphs: [
      `Your ${describe(l)} expired on ${l.expiresOn}, so ${benefitOf(l).lost}.`,
      'Submit your renewed licence and we will review it.',
    ],
  });
}

export function composeLicenceReminder(s: LicenceMailSender, r: Recipient, l: MailLicence): Promise<NewMail> {
  return build(s, r, LICENCE_MAIL_KINDS.reminder, 'Your licence expires soon', {
    paragraphs: [
      `Your ${describe(l)} expires on ${l.expiresOn}.`,
      `${benefitOf(l).keep}, submit the renewed ${l.type === 'tax-exemption' ? 'certificate' : 'licence'} before that date.`,
    ],
  });
}
