import { and, asc, count, desc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import { products } from '#src/catalog/schema.ts';
import type { Db } from '#src/db/client.ts';
import { getStoreSettings } from '#src/store/settings.ts';
import { type ArticleText, checkCompliance, type Finding, type ProductFacts } from './compliance/check.ts';
import { findEmbedProblems } from './embed-problems.ts';
import {
  type Article,
  type ArticleRevision,
  articleFindingAcknowledgements,
  articleRevisions,
  articles,
  type FindingAcknowledgement,
} from './schema.ts';
import { findProductSlugs } from './shortcodes.ts';

export type ArticleRow = Pick<Article, 'id' | 'slug' | 'title' | 'status' | 'authorName' | 'publishedAt' | 'updatedAt'>;

/** Articles of every status for the admin list, newest change first, filtered by words and status. */
export async function listArticlesForAdmin(
  db: Db,
  o: { q: string; status: Article['status'] | undefined; page: number; limit: number },
): Promise<{ items: ArticleRow[]; total: number }> {
  const like = `%${o.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
  const where = and(
    o.q ? or(ilike(articles.title, like), ilike(articles.slug, like), ilike(articles.authorName, like)) : undefined,
    o.status ? eq(articles.status, o.status) : undefined,
  );
  const [items, [total]] = await Promise.all([
    db
      .select({
        id: articles.id,
        slug: articles.slug,
        title: articles.title,
        status: articles.status,
        authorName: articles.authorName,
        publishedAt: articles.publishedAt,
        updatedAt: articles.updatedAt,
      })
      .from(articles)
      .where(where)
      .orderBy(desc(articles.updatedAt), desc(articles.id))
      .limit(o.limit)
      .offset((o.page - 1) * o.limit),
    db.select({ n: count() }).from(articles).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function findArticleById(db: Db, id: string): Promise<Article | undefined> {
  const [row] = await db.select().from(articles).where(eq(articles.id, id));
  return row;
}

/** Revisions of an article, newest first. */
export async function listRevisions(db: Db, articleId: string): Promise<ArticleRevision[]> {
  return db
    .select()
    .from(articleRevisions)
    .where(eq(articleRevisions.articleId, articleId))
    .orderBy(desc(articleRevisions.number));
}

export async function findRevision(db: Db, articleId: string, number: number): Promise<ArticleRevision | undefined> {
  const [row] = await db
    .select()
    .from(articleRevisions)
    .where(and(eq(articleRevisions.articleId, articleId), eq(articleRevisions.number, number)));
  return row;
}

export async function listAcknowledgements(db: Db, articleId: string): Promise<FindingAcknowledgement[]> {
  return db
    .select()
    .from(articleFindingAcknowledgements)
    .where(eq(articleFindingAcknowledgements.articleId, articleId))
    .orderBy(asc(articleFindingAcknowledgements.createdAt));
}

/**
 * The catalogue's facts about the products a text embeds or names: read from the catalogue, never written.
 * A name counts when it appears anywhere in the text, whatever its case.
 */
export async function productFactsFor(db: Db, text: ArticleText): Promise<ProductFacts[]> {
  const slugs = findProductSlugs(text.body);
  const all = `${text.title}\n${text.excerpt}\n${text.body}`.toLowerCase();
  const rows = await db
    .select({
      slug: products.slug,
      name: products.name,
      regulatoryStatus: products.regulatoryStatus,
      status: products.status,
    })
    .from(products)
    .where(
      or(
        slugs.length ? inArray(products.slug, slugs) : undefined,
        sql`length(${products.name}) >= 3 AND position(lower(${products.name}) in ${all}) > 0`,
      ),
    );
  return rows.map((r) => ({
    slug: r.slug,
    name: r.name,
    regulatoryStatus: r.regulatoryStatus,
    isActive: r.status === 'active',
  }));
}

export type ReportedFinding = Finding & { acknowledgement: FindingAcknowledgement | undefined };
export type ComplianceReport = { findings: ReportedFinding[]; blocking: ReportedFinding[] };

/** The compliance check of a text, with what staff acknowledged of this article (if it is saved). */
export async function complianceReport(db: Db, text: ArticleText, articleId?: string): Promise<ComplianceReport> {
  // One after the other: `db` is often a transaction, whose one connection takes a statement at a time.
  const facts = await productFactsFor(db, text);
  const settings = await getStoreSettings(db);
  const acks = articleId ? await listAcknowledgements(db, articleId) : [];
  const embedProblems = await findEmbedProblems(db, text.body);
  const byKey = new Map(acks.map((a) => [a.findingKey, a]));
  const findings = checkCompliance(text, { products: facts, disclaimer: settings.disclaimer, embedProblems }).map(
    (f) => ({
      ...f,
      acknowledgement: f.acknowledgeable ? byKey.get(f.id) : undefined,
    }),
  );
  return { findings, blocking: findings.filter((f) => !f.acknowledgement) };
}
