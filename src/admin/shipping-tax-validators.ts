import { z } from 'zod';
import type { ShippingMethodChange } from '#src/shipping/methods.ts';
import { SHIPPING_METHOD_CODES, type ShippingMethodCode } from '#src/shipping/schema.ts';
import { MAX_TAX_PERCENT } from '#src/tax/schema.ts';
import { isTaxState, type TaxState } from '#src/tax/states.ts';

export const MAX_METHOD_NAME = 60;
export const MAX_METHOD_DESCRIPTION = 300;
/** No parcel costs more to send; an amount above it is a typo (a price in cents typed as dollars). */
const MAX_SHIPPING_DOLLARS = 10_000;

/**
 * Dollars and cents as staff type them ("7.95", "$1,250", "150") to integer cents, without floating point; the
 * message explains what is wrong otherwise (negative, not a number, too many decimals, too large).
 */
export function parseDollars(input: string): { cents: number } | { error: string } {
  const v = input.trim().replace(/^\$/, '').replaceAll(',', '');
  if (/^-/.test(v) || /^\$?-/.test(input.trim()))
    return { error: 'Enter an amount of 0 or more: it cannot be negative.' };
  const m = /^(\d{1,7})(?:\.(\d{1,2}))?$/.exec(v);
  if (!m) return { error: 'Enter an amount in dollars and cents, like 7.95.' };
  const cents = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  if (cents > MAX_SHIPPING_DOLLARS * 100)
    return { error: `Enter at most $${MAX_SHIPPING_DOLLARS.toLocaleString('en-US')}.` };
  return { cents };
}

/** Cents as the form shows them: 795 reads "7.95". */
export function centsToDollars(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

const dollars = (emptyMessage: string | null) =>
  z
    .string()
    .default('')
    .transform((v, ctx): number | null => {
      if (v.trim() === '') {
        if (emptyMessage === null) return null;
        ctx.addIssue({ code: 'custom', message: emptyMessage });
        return z.NEVER;
      }
      const parsed = parseDollars(v);
      if ('error' in parsed) {
        ctx.addIssue({ code: 'custom', message: parsed.error });
        return z.NEVER;
      }
      return parsed.cents;
    });

const methodFields = (code: ShippingMethodCode) => ({
  [`${code}-name`]: z
    .string()
    .trim()
    .min(1, 'Enter the name shoppers choose the method by.')
    .max(MAX_METHOD_NAME, `Use at most ${MAX_METHOD_NAME} characters.`),
  [`${code}-description`]: z
    .string()
    .trim()
    .max(MAX_METHOD_DESCRIPTION, `Use at most ${MAX_METHOD_DESCRIPTION} characters.`)
    .default(''),
  [`${code}-rate`]: dollars('Enter the rate in dollars and cents, like 7.95; 0 ships free.'),
  [`${code}-freeAbove`]: dollars(null),
  [`${code}-position`]: z
    .string()
    .trim()
    .refine((v) => /^\d{1,2}$/.test(v) && Number(v) >= 1, { message: 'Enter a whole number from 1 to 99.' })
    .transform(Number),
  // A checkbox sends "on" when ticked and nothing when not.
  [`${code}-active`]: z
    .string()
    .optional()
    .transform((v) => v === 'on'),
});

/** The shipping settings form: each method's fields by code, the cold-chain surcharge and the cut-off hour. */
export const shippingFormSchema = z
  .object({
    ...Object.assign({}, ...SHIPPING_METHOD_CODES.map(methodFields)),
    'refrigerated-surcharge': dollars('Enter the cold-chain surcharge in dollars and cents; 0 for none.'),
    cutoffHour: z
      .string()
      .trim()
      .refine((v) => /^\d{1,2}$/.test(v) && Number(v) <= 23, { message: 'Choose an hour from 0:00 to 23:00.' })
      .transform(Number),
  })
  .superRefine((v: Record<string, unknown>, ctx) => {
    if (!SHIPPING_METHOD_CODES.some((code) => v[`${code}-active`] === true)) {
      ctx.addIssue({
        code: 'custom',
        path: ['_'],
        message: 'Keep at least one method on offer, or no order can ship.',
      });
    }
  })
  .transform((v: Record<string, unknown>): ShippingForm => {
    // The fields are named per method; here they become one typed change per method.
    const methods = {} as ShippingForm['methods'];
    for (const code of SHIPPING_METHOD_CODES) {
      const field = <T>(name: string) => v[`${code}-${name}`] as T;
      methods[code] = {
        name: field<string>('name'),
        description: field<string>('description'),
        rateCents: field<number>('rate'),
        freeAboveCents: field<number | null>('freeAbove'),
        surchargeCents: code === 'refrigerated' ? field<number>('surcharge') : 0,
        isActive: field<boolean>('active'),
        position: field<number>('position'),
      };
    }
    return { methods, cutoffHour: v.cutoffHour as number };
  });

export type ShippingForm = {
  methods: Record<ShippingMethodCode, ShippingMethodChange>;
  cutoffHour: number;
};

/** One state's rate as staff type it: a percentage with up to 3 decimals, kept as parts per 100,000. */
export const taxRateFormSchema = z.object({
  state: z
    .string()
    .trim()
    .toUpperCase()
    .refine(isTaxState, { message: 'Choose one of the 50 states or DC.' })
    .transform((v) => v as TaxState),
  rate: z
    .string()
    .trim()
    .transform((input, ctx) => {
      const v = input.replace(/\s*%$/, '');
      if (v === '') {
        ctx.addIssue({ code: 'custom', message: 'Enter the rate as a percentage, like 7.25; 0 charges no tax.' });
        return z.NEVER;
      }
      if (/^-/.test(v)) {
        ctx.addIssue({ code: 'custom', message: 'A rate cannot be negative.' });
        return z.NEVER;
      }
      const m = /^(\d{1,3})(?:\.(\d{1,3}))?$/.exec(v);
      if (!m) {
        ctx.addIssue({ code: 'custom', message: 'Enter a percentage with at most 3 decimals, like 8.875.' });
        return z.NEVER;
      }
      const per100k = Number(m[1]) * 1000 + Number((m[2] ?? '').padEnd(3, '0'));
      if (per100k > MAX_TAX_PERCENT * 1000) {
        ctx.addIssue({
          code: 'custom',
          message: `Enter at most ${MAX_TAX_PERCENT} %: no state's sales tax comes near it, so this is likely a typo.`,
        });
        return z.NEVER;
      }
      return per100k;
    }),
  isShippingTaxed: z
    .string()
    .optional()
    .transform((v) => v === 'on'),
});
