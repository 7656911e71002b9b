import { z } from 'zod';
import { MAX_PASSWORD_LENGTH } from '#src/security/passwords.ts';
import { STAFF_ROLES } from './schema.ts';

export const staffEmailSchema = z
  .string({ error: 'Enter an email address.' })
  .trim()
  .toLowerCase()
  .max(254, { error: 'Use at most 254 characters.' })
  .pipe(z.email({ error: 'Enter an email address such as name@example.com.' }));

export const staffRoleSchema = z.enum(STAFF_ROLES, { error: 'Choose owner, admin or staff.' });

export const staffSignInSchema = z
  .object({
    email: z.string().trim().toLowerCase().min(1, { error: 'Enter your email address.' }).max(254),
    password: z.string().min(1, { error: 'Enter your password.' }).max(MAX_PASSWORD_LENGTH),
    next: z.string().max(500).optional(),
  })
  .strict();

export const staffCreateSchema = z
  .object({
    email: staffEmailSchema,
    name: z.string().trim().max(200, { error: 'Use at most 200 characters.' }).default(''),
    password: z.string().min(1, { error: 'Choose a password.' }).max(MAX_PASSWORD_LENGTH),
    role: staffRoleSchema,
  })
  .strict();

export type StaffCreateInput = z.infer<typeof staffCreateSchema>;

export const staffRoleFormSchema = z.object({ role: staffRoleSchema }).strict();
