import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayUtc } from '#src/lib/dates.ts';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { checkPurchaseEntitlement, type RefusalCode } from './entitlement.ts';
import type { Licence } from './schema.ts';
import { createTestCustomer, createTestLicence } from './test-factory.ts';

let store: TestStore;
const who: Record<string, { id: string; emailVerifiedAt: Date | null } | undefined> = {};

type Holder =
  | 'visitor'
  | 'no licence'
  | 'pending MD'
  | 'approved RN'
  | 'approved MD'
  | 'expired MD'
  | 'lapsed MD'
  | 'suspended MD'
  | 'approved RN, pending DO'
  | 'unconfirmed email, approved MD'
  | 'unconfirmed email, no licence'
  | 'approved tax exemption'
  | 'pending tax exemption'
  | 'approved RN, approved tax exemption';
type Outcome = true | RefusalCode;

// Rows: who asks; columns: open, professional, rx-only. `true` is allowed, otherwise the refusal's code.
const MATRIX: Record<Holder, [Outcome, Outcome, Outcome]> = {
  visitor: [true, 'sign-in', 'sign-in'],
  'no licence': [true, 'licence-needed', 'licence-needed'],
  'pending MD': [true, 'licence-pending', 'licence-pending'],
  'approved RN': [true, true, 'prescriber-needed'],
  'approved MD': [true, true, true],
  'expired MD': [true, 'licence-expired', 'licence-expired'],
  'lapsed MD': [true, 'licence-expired', 'licence-expired'],
  'suspended MD': [true, 'licence-suspended', 'licence-suspended'],
  'approved RN, pending DO': [true, true, 'licence-pending'],
  // A licence proves a profession, not that the account's address belongs to its holder: that comes first.
  'unconfirmed email, approved MD': [true, 'email-unconfirmed', 'email-unconfirmed'],
  'unconfirmed email, no licence': [true, 'email-unconfirmed', 'email-unconfirmed'],
  // A tax-exemption certificate is reviewed like a licence but proves no profession: it never entitles, and one
  // waiting for review does not make the refusal read "waiting for review".
  'approved tax exemption': [true, 'licence-needed', 'licence-needed'],
  'pending tax exemption': [true, 'licence-needed', 'licence-needed'],
  'approved RN, approved tax exemption': [true, true, 'prescriber-needed'],
};

const SETUP: Record<
  Exclude<Holder, 'visitor' | 'no licence' | 'unconfirmed email, no licence'>,
  { type: Licence['type']; status: Licence['status']; expiresOn?: string }[]
> = {
  'pending MD': [{ type: 'MD', status: 'pending' }],
  'approved RN': [{ type: 'RN', status: 'approved' }],
  'approved MD': [{ type: 'MD', status: 'approved' }],
  'expired MD': [{ type: 'MD', status: 'expired', expiresOn: addDays(todayUtc(), -3) }],
  // Approved, but the date passed before the daily job ran: it no longer counts.
  'lapsed MD': [{ type: 'MD', status: 'approved', expiresOn: addDays(todayUtc(), -1) }],
  'suspended MD': [{ type: 'MD', status: 'suspended' }],
  'approved RN, pending DO': [
    { type: 'RN', status: 'approved' },
    { type: 'DO', status: 'pending' },
  ],
  'unconfirmed email, approved MD': [{ type: 'MD', status: 'approved' }],
  'approved tax exemption': [{ type: 'tax-exemption', status: 'approved' }],
  'pending tax exemption': [{ type: 'tax-exemption', status: 'pending' }],
  'approved RN, approved tax exemption': [
    { type: 'RN', status: 'approved' },
    { type: 'tax-exemption', status: 'approved' },
  ],
};

beforeAll(async () => {
  store = await createTestStore({ template: 'empty' });
  who.visitor = undefined;
  who['no licence'] = await createTestCustomer(store.ctx.db);
  who['unconfirmed email, no licence'] = await createTestCustomer(store.ctx.db, { emailVerifiedAt: null });
  for (const [holder, held] of Object.entries(SETUP)) {
    const isUnconfirmed = holder.startsWith('unconfirmed email');
    const customer = await createTestCustomer(store.ctx.db, isUnconfirmed ? { emailVerifiedAt: null } : {});
    for (const l of held) await createTestLicence(store.ctx.db, customer.id, l);
    who[holder] = customer;
  }
});

afterAll(async () => {
  await store?.close();
});

describe('checkPurchaseEntitlement', () => {
  for (const [holder, outcomes] of Object.entries(MATRIX) as [Holder, [Outcome, Outcome, Outcome]][]) {
    it(`decides for ${holder}: open ${outcomes[0]}, professional ${outcomes[1]}, rx-only ${outcomes[2]}`, async () => {
      const classes = ['open', 'professional', 'rx-only'] as const;
      for (const [i, accessClass] of classes.entries()) {
        const result = await checkPurchaseEntitlement(store.ctx.db, who[holder], { accessClass });
        if (outcomes[i] === true) {
          expect(result, `${holder} / ${accessClass}`).toEqual({ allowed: true });
        } else {
          expect(result, `${holder} / ${accessClass}`).toMatchObject({ allowed: false, code: outcomes[i] });
          if (!result.allowed) expect(result.howToQualify.length).toBeGreaterThan(20);
        }
      }
    });
  }

  it('counts a licence on its expiry day and names prescribers in the rx-only advice', async () => {
    const customer = await createTestCustomer(store.ctx.db);
    await createTestLicence(store.ctx.db, customer.id, { type: 'dentist', status: 'approved', expiresOn: todayUtc() });
    expect(await checkPurchaseEntitlement(store.ctx.db, customer, { accessClass: 'rx-only' })).toEqual({
      allowed: true,
    });
    const refused = await checkPurchaseEntitlement(store.ctx.db, who['approved RN'], { accessClass: 'rx-only' });
    expect(!refused.allowed && refused.howToQualify).toContain('MD, DO, NP, PA or dentist');
  });
});
