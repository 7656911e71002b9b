import { and, eq, inArray, max, ne } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { isUniqueViolation } from '#src/db/errors.ts';
import { enqueueJob } from '#src/jobs/queue.ts';
import { AppError } from '#src/lib/errors.ts';
import type { CacheBus } from '#src/web/cache-bus.ts';
import { type ComplianceReport, complianceReport, findArticleById, findRevision } from './admin-queries.ts';
import { type ArticleFields, articleChangesSchema, articleFieldsSchema } from './admin-validators.ts';
import { ARTICLE_LISTS, articleTags } from './cache-tags.ts';
import { publishScheduled } from './publish-job-kind.ts';
import { listCategoriesOfArticle } from './queries.ts';
import {
  type Article,
  type ArticleSnapshot,
  articleCategories,
  articleCategoryLinks,
  articleFindingAcknowledgements,
  articleRevisions,
  articleSlugRedirects,
  articles,
} from './schema.ts';

/** What an article write needs: the caller's transaction (which also writes the audit entry) and the caches. */
export type ContentWrite = { tx: Db; cache: Pick<CacheBus, 'announce'> };

/** Publishing (or scheduling) refused while findings are open; they travel with the error to the page or API. */
export class PublishingBlocked extends AppError {
  readonly report: ComplianceReport;
  constructor(report: ComplianceReport) {
    const n = report.blocking.length;
    super(
      'VALIDATION',
      `The compliance check found ${n} open ${n === 1 ? 'finding' : 'findings'}: fix the text or acknowledge each with a reason before publishing.`,
    );
    this.report = report;
  }
}

function invalid(fields: Record<string, string>, message = 'The article has invalid fields.'): AppError {
  return new AppError('VALIDATION', message, { fields });
}

export function snapshotOf(a: Article | (ArticleFields & { publishedAt: Date | null })): ArticleSnapshot {
  return {
    title: a.title,
    slug: a.slug,
    excerpt: a.excerpt,
    body: a.body,
    authorName: a.authorName,
    tags: a.tags,
    status: a.status,
    publishedAt: a.publishedAt ? a.publishedAt.toISOString() : null,
    seoTitle: a.seoTitle,
    seoDescription: a.seoDescription,
    canonicalUrl: a.canonicalUrl,
    ...('coverImage' in a ? { coverImage: a.coverImage ?? null } : {}),
  };
}

// The publication time each status stands for: scheduled needs a time to come; published means from then (now
// when none is given or the time given has come); a draft or archived article keeps what it had.
function publicationOf(fields: ArticleFields, current: Article | undefined, now: Date): Date | null {
  if (fields.status === 'scheduled') {
    if (!fields.publishAt || fields.publishAt <= now) {
      throw invalid({ publishAt: 'A scheduled article needs a publication time in the future.' });
    }
    return fields.publishAt;
  }
  if (fields.status === 'published') {
    if (fields.publishAt && fields.publishAt > now) {
      throw invalid({ publishAt: 'This time is still to come: choose the status Scheduled to publish then.' });
    }
    return fields.publishAt ?? current?.publishedAt ?? now;
  }
  return fields.publishAt ?? current?.publishedAt ?? null;
}

async function checkSlugFree(tx: Db, slug: string, selfId: string | undefined): Promise<void> {
  const [other] = await tx
    .select({ id: articles.id })
    .from(articles)
    .where(selfId ? and(eq(articles.slug, slug), ne(articles.id, selfId)) : eq(articles.slug, slug));
  if (other)
    throw new AppError('CONFLICT', 'Another article already uses this slug.', { fields: { slug: 'is already taken' } });
}

/** Files the article under exactly these blog categories, by slug; an unknown one is refused. */
async function fileUnderCategories(tx: Db, articleId: string, slugs: readonly string[]): Promise<void> {
  const found = slugs.length
    ? await tx
        .select({ id: articleCategories.id, slug: articleCategories.slug })
        .from(articleCategories)
        .where(inArray(articleCategories.slug, [...slugs]))
    : [];
  const unknown = slugs.filter((slug) => !found.some((c) => c.slug === slug));
  if (unknown.length) {
    throw invalid({ categories: `There is no blog category "${unknown.join('", "')}".` });
  }
  await tx.delete(articleCategoryLinks).where(eq(articleCategoryLinks.articleId, articleId));
  if (found.length) {
    await tx.insert(articleCategoryLinks).values(found.map((c) => ({ articleId, categoryId: c.id })));
  }
}

