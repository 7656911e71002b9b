import { z } from 'zod';
import { todayUtc } from '#src/lib/dates.ts';
import { US_STATES_AND_DC } from '#src/lib/us-states.ts';
import { LICENCE_STATUSES, LICENCE_TYPES, type LicenceType } from './schema.ts';

/** US states, the District of Columbia and the territories whose boards issue licences. */
export const US_STATES = {
  ...US_STATES_AND_DC,
  PR: 'Puerto Rico',
  GU: 'Guam',
  VI: 'U.S. Virgin Islands',
  AS: 'American Samoa',
  MP: 'Northern Mariana Islands',
} as const;

export type StateCode = keyof typeof US_STATES;
const STATE_CODES = Object.keys(US_STATES) as [StateCode, ...StateCode[]];

export const LICENCE_TYPE_LABELS: Record<LicenceType, string> = {
  MD: 'Physician (MD)',
  DO: 'Osteopathic physician (DO)',
  NP: 'Nurse practitioner (NP)',
  PA: 'Physician assistant (PA)',
  RN: 'Registered nurse (RN)',
  dentist: 'Dentist (DDS/DMD)',
  esthetician: 'Esthetician',
  'med-spa-permit': 'Med-spa business permit',
  other: 'Other professional licence',
  'tax-exemption': 'Sales-tax exemption certificate',
};

/** What a customer types about a licence; the document travels beside it as a file. */
export const licenceFieldsSchema = z
  .object({
    type: z.enum(LICENCE_TYPES, { error: 'Choose the type of licence.' }),
    number: z
      .string({ error: 'Enter the licence number.' })
      .trim()
      .min(1, { error: 'Enter the licence number.' })
      .max(40, { error: 'A licence number has at most 40 characters.' })
      .regex(/^[A-Za-z0-9][A-Za-z0-9 ./-]*$/, {
        error: 'Use the number as printed: letters, digits, spaces, dots, slashes and hyphens.',
      }),
    issuingState: z.enum(STATE_CODES, { error: 'Choose the state that issued the licence.' }),
    expiresOn: z.iso
      .date({ error: 'Enter the expiry date as on the licence (YYYY-MM-DD).' })
      .refine((day) => day > todayUtc(), {
        error: 'This date has passed: the licence must still be valid. Submit your current licence.',
      }),
    holderName: z
      .string({ error: 'Enter the name on the licence.' })
      .trim()
      .min(2, { error: 'Enter the name on the licence.' })
      .max(200, { error: 'Use at most 200 characters.' }),
  })
  .strict();

export type LicenceFields = z.infer<typeof licenceFieldsSchema>;

export const reasonSchema = z
  .string({ error: 'Give the reason the customer will read.' })
  .trim()
  .min(3, { error: 'Give the reason the customer will read.' })
  .max(1000, { error: 'Use at most 1000 characters.' });

export const licenceStatusFilterSchema = z.enum(LICENCE_STATUSES, { error: 'Unknown status.' });
