import { z } from 'zod';

export const MAX_LOT_NUMBER = 64;
export const MAX_STOCK_REASON = 500;
export const MAX_LOT_QUANTITY = 1_000_000;
export const MAX_SHELF_LIFE_DAYS = 3650;
export const MAX_LOW_STOCK_THRESHOLD = 100_000;
/** The choices of the "expiring within" filter; any number of days up to ten years works in the address. */
export const EXPIRING_CHOICES = [30, 60, 90] as const;
/** Lots expiring within this many days are highlighted. */
export const EXPIRY_WARNING_DAYS = 60;

// Lot numbers are printed on the packs: letters and digits, with the separators suppliers use.
export const LOT_NUMBER_PATTERN = /^[A-Za-z0-9][A-Za-z0-9 ._/-]*$/;
export const LOT_NUMBER_MESSAGE = 'Use letters, digits, spaces and . _ / -, as printed on the pack, like L2026-0412.';

/** A whole number typed in a form: an empty or fractional field is refused, never read as 0. */
function wholeNumber(o: { required: string; min: number; max: number; range: string }) {
  return z
    .string()
    .trim()
    .min(1, { error: o.required })
    .regex(/^[-+]?\d{1,9}$/, { error: o.range })
    .transform(Number)
    .pipe(z.number().int().min(o.min, { error: o.range }).max(o.max, { error: o.range }));
}

const dateField = z.iso.date({ error: 'Enter a date as YYYY-MM-DD, like 2027-03-31.' });

const lotNumberField = z
  .string()
  .trim()
  .min(1, { error: 'Enter the lot number printed on the pack.' })
  .max(MAX_LOT_NUMBER, { error: `Keep the lot number to ${MAX_LOT_NUMBER} characters.` })
  .regex(LOT_NUMBER_PATTERN, { error: LOT_NUMBER_MESSAGE });

const reasonField = z
  .string()
  .trim()
  .min(3, { error: 'Say why, in a few words: the ledger keeps it.' })
  .max(MAX_STOCK_REASON, { error: `Keep the reason to ${MAX_STOCK_REASON} characters.` });

/** The form that receives a lot; an empty received date means today, and a ticked box means no expiry. */
export const receiveLotFormSchema = z
  .object({
    lotNumber: lotNumberField,
    expiresOn: z.string().trim().default(''),
    doesNotExpire: z.literal('on').optional(),
    quantity: wholeNumber({
      required: 'Enter how many units arrived.',
      min: 1,
      max: MAX_LOT_QUANTITY,
      range: `Enter a whole number of units from 1 to ${MAX_LOT_QUANTITY.toLocaleString('en-US')}.`,
    }),
    // Empty means today, which the store's time zone decides.
    receivedOn: z
      .string()
      .trim()
      .default('')
      .refine((v) => v === '' || dateField.safeParse(v).success, {
        error: 'Enter a date as YYYY-MM-DD, like 2027-03-31.',
      })
      .transform((v) => v || undefined),
  })
  // Checked even when another field failed, so that the whole form's errors show at once.
  .superRefine(
    (data, ctx) => {
      const expiresOn = typeof data.expiresOn === 'string' ? data.expiresOn.trim() : '';
      const issue = (message: string) => ctx.addIssue({ code: 'custom', path: ['expiresOn'], message });
      if (data.doesNotExpire === 'on') {
        if (expiresOn !== '') issue('Leave the date empty for a lot that does not expire.');
      } else if (expiresOn === '') issue('Enter the expiry date, or tick "Does not expire".');
      else if (!dateField.safeParse(expiresOn).success) issue('Enter a date as YYYY-MM-DD, like 2027-03-31.');
    },
    { when: () => true },
  )
  .transform((data) => ({
    lotNumber: data.lotNumber,
    expiresOn: data.doesNotExpire === 'on' ? null : data.expiresOn,
    quantity: data.quantity,
    receivedOn: data.receivedOn,
  }));

/** The form that adjusts a lot: a signed change and the reason. */
export const adjustLotFormSchema = z.object({
  change: wholeNumber({
    required: 'Enter the change, like -2 for two damaged units or 5 for five found.',
    min: -MAX_LOT_QUANTITY,
    max: MAX_LOT_QUANTITY,
    range: 'Enter a whole number of units, with a minus sign to take units away.',
  }).refine((n) => n !== 0, { error: 'Enter a change other than 0.' }),
  reason: reasonField,
});

/** The forms that quarantine a lot and release it: only the reason. */
export const lotStateFormSchema = z.object({ reason: reasonField });

/** The form of a product's stock rules. */
export const stockRulesFormSchema = z.object({
  minShelfLifeDays: wholeNumber({
    required: 'Enter a number of days; 0 sells a lot until its expiry date.',
    min: 0,
    max: MAX_SHELF_LIFE_DAYS,
    range: `Enter a whole number of days from 0 to ${MAX_SHELF_LIFE_DAYS}.`,
  }),
  lowStockThreshold: wholeNumber({
    required: 'Enter a number of units; 0 warns only when the product sells out.',
    min: 0,
    max: MAX_LOW_STOCK_THRESHOLD,
    range: `Enter a whole number of units from 0 to ${MAX_LOW_STOCK_THRESHOLD.toLocaleString('en-US')}.`,
  }),
});

const pageSchema = z.coerce.number({ error: 'must be a whole number' }).int().min(1).max(10_000).default(1);
const emptyAsUndefined = z.literal('').transform(() => undefined);

/** The inventory list's filters: text in a SKU or name, expiring within N days, and the page. */
export const inventoryQuerySchema = z.object({
  q: z.string().trim().max(200, { error: 'use at most 200 characters' }).optional(),
  expiring: z.coerce
    .number({ error: 'must be a number of days' })
    .int({ error: 'must be a whole number of days' })
    .min(1, { error: 'must be from 1 to 3650 days' })
    .max(MAX_SHELF_LIFE_DAYS, { error: 'must be from 1 to 3650 days' })
    .optional()
    .or(emptyAsUndefined),
  /** "low": only products at or below their low-stock threshold. */
  stock: z.enum(['low'], { error: 'must be "low" or empty' }).optional().or(emptyAsUndefined),
  page: pageSchema,
});

/** A product's inventory page: the page of its ledger, and what was just done. */
export const inventoryProductQuerySchema = z.object({
  ledgerPage: pageSchema,
  done: z.string().max(40).optional(),
});
