import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import type { Article } from '#src/content/schema.ts';
import { AppError, type FieldErrors } from '#src/lib/errors.ts';
import { readImageUpload } from '#src/media/upload.ts';
import { requireStaff } from '#src/staff/current.ts';
import type { StaffUser } from '#src/staff/schema.ts';
import type { AppEnv } from '#src/web/context.ts';
import { type FormValues, readForm } from '#src/web/forms.ts';
import { removeCoverAs, setCoverAs, uploadBodyPictureAs } from './article-pictures.ts';
import { articleOf, savedValuesOf, showEditor } from './article-routes.ts';

/**
 * The pictures of the article editor: its cover, and pictures for the text. Their buttons post the whole editor
 * form, so whatever the author typed and has not saved comes back with the answer instead of being lost.
 */
export const articlePicturePages = new Hono<AppEnv>();

const PERMISSION = 'content:manage';
// Fields of the editor's form that are no part of the article: the pictures and their alt texts.
const PICTURE_FIELDS = new Set(['coverFile', 'coverAlt', 'imageFile', 'imageAlt', 'intent']);

// Whether the form holds exactly the saved article: then the editor can be shown afresh after a redirect.
async function isAsSaved(c: Context<AppEnv>, article: Article, values: FormValues): Promise<boolean> {
  const saved = await savedValuesOf(c, article);
  const typed = Object.entries(values).filter(([key]) => !PICTURE_FIELDS.has(key) && key !== 'categoriesShown');
  const norm = (v: string | undefined) => (v ?? '').replace(/\r\n?/g, '\n');
  return (
    typed.every(([key, value]) => norm(value) === norm(saved[key])) &&
    Object.keys(saved).every((key) => norm(saved[key]) === norm(values[key]))
  );
}

// A picture's field errors under the names the editor's form gives its fields.
function pictureErrors(
  err: unknown,
  names: { image: string; alt: string },
): { status: 413 | 422; errors: FieldErrors } {
  if (!(err instanceof AppError) || !['VALIDATION', 'PAYLOAD_TOO_LARGE', 'CONFLICT'].includes(err.code)) throw err;
  const fields = err.fields ?? {};
  const errors: FieldErrors = { _: err.message };
  if (fields.image) errors[names.image] = fields.image;
  if (fields.alt) errors[names.alt] = fields.alt;
  return { status: err.code === 'PAYLOAD_TOO_LARGE' ? 413 : 422, errors };
}

const DONE = { 'cover-saved': 'Cover picture saved.', 'cover-removed': 'Cover picture removed.' };

// A cover change is saved at once; the text typed around it comes back as typed, unless it is the saved text.
async function afterCoverChange(c: Context<AppEnv>, staff: StaffUser, values: FormValues, done: keyof typeof DONE) {
  const article = await articleOf(c);
  if (await isAsSaved(c, article, values)) {
    return c.redirect(`/admin/articles/${article.id}?done=${done}#cover-heading`, 303);
  }
  return showEditor(c, staff, article, {
    values: { ...values, coverAlt: article.coverImage?.alt ?? '' },
    notice: `${DONE[done]} The other changes on this page are not saved yet.`,
  });
}

articlePicturePages.post('/:id/cover', async (c) => {
  const staff = await requireStaff(c, PERMISSION);
  const article = await articleOf(c);
  const { bytes, values } = await readImageUpload(c, 'coverFile');
  try {
    await setCoverAs(c.var.ctx, staff, { id: article.id, bytes, alt: values.coverAlt ?? '' });
  } catch (err) {
    const refusal = pictureErrors(err, { image: 'coverFile', alt: 'coverAlt' });
    return showEditor(c, staff, article, { values, errors: refusal.errors, status: refusal.status });
  }
  return afterCoverChange(c, staff, values, 'cover-saved');
});

articlePicturePages.post('/:id/cover/remove', async (c) => {
  const staff = await requireStaff(c, PERMISSION);
  const article = await articleOf(c);
  const form = await readForm(c, z.looseObject({}));
  await removeCoverAs(c.var.ctx, staff, article.id);
  return afterCoverChange(c, staff, form.values, 'cover-removed');
});

// The editor's script asks for JSON (the Markdown to insert at the cursor); without it the editor comes back
// with the Markdown to copy, the text as typed, and the picture's alt text field empty for the next one.
articlePicturePages.post('/:id/images', async (c) => {
  const staff = await requireStaff(c, PERMISSION);
  const article = await articleOf(c);
  const wantsJson = (c.req.header('accept') ?? '').includes('application/json');
  const { bytes, values } = await readImageUpload(c, 'imageFile');
  try {
    const picture = await uploadBodyPictureAs(c.var.ctx, staff, { id: article.id, bytes, alt: values.imageAlt ?? '' });
    if (wantsJson) return c.json({ markdown: picture.markdown }, 201);
    return showEditor(c, staff, article, {
      values: { ...values, imageAlt: '' },
      notice: 'Picture uploaded: copy its line into the text where it should appear.',
      uploaded: { markdown: picture.markdown, alt: picture.alt, upload: picture.upload },
    });
  } catch (err) {
    const refusal = pictureErrors(err, { image: 'imageFile', alt: 'imageAlt' });
    if (wantsJson) return c.json({ message: refusal.errors._, errors: refusal.errors }, refusal.status);
    return showEditor(c, staff, article, { values, errors: refusal.errors, status: refusal.status });
  }
});
