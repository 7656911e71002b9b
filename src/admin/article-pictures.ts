import { findArticleById } from '#src/content/admin-queries.ts';
import { setArticleCover } from '#src/content/cover-service.ts';
import type { Article, ArticleImage } from '#src/content/schema.ts';
import { AppError } from '#src/lib/errors.ts';
import { checkAltText } from '#src/media/alt-text.ts';
import { checkPictureUpload } from '#src/media/check-upload.ts';
import { pictureOf, storeImage, type UploadedImage } from '#src/media/image-files.ts';
import { markdownOfUpload } from '#src/media/markdown-images.ts';
import { recordAudit } from '#src/staff/audit.ts';
import { actorOf } from '#src/staff/current.ts';
import type { StaffUser } from '#src/staff/schema.ts';
import type { AppContext } from '#src/web/context.ts';

type Ctx = Pick<AppContext, 'db' | 'cache' | 'storage'>;

// What the audit log keeps of a cover: its address and alt text.
const coverView = (a: Article) => (a.coverImage ? { src: a.coverImage.src, alt: a.coverImage.alt } : null);

// Checks the picture and its alt text, and that the article exists, before the slow resizing; the files are
// stored before any transaction, which must not wait on them (PGlite rules, architecture.md).
async function storeArticlePicture(ctx: Ctx, o: { id: string; bytes: Uint8Array; alt: string }) {
  const alt = checkPictureUpload(o.bytes, o.alt);
  if (!(await findArticleById(ctx.db, o.id))) throw new AppError('NOT_FOUND', 'There is no article with this id.');
  return { alt, upload: await storeImage(ctx.storage, o.bytes) };
}

/**
 * Gives an article an uploaded cover picture, or replaces its cover; without a file, changes the alt text of the
 * cover it has. Kept as a revision and audited.
 */
export async function setCoverAs(ctx: Ctx, staff: StaffUser, o: { id: string; bytes: Uint8Array; alt: string }) {
  const cover = await coverChangeOf(ctx, o);
  return ctx.db.transaction(async (tx) => {
    const saved = await setArticleCover({ tx, cache: ctx.cache }, { id: o.id, cover, actorEmail: staff.email });
    const isSamePicture = saved.before.coverImage?.src === saved.after.coverImage?.src;
    await recordAudit(tx, {
      staff: actorOf(staff),
      action: !saved.before.coverImage
        ? 'article.cover-add'
        : isSamePicture
          ? 'article.cover-update'
          : 'article.cover-replace',
      entityType: 'article',
      entityId: o.id,
      before: coverView(saved.before),
      after: { ...coverView(saved.after), revision: saved.revision },
    });
    return saved;
  });
}

// A new picture, stored before the transaction; or, with no file and a cover in place, the new alt text for it.
async function coverChangeOf(ctx: Ctx, o: { id: string; bytes: Uint8Array; alt: string }) {
  if (o.bytes.length === 0) {
    const article = await findArticleById(ctx.db, o.id);
    if (!article) throw new AppError('NOT_FOUND', 'There is no article with this id.');
    if (article.coverImage) {
      const alt = checkAltText(o.alt);
      return (current: ArticleImage | null) => {
        if (!current) throw new AppError('CONFLICT', 'The cover was removed meanwhile: choose a picture to upload.');
        return { ...current, alt };
      };
    }
  }
  const { alt, upload } = await storeArticlePicture(ctx, o);
  return pictureOf(upload, alt);
}

/** Takes an article's cover away; its files stay, as earlier revisions name them. */
export function removeCoverAs(ctx: Ctx, staff: StaffUser, id: string) {
  return ctx.db.transaction(async (tx) => {
    const saved = await setArticleCover({ tx, cache: ctx.cache }, { id, cover: null, actorEmail: staff.email });
    await recordAudit(tx, {
      staff: actorOf(staff),
      action: 'article.cover-remove',
      entityType: 'article',
      entityId: id,
      before: coverView(saved.before),
      after: { revision: saved.revision },
    });
    return saved;
  });
}

/** A picture uploaded for an article's text: stored like a cover, placed by the Markdown it answers. */
export type BodyPicture = { upload: UploadedImage; alt: string; markdown: string };

/**
 * Stores a picture for an article's body and answers the Markdown that shows it. The text itself is unchanged
 * until the author saves it with the picture placed; the audit log keeps who uploaded what.
 */
export async function uploadBodyPictureAs(
  ctx: Ctx,
  staff: StaffUser,
  o: { id: string; bytes: Uint8Array; alt: string },
): Promise<BodyPicture> {
  const { alt, upload } = await storeArticlePicture(ctx, o);
  const picture = pictureOf(upload, alt);
  await ctx.db.transaction((tx) =>
    recordAudit(tx, {
      staff: actorOf(staff),
      action: 'article.image-upload',
      entityType: 'article',
      entityId: o.id,
      before: null,
      after: { src: picture.src, alt },
    }),
  );
  return { upload, alt, markdown: markdownOfUpload(upload, alt) };
}
