import { z } from 'zod';
import { slugSchema } from '#src/catalog/validators.ts';

export const MAX_CATEGORY_NAME = 120;
export const MAX_CATEGORY_DESCRIPTION = 2000;

/** An address made from a name: "Hair & Scalp Care" becomes "hair-scalp-care". */
export function slugFromName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120)
    .replace(/-+$/, '');
}

const nameField = z
  .string()
  .trim()
  .min(1, { error: 'Enter a name.' })
  .max(MAX_CATEGORY_NAME, { error: `Keep the name to ${MAX_CATEGORY_NAME} characters.` });
const descriptionField = z
  .string()
  .trim()
  .max(MAX_CATEGORY_DESCRIPTION, { error: `Keep the description to ${MAX_CATEGORY_DESCRIPTION} characters.` })
  .default('');
// Empty means "make it from the name"; anything typed must already be a valid address.
const slugField = z
  .string()
  .trim()
  .max(120, { error: 'Keep the address to 120 characters.' })
  .refine((slug) => slug === '' || slugSchema.safeParse(slug).success, {
    error: 'Use lowercase letters, digits and single hyphens, like hair-care.',
  })
  .default('');
// An empty choice is the top level of the tree.
const parentField = z
  .string()
  .default('')
  .pipe(z.union([z.literal('').transform(() => null), z.uuid({ error: 'Choose a parent from the list.' })]));

function withSlug<T extends { name: string; slug: string }>(data: T, ctx: z.RefinementCtx): T {
  const slug = data.slug || slugFromName(data.name);
  if (!slug) {
    ctx.addIssue({ code: 'custom', path: ['slug'], message: 'Enter an address: the name has no letters or digits.' });
  }
  return { ...data, slug };
}

/** The form that adds a category; an empty address is made from the name. */
export const newCategoryFormSchema = z
  .object({ name: nameField, slug: slugField, description: descriptionField, parentId: parentField })
  .transform(withSlug);

/** The form that renames a category; an emptied address is made from the name. */
export const renameCategoryFormSchema = z
  .object({ name: nameField, slug: slugField, description: descriptionField })
  .transform(withSlug);

export const moveCategoryFormSchema = z.object({ parentId: parentField });

export const stepCategoryFormSchema = z.object({
  direction: z.enum(['up', 'down'], { error: 'Choose up or down.' }),
});
