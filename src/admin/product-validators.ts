import { z } from 'zod';
import { EDITOR_SORTS, STOCK_STATES } from '#src/catalog/editor-queries.ts';
import {
  ACCESS_CLASSES,
  type ActiveIngredient,
  PRODUCT_FORMS,
  PRODUCT_STATUSES,
  type ProductWarning,
  REGULATORY_STATUSES,
  ROUTES_OF_USE,
  STORAGE_CLASSES,
  WARNING_TOPICS,
} from '#src/catalog/schema.ts';
import { pageSchema, slugSchema } from '#src/catalog/validators.ts';
import { slugFromName } from './category-validators.ts';

const blank = (v: unknown) => (v === '' ? undefined : v);

/** Query of /admin/products and GET /api/admin/products: the same filters on the page and in the API. */
export const productEditorQuerySchema = z.object({
  q: z.preprocess(blank, z.string().trim().max(200).optional()),
  category: z.preprocess(blank, z.uuid({ error: 'must be a category id' }).optional()),
  status: z.preprocess(blank, z.enum(PRODUCT_STATUSES).optional()),
  access: z.preprocess(blank, z.enum(ACCESS_CLASSES).optional()),
  regulatory: z.preprocess(blank, z.enum(REGULATORY_STATUSES).optional()),
  stock: z.preprocess(blank, z.enum(STOCK_STATES).optional()),
  sort: z.preprocess(blank, z.enum(EDITOR_SORTS).default('name')),
  page: z.preprocess(blank, pageSchema.default(1)),
  done: z.string().max(40).optional(),
});

/** Money typed as dollars and cents ("24", "24.5", "1,024.00"), read as integer cents. */
function moneyField(o: { required: boolean; label: string }) {
  const message = `Enter ${o.label} like 24.00.`;
  return z
    .string()
    .default('')
    .transform((s) => s.trim().replace(/[$,\s]/g, ''))
    .pipe(o.required ? z.string().min(1, { error: `Enter ${o.label}.` }) : z.string())
    .refine((s) => s === '' || /^\d{1,7}(\.\d{1,2})?$/.test(s), { error: message })
    .transform((s) => (s === '' ? null : Math.round(Number(s) * 100)));
}

const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

/** "Minoxidil | 5%" per line; the amount is optional. */
export function ingredientsOf(text: string): ActiveIngredient[] {
  return lines(text).map((line) => {
    const [name = '', ...rest] = line.split('|');
    const amount = rest.join('|').trim();
    return amount ? { name: name.trim(), amount } : { name: name.trim() };
  });
}

export function ingredientsText(list: ActiveIngredient[]): string {
  return list.map((i) => (i.amount ? `${i.name} | ${i.amount}` : i.name)).join('\n');
}

/** "pregnancy: Do not use when pregnant." per line; the topic comes first. */
export function warningsOf(text: string, ctx: z.RefinementCtx): ProductWarning[] {
  const out: ProductWarning[] = [];
  for (const line of lines(text)) {
    const at = line.indexOf(':');
    const topic = line.slice(0, at).trim().toLowerCase();
    if (at < 0 || !(WARNING_TOPICS as readonly string[]).includes(topic)) {
      ctx.addIssue({
        code: 'custom',
        message: `Start each line with a topic and a colon (${WARNING_TOPICS.join(', ')}), like "pregnancy: Do not use when pregnant."`,
      });
      return [];
    }
    out.push({ topic: topic as ProductWarning['topic'], text: line.slice(at + 1).trim() });
  }
  return out;
}

export function warningsText(list: ProductWarning[]): string {
  return list.map((w) => `${w.topic}: ${w.text}`).join('\n');
}

const choice = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.enum(values, { error: message });

/**
 * The product form. It reads what people type into the shape the catalogue takes; the catalogue then checks
 * every fact exactly as the API does, and whether the product may be published.
 */
export const productFormSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, { error: 'Enter the product name.' })
      .max(200, { error: 'Keep the name to 200 characters.' }),
    slug: z
      .string()
      .trim()
      .max(120, { error: 'Keep the address to 120 characters.' })
      .refine((s) => s === '' || slugSchema.safeParse(s).success, {
        error: 'Use lowercase letters, digits and single hyphens, like pep-factor-serum.',
      })
      .default(''),
    sku: z
      .string()
      .trim()
      .min(1, { error: 'Enter the SKU printed on the pack.' })
      .max(64, { error: 'Keep the SKU to 64 characters.' }),
    summary: z.string().default(''),
    description: z.string().default(''),
    brand: z.string().default(''),
    categoryId: z
      .string()
      .default('')
      .pipe(z.union([z.literal('').transform(() => null), z.uuid({ error: 'Choose a category from the list.' })])),
    price: moneyField({ required: true, label: 'the price' }),
    compareAt: moneyField({ required: false, label: 'the regular price' }),
    status: choice(PRODUCT_STATUSES, 'Choose draft, active or archived.'),
    isFeatured: z
      .string()
      .optional()
      .transform((v) => v === 'on' || v === 'true'),
    form: choice(PRODUCT_FORMS, 'Choose the product form.'),
    route: choice(ROUTES_OF_USE, 'Choose how the product is used.'),
    regulatoryStatus: choice(REGULATORY_STATUSES, 'Choose the regulatory status.'),
    accessClass: choice(ACCESS_CLASSES, 'Choose who may buy it.'),
    storage: choice(STORAGE_CLASSES, 'Choose how it is stored.'),
    directions: z.string().default(''),
    activeIngredients: z.string().default('').transform(ingredientsOf),
    sideEffects: z.string().default('').transform(lines),
    warnings: z.string().default('').transform(warningsOf),
  })
  .transform((data, ctx) => {
    const slug = data.slug || slugFromName(data.name);
    if (!slug)
      ctx.addIssue({ code: 'custom', path: ['slug'], message: 'Enter an address: the name has no letters or digits.' });
    const { price, compareAt, ...rest } = data;
    return { ...rest, slug, priceCents: price ?? 0, compareAtCents: compareAt };
  });
export type ProductFormData = z.output<typeof productFormSchema>;

const FIELD_OF: Record<string, string> = { priceCents: 'price', compareAtCents: 'compareAt' };

/** The form field a catalogue error names: "activeIngredients.0.name" is the ingredients box, priceCents the price. */
export function formFieldOf(key: string): string {
  const head = key.split('.')[0] ?? key;
  return FIELD_OF[head] ?? head;
}

export const imageOrderFormSchema = z.object({
  position: z
    .string()
    .trim()
    .regex(/^\d{1,2}$/, { error: 'Enter a position number, like 1.' })
    .transform(Number),
  alt: z
    .string()
    .trim()
    .min(1, { error: 'Describe the picture for people who cannot see it.' })
    .max(300, { error: 'Keep the alt text to 300 characters.' }),
});

/** The order the drag-and-drop script posts: picture ids separated by commas. */
export const imageOrderSchema = z.object({
  order: z
    .string()
    .max(2000)
    .transform((s) =>
      s
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean),
    ),
});