/** Keeps the article as it now stands as its next revision; answers the revision's number. */
export async function addRevision(tx: Db, article: Article, actorEmail: string, note = ''): Promise<number> {
  const [last] = await tx
    .select({ n: max(articleRevisions.number) })
    .from(articleRevisions)
    .where(eq(articleRevisions.articleId, article.id));
  const number = (last?.n ?? 0) + 1;
  const categories = (await listCategoriesOfArticle(tx, article.id)).map((c) => c.slug);
  await tx
    .insert(articleRevisions)
    .values({ articleId: article.id, number, snapshot: { ...snapshotOf(article), categories }, actorEmail, note });
  return number;
}

/** Whether any revision of the article is kept (the demo's and imported ones have none until edited). */
export async function hasRevisions(tx: Db, articleId: string): Promise<boolean> {
  const [row] = await tx
    .select({ n: articleRevisions.number })
    .from(articleRevisions)
    .where(eq(articleRevisions.articleId, articleId))
    .limit(1);
  return row !== undefined;
}

const isGoingPublic = (status: Article['status']) => status === 'published' || status === 'scheduled';

/**
 * Saves an article (a new one without `id`): validates, refuses publishing or scheduling while compliance
 * findings are open, keeps the old slug as a redirect, records a revision, queues the publication of a scheduled
 * article, and empties the pages that showed it.
 */
export async function saveArticle(
  w: ContentWrite,
  o: {
    id?: string;
    changes: unknown;
    actorEmail: string;
    note?: string;
    /** The cover picture to keep with this save (a restored revision's); left out, it stays as it is. */
    coverImage?: Article['coverImage'];
  },
): Promise<{ before: Article | undefined; after: Article; revision: number }> {
  const { tx } = w;
  const current = o.id ? await lockArticle(tx, o.id) : undefined;
  const parsedChanges = (current ? articleChangesSchema : articleFieldsSchema).safeParse(o.changes);
  if (!parsedChanges.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsedChanges.error.issues) fields[String(issue.path[0] ?? '_')] ??= issue.message;
    throw invalid(fields);
  }
  const base = current ? { ...snapshotFields(current), ...stripUndefined(parsedChanges.data) } : parsedChanges.data;
  const fields = articleFieldsSchema.parse(base);
  const now = new Date();
  const publishedAt = publicationOf(fields, current, now);
  // Published and scheduled texts pass the compliance check first; saving a public article again checks again.
  if (isGoingPublic(fields.status)) {
    const report = await complianceReport(tx, fields, current?.id);
    if (report.blocking.length) throw new PublishingBlocked(report);
  }
  await checkSlugFree(tx, fields.slug, current?.id);
  const { publishAt: _ignored, categories, ...columns } = fields;
  const values = {
    ...columns,
    publishedAt,
    updatedAt: now,
    ...(o.coverImage !== undefined ? { coverImage: o.coverImage } : {}),
  };
  let after: Article;
  try {
    if (current) {
      [after] = (await tx.update(articles).set(values).where(eq(articles.id, current.id)).returning()) as [Article];
    } else {
      [after] = (await tx.insert(articles).values(values).returning()) as [Article];
    }
  } catch (err) {
    if (isUniqueViolation(err))
      throw new AppError('CONFLICT', 'Another article already uses this slug.', {
        fields: { slug: 'is already taken' },
      });
    throw err;
  }
  if (current && current.slug !== after.slug) {
    // The old address answers 301 to the new one; a slug taken back frees its redirect.
    await tx
      .insert(articleSlugRedirects)
      .values({ fromSlug: current.slug, articleId: after.id })
      .onConflictDoUpdate({ target: articleSlugRedirects.fromSlug, set: { articleId: after.id } });
  }
  await tx.delete(articleSlugRedirects).where(eq(articleSlugRedirects.fromSlug, after.slug));
  // An article written before revisions were kept (the demo's, an import) keeps its text as it was first.
  if (current && !(await hasRevisions(tx, current.id))) {
    await addRevision(tx, current, o.actorEmail, 'As it was before the first edit');
  }
  if (categories !== undefined) await fileUnderCategories(tx, after.id, categories);
  const revision = await addRevision(tx, after, o.actorEmail, o.note);
  if (after.status === 'scheduled' && after.publishedAt) {
    await enqueueJob(
      tx,
      publishScheduled,
      { articleId: after.id },
      { runAt: after.publishedAt, uniqueKey: `article-publish:${after.id}:${after.publishedAt.toISOString()}` },
    );
  }
  await w.cache.announce(tx, { pages: pagesChangedBy(current, after) });
  return { before: current, after, revision };
}

