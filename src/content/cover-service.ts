import { eq } from 'drizzle-orm';
import { addRevision, type ContentWrite, hasRevisions, lockArticle, pagesChangedBy } from './admin-service.ts';
import { type Article, type ArticleImage, articles } from './schema.ts';

/**
 * Gives the article a cover picture (null takes it away), kept as a revision like any other save, and empties the
 * pages that show it: its own, and the lists whose cards carry it. The picture's files are stored before the
 * transaction (media/image-files.ts) and kept after a removal, since revisions may still name them.
 */
export async function setArticleCover(
  w: ContentWrite,
  o: {
    id: string;
    /** The new cover, or how the current one changes (read under the article's lock). */
    cover: ArticleImage | null | ((current: ArticleImage | null) => ArticleImage);
    actorEmail: string;
  },
): Promise<{ before: Article; after: Article; revision: number }> {
  const before = await lockArticle(w.tx, o.id);
  const cover = typeof o.cover === 'function' ? o.cover(before.coverImage) : o.cover;
  const [after] = (await w.tx
    .update(articles)
    .set({ coverImage: cover, updatedAt: new Date() })
    .where(eq(articles.id, o.id))
    .returning()) as [Article];
  if (!(await hasRevisions(w.tx, before.id))) {
    await addRevision(w.tx, before, o.actorEmail, 'As it was before the first edit');
  }
  const note = o.cover
    ? before.coverImage
      ? 'Cover picture replaced'
      : 'Cover picture added'
    : 'Cover picture removed';
  const revision = await addRevision(w.tx, after, o.actorEmail, note);
  await w.cache.announce(w.tx, { pages: pagesChangedBy(before, after) });
  return { before, after, revision };
}
