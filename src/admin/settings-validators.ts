import { z } from 'zod';
import { storeTextsFormSchema } from './validators.ts';

export const MAX_NAME = 80;
export const MAX_TAGLINE = 200;
export const MAX_ADDRESS = 300;
export const MAX_DISCLAIMER = 1000;
export const MAX_BANK_LINE = 120;
export const MAX_BANK_LINES = 500;
export const MAX_RETURN_WINDOW_DAYS = 365;

const atMost = (n: number) => `Use at most ${n.toLocaleString('en-US')} characters.`;
// Textareas arrive with CRLF line ends; stored text reads better with plain ones.
const plainLines = (v: string) => v.replace(/\r\n?/g, '\n').trim();

/** The zone as the platform names it (America/Phoenix), or undefined when Intl does not know it. */
export function canonicalTimeZone(zone: string): string | undefined {
  // Only area/location names and UTC: Intl also accepts offsets like +01:00, which know no daylight saving.
  if (!/^(?:UTC|[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+)$/.test(zone)) return undefined;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

const KNOWN_CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/** Whether Intl knows this ISO 4217 code, so that prices can be formatted in it. */
export function isKnownCurrency(code: string): boolean {
  return KNOWN_CURRENCIES.has(code);
}

/** Every field of the store settings form, with the messages an operator reads beside the field. */
export const storeSettingsFormSchema = storeTextsFormSchema.extend({
  name: z.string().trim().min(1, 'Enter the name of the store.').max(MAX_NAME, atMost(MAX_NAME)),
  tagline: z.string().trim().max(MAX_TAGLINE, atMost(MAX_TAGLINE)).default(''),
  phone: z
    .string()
    .trim()
    .max(40, atMost(40))
    .refine((v) => v === '' || (/^[0-9+()./\s-]+$/.test(v) && (v.match(/\d/g)?.length ?? 0) >= 7), {
      message: 'Enter a phone number of digits, spaces, brackets and dashes, like (800) 770-9083, or leave it empty.',
    })
    .default(''),
  email: z
    .string()
    .trim()
    .max(254, atMost(254))
    .refine((v) => v === '' || z.email().safeParse(v).success, {
      message: 'Enter an email address like care@example.com, or leave it empty.',
    })
    .default(''),
  address: z.string().trim().max(MAX_ADDRESS, atMost(MAX_ADDRESS)).default(''),
  timeZone: z
    .string()
    .trim()
    .transform((v, ctx) => {
      const zone = canonicalTimeZone(v);
      if (zone) return zone;
      ctx.addIssue({ code: 'custom', message: 'Enter a time zone by its region and city, like America/Phoenix.' });
      return z.NEVER;
    }),
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .refine((v) => /^[A-Z]{3}$/.test(v) && isKnownCurrency(v), {
      message: 'Enter a three-letter ISO 4217 currency code, like USD.',
    }),
  disclaimer: z
    .string()
    .transform(plainLines)
    .pipe(z.string().min(1, 'Enter the disclaimer the footer shows.').max(MAX_DISCLAIMER, atMost(MAX_DISCLAIMER))),
  bankAccountHolder: z.string().trim().max(MAX_BANK_LINE, atMost(MAX_BANK_LINE)).default(''),
  bankName: z.string().trim().max(MAX_BANK_LINE, atMost(MAX_BANK_LINE)).default(''),
  bankAccountLines: z
    .string()
    .transform(plainLines)
    .pipe(z.string().max(MAX_BANK_LINES, atMost(MAX_BANK_LINES)))
    .default(''),
  returnWindowDays: z
    .string()
    .trim()
    .refine((v) => /^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= MAX_RETURN_WINDOW_DAYS, {
      message: `Enter a whole number of days from 1 to ${MAX_RETURN_WINDOW_DAYS}.`,
    })
    .transform(Number),
});
export type StoreSettingsInput = z.infer<typeof storeSettingsFormSchema>;