/** Publishes a saved article now (or keeps its earlier publication time), if the compliance check lets it. */
export async function publishArticle(w: ContentWrite, o: { id: string; actorEmail: string }) {
  const current = await lockArticle(w.tx, o.id);
  const publishAt = current.publishedAt && current.publishedAt <= new Date() ? current.publishedAt : null;
  return saveArticle(w, {
    id: o.id,
    changes: { status: 'published', publishAt },
    actorEmail: o.actorEmail,
    note: 'Published',
  });
}

/** Restores a revision's text and settings as a new revision; the article keeps its current status. */
export async function restoreRevision(w: ContentWrite, o: { id: string; number: number; actorEmail: string }) {
  const current = await lockArticle(w.tx, o.id);
  const revision = await findRevision(w.tx, o.id, o.number);
  if (!revision) throw new AppError('NOT_FOUND', 'There is no such revision of this article.');
  const { status: _status, publishedAt: _publishedAt, coverImage, ...text } = revision.snapshot;
  return saveArticle(w, {
    id: o.id,
    changes: { ...text, status: current.status, publishAt: current.publishedAt },
    // A revision kept before covers were uploaded says nothing of the cover: the current one stays.
    ...(coverImage !== undefined ? { coverImage } : {}),
    actorEmail: o.actorEmail,
    note: `Restored revision ${o.number}`,
  });
}

/** Accepts an open finding of the article's saved text with a reason; it holds while the sentence does. */
export async function acknowledgeFinding(
  w: ContentWrite,
  o: { id: string; findingId: string; reason: string; actorEmail: string },
) {
  const article = await lockArticle(w.tx, o.id);
  const report = await complianceReport(w.tx, article, article.id);
  const finding = report.findings.find((f) => f.id === o.findingId);
  if (!finding) throw new AppError('NOT_FOUND', 'The article has no such finding now; its text may have changed.');
  if (!finding.acknowledgeable) {
    throw new AppError('CONFLICT', 'This finding cannot be acknowledged: the embed must be corrected in the text.');
  }
  const values = { rule: finding.rule, sentence: finding.sentence, reason: o.reason, actorEmail: o.actorEmail };
  await w.tx
    .insert(articleFindingAcknowledgements)
    .values({ articleId: article.id, findingKey: finding.id, ...values })
    .onConflictDoUpdate({
      target: [articleFindingAcknowledgements.articleId, articleFindingAcknowledgements.findingKey],
      set: { ...values, createdAt: new Date() },
    });
  return { article, finding };
}

/** The article, locked for the rest of the transaction; NOT_FOUND when there is none. */
export async function lockArticle(tx: Db, id: string): Promise<Article> {
  const [row] = await tx.select().from(articles).where(eq(articles.id, id)).for('update');
  if (!row) throw new AppError('NOT_FOUND', 'There is no article with this id.');
  return row;
}

function snapshotFields(a: Article): ArticleFields {
  return {
    title: a.title,
    slug: a.slug,
    excerpt: a.excerpt,
    body: a.body,
    authorName: a.authorName,
    tags: a.tags,
    status: a.status,
    publishAt: a.publishedAt,
    seoTitle: a.seoTitle,
    seoDescription: a.seoDescription,
    canonicalUrl: a.canonicalUrl,
  };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The article's page under its old and new slug, and (when it is or was public) every list of articles. */
export function pagesChangedBy(before: Article | undefined, after: Article): string[] {
  return [...(before ? articleTags(before) : []), ...articleTags(after), ARTICLE_LISTS];
}

export { findArticleById };
