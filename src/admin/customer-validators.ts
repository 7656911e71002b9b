import { z } from 'zod';
import { MAX_CREDIT_LIMIT_CENTS } from '#src/accounts/business/terms.ts';

const MAX_DOLLARS = MAX_CREDIT_LIMIT_CENTS / 100;

/** "2,500" or "2500.00" dollars to cents; empty withdraws the terms. */
export const creditLimitFormSchema = z.object({
  creditLimit: z
    .string()
    .trim()
    .transform((v) => v.replace(/^\$/, '').replaceAll(',', ''))
    .refine((v) => v === '' || /^\d{1,8}(\.\d{1,2})?$/.test(v), {
      error: 'Enter an amount in dollars, such as 2500 or 2500.00, or leave it empty.',
    })
    .transform((v) => (v === '' ? null : Math.round(Number(v) * 100)))
    .refine((cents) => cents === null || cents > 0, { error: 'Enter an amount above zero, or leave it empty.' })
    .refine((cents) => cents === null || cents <= MAX_CREDIT_LIMIT_CENTS, {
      error: `Keep the limit to $${MAX_DOLLARS.toLocaleString('en-US')} or less.`,
    }),
});
