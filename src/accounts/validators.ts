import { z } from 'zod';
import { describeWeakPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '#src/security/passwords.ts';
import { COUNTRY_CODES } from './addresses/countries.ts';
import { ACCOUNT_TYPES } from './schema.ts';

export const MAX_EMAIL_LENGTH = 254;
export const MAX_NAME_LENGTH = 100;
export const MAX_COMPANY_LENGTH = 200;

/** A required text field: trimmed, not empty, at most `max` characters. */
function requiredText(prompt: string, max: number) {
  return z.string({ error: prompt }).trim().min(1, prompt).max(max, `Use at most ${max} characters.`);
}

function optionalText(max: number) {
  return z.string({ error: 'Enter this as text.' }).trim().max(max, `Use at most ${max} characters.`);
}

export const emailSchema = z
  .string({ error: 'Enter your email address.' })
  .trim()
  .toLowerCase()
  .min(1, 'Enter your email address.')
  .max(MAX_EMAIL_LENGTH, `Use at most ${MAX_EMAIL_LENGTH} characters.`)
  .email('Enter a valid email address, like name@example.com.');

export const nameSchema = requiredText('Enter your name.', MAX_NAME_LENGTH);

const PHONE_PATTERN = /^[0-9 +().-]{7,25}$/;
export const phoneSchema = z
  .string({ error: 'Enter the phone number as text.' })
  .trim()
  .max(25, 'Use at most 25 characters.')
  .refine((v) => v === '' || (PHONE_PATTERN.test(v) && (v.match(/\d/g)?.length ?? 0) >= 7), {
    message: 'Enter a phone number of 7 to 25 digits, spaces and + ( ) - . only, like (800) 770-9083.',
  });

const companySchema = optionalText(MAX_COMPANY_LENGTH);
const accountTypeSchema = z.enum(ACCOUNT_TYPES, { error: 'Choose a client or a business account.' });

/** A password as typed at sign-in or confirmation: never checked for strength, only bounded. */
export const currentPasswordSchema = z
  .string({ error: 'Enter your password.' })
  .min(1, 'Enter your password.')
  .max(MAX_PASSWORD_LENGTH, `Use at most ${MAX_PASSWORD_LENGTH} characters.`);

// The lengths are here for the API description too; describeWeakPassword checks the rest.
const newPasswordSchema = z
  .string({ error: 'Choose a password.' })
  .min(1, 'Choose a password.')
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(MAX_PASSWORD_LENGTH, `Use at most ${MAX_PASSWORD_LENGTH} characters.`);

/** Parts of the customer's identity a password must not contain. */
export function personalPartsOf(o: {
  email?: string | undefined;
  name?: string | undefined;
  companyName?: string | undefined;
}) {
  const parts: string[] = [];
  if (o.email) parts.push(o.email, o.email.split('@')[0] ?? '');
  for (const text of [o.name, o.companyName]) {
    if (text) parts.push(text, ...text.split(/\s+/));
  }
  return parts.filter((p) => p.trim().length >= 4);
}

function checkPassword(ctx: z.RefinementCtx, password: unknown, path: string, personal: string[]) {
  if (typeof password !== 'string' || password === '') return;
  const weakness = describeWeakPassword(password, personal);
  if (weakness) ctx.addIssue({ code: 'custom', path: [path], message: weakness });
}

/** A business account needs a company name and a phone number to be reached at. */
function checkBusiness(ctx: z.RefinementCtx, v: { accountType?: string; companyName?: string; phone?: string }) {
  if (v.accountType !== 'business') return;
  if (!v.companyName)
    ctx.addIssue({ code: 'custom', path: ['companyName'], message: 'Enter the name of your business.' });
  if (!v.phone) ctx.addIssue({ code: 'custom', path: ['phone'], message: 'Enter a phone number for your business.' });
}

const checkbox = z
  .string()
  .optional()
  .transform((v) => v === 'on' || v === 'true' || v === '1');

export const CONSENT_FIELD = 'acceptsTermsAndPrivacy';
const CONSENT_REQUIRED = 'Agree to the terms of sale and the privacy notice to create an account.';

const registrationShape = {
  email: emailSchema,
  password: newPasswordSchema,
  name: nameSchema,
  accountType: accountTypeSchema.default('client'),
  companyName: companySchema.default(''),
  phone: phoneSchema.default(''),
};

// A client account has no company and gives no phone at sign-up: what a browser without the page's script
// still sends from the business fields is dropped before it is checked, rather than refused or kept.
function withoutBusinessFieldsForClients(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  const { accountType } = input as { accountType?: unknown };
  if (accountType === 'business') return input;
  const { companyName: _company, phone: _phone, ...rest } = input as Record<string, unknown>;
  return rest;
}

function checkRegistration(v: z.infer<z.ZodObject<typeof registrationShape>>, ctx: z.RefinementCtx) {
  checkBusiness(ctx, v);
  checkPassword(ctx, v.password, 'password', personalPartsOf(v));
}
// A missing consent alone does not hide the other problems of the form: all are shown at once.
const unlessOtherFieldsFailed = {
  when: (payload: { issues: readonly { path?: readonly PropertyKey[] }[] }) =>
    payload.issues.every((issue) => issue.path?.[0] === CONSENT_FIELD),
};

/** The registration form: its consent box arrives as "on" when ticked, and not at all when not. */
export const registrationFormSchema = z.preprocess(
  withoutBusinessFieldsForClients,
  z
    .strictObject({
      ...registrationShape,
      [CONSENT_FIELD]: checkbox.refine((isTicked) => isTicked, { message: CONSENT_REQUIRED }),
    })
    .superRefine(checkRegistration, unlessOtherFieldsFailed),
);

/** The registration API body: the same fields, and the consent as a boolean that must be true. */
export const registrationBodySchema = z.preprocess(
  withoutBusinessFieldsForClients,
  z
    .strictObject({
      ...registrationShape,
      [CONSENT_FIELD]: z
        .literal(true, { error: CONSENT_REQUIRED })
        .describe(
          'The customer agrees to the terms of sale (`/terms`) and has read the privacy notice (`/privacy`); ' +
            'required, and recorded with its date as `termsAcceptedAt`.',
        ),
    })
    .superRefine(checkRegistration, unlessOtherFieldsFailed),
);
/** What registration needs once the consent is checked (both schemas refuse a registration without it). */
export type RegistrationInput = Omit<z.infer<typeof registrationBodySchema>, typeof CONSENT_FIELD>;

/** Only paths of this store: one leading slash, never "//" or "/\" that browsers read as another host. */
export function isLocalPath(path: string): boolean {
  return /^\/(?![/\\])[^\\\s]*$/.test(path) && path.length <= 1000;
}

export const signInFormSchema = z.strictObject({
  email: emailSchema,
  password: currentPasswordSchema,
  remember: checkbox,
  next: z.string().optional(),
});

export const signInBodySchema = z.strictObject({
  email: emailSchema,
  password: currentPasswordSchema,
  remember: z.boolean().optional().default(false),
});

export const emailOnlySchema = z.strictObject({ email: emailSchema });

const tokenSchema = z
  .string({ error: 'This link is incomplete. Open the whole link from the email.' })
  .trim()
  .min(16, 'This link is incomplete. Open the whole link from the email.')
  .max(200, 'This link is not valid.');
export const tokenBodySchema = z.strictObject({ token: tokenSchema });
export const tokenQuerySchema = z.object({ token: tokenSchema });

export const resetConfirmSchema = z
  .strictObject({ token: tokenSchema, password: newPasswordSchema })
  .superRefine((v, ctx) => checkPassword(ctx, v.password, 'password', []));

/** Changing a password; the personal parts are checked by the service, which knows the customer. */
export const changePasswordSchema = z.strictObject({
  currentPassword: currentPasswordSchema,
  newPassword: newPasswordSchema,
});

export const changeEmailSchema = z.strictObject({ email: emailSchema, password: currentPasswordSchema });
export const passwordOnlySchema = z.strictObject({ password: currentPasswordSchema });

export const profileFormSchema = z.strictObject({
  name: nameSchema,
  accountType: accountTypeSchema.optional(),
  companyName: companySchema.default(''),
  phone: phoneSchema.default(''),
});
export const profilePatchSchema = z.strictObject({
  name: nameSchema.optional(),
  accountType: accountTypeSchema.optional(),
  companyName: companySchema.optional(),
  phone: phoneSchema.optional(),
});
export type ProfilePatch = z.infer<typeof profilePatchSchema>;

/** Checks a profile after a change is merged into what is stored. */
export function describeProfileProblems(p: { accountType: string; companyName: string; phone: string }) {
  const fields: Record<string, string> = {};
  if (p.accountType === 'business' && !p.companyName) fields.companyName = 'Enter the name of your business.';
  if (p.accountType === 'business' && !p.phone) fields.phone = 'Enter a phone number for your business.';
  return fields;
}

const countrySchema = z
  .string({ error: 'Choose a country.' })
  .trim()
  .toUpperCase()
  .refine((v) => COUNTRY_CODES.has(v), { message: 'Choose a country from the list (a two-letter code such as US).' });

const addressFields = {
  name: requiredText('Enter the name of the recipient.', MAX_NAME_LENGTH),
  line1: requiredText('Enter the street address.', 200),
  line2: optionalText(200),
  city: requiredText('Enter the city.', 100),
  state: optionalText(100),
  postalCode: requiredText('Enter the postal code.', 20),
  country: countrySchema,
  phone: phoneSchema,
};

// US addresses are checked as the carriers need them; other countries' formats vary too much to check.
function checkAddress(v: { country?: string; postalCode?: string; state?: string }, ctx: z.RefinementCtx) {
  if (v.country !== 'US') return;
  if (v.postalCode && !/^\d{5}(-\d{4})?$/.test(v.postalCode)) {
    ctx.addIssue({
      code: 'custom',
      path: ['postalCode'],
      message: 'Enter a ZIP code of 5 digits, or 5+4 like 94107-1234.',
    });
  }
  if (!v.state) ctx.addIssue({ code: 'custom', path: ['state'], message: 'Enter the state.' });
}

const defaults = { line2: '', state: '', phone: '', country: 'US' } as const;

// The optional fields take their defaults, so a form and an API body leaving them out mean the same address.
const addressFieldsWithDefaults = {
  ...addressFields,
  line2: addressFields.line2.default(defaults.line2),
  state: addressFields.state.default(defaults.state),
  phone: addressFields.phone.default(defaults.phone),
  country: addressFields.country.default(defaults.country),
};

export const addressFormSchema = z
  .strictObject({
    ...addressFieldsWithDefaults,
    isDefaultShipping: checkbox,
    isDefaultBilling: checkbox,
  })
  .superRefine(checkAddress);

export const addressBodySchema = z
  .strictObject({
    ...addressFieldsWithDefaults,
    isDefaultShipping: z.boolean().optional().default(false),
    isDefaultBilling: z.boolean().optional().default(false),
  })
  .superRefine(checkAddress);
export type AddressInput = z.infer<typeof addressBodySchema>;

/** An address given whole, as an order's shipping address is: the address book's fields, without its flags. */
export const addressSnapshotSchema = z.strictObject(addressFieldsWithDefaults).superRefine(checkAddress);

export const addressPatchSchema = z.strictObject({
  name: addressFields.name.optional(),
  line1: addressFields.line1.optional(),
  line2: addressFields.line2.optional(),
  city: addressFields.city.optional(),
  state: addressFields.state.optional(),
  postalCode: addressFields.postalCode.optional(),
  country: addressFields.country.optional(),
  phone: addressFields.phone.optional(),
  isDefaultShipping: z.boolean().optional(),
  isDefaultBilling: z.boolean().optional(),
});
export type AddressPatch = z.infer<typeof addressPatchSchema>;

/** Checks an address after a partial change is merged into what is stored; field errors, empty if fine. */
export function describeAddressProblems(a: AddressInput): Record<string, string> {
  const result = addressBodySchema.safeParse(a);
  if (result.success) return {};
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) fields[issue.path.join('.') || '_'] ??= issue.message;
  return fields;
}
