import { eq, max } from 'drizzle-orm';
import { defineJob } from '#src/jobs/definition.ts';
import type { AppContext } from '#src/web/context.ts';
import { complianceReport } from './admin-queries.ts';
import { snapshotOf } from './admin-service.ts';
import { ARTICLE_LISTS, articleTags } from './cache-tags.ts';
import { publishScheduled } from './publish-job-kind.ts';
import { articleRevisions, articles } from './schema.ts';

/** Who the revision list names when a scheduled article goes public. */
export const SCHEDULE_ACTOR = 'scheduled publishing';

/**
 * Publishes a scheduled article once its time has come, if it still passes the compliance check. An article
 * unscheduled, published by hand or moved to a later time meanwhile is left alone: the later time has a job of
 * its own. Returns whether it published.
 */
export async function publishIfDue(ctx: Pick<AppContext, 'db' | 'cache'>, articleId: string): Promise<boolean> {
  return ctx.db.transaction(async (tx) => {
    const [article] = await tx.select().from(articles).where(eq(articles.id, articleId)).for('update');
    if (article?.status !== 'scheduled' || !article.publishedAt || article.publishedAt > new Date()) {
      return false;
    }
    // The catalogue may have changed since it was scheduled: a claim that has become false holds it back as a
    // draft, which the article list shows, rather than publishing it.
    const report = await complianceReport(tx, article, article.id);
    const isHeld = report.blocking.length > 0;
    const [after] = await tx
      .update(articles)
      .set({ status: isHeld ? 'draft' : 'published', updatedAt: new Date() })
      .where(eq(articles.id, articleId))
      .returning();
    const [last] = await tx
      .select({ n: max(articleRevisions.number) })
      .from(articleRevisions)
      .where(eq(articleRevisions.articleId, articleId));
    await tx.insert(articleRevisions).values({
      articleId,
      number: (last?.n ?? 0) + 1,
      snapshot: snapshotOf(after!),
      actorEmail: SCHEDULE_ACTOR,
      note: isHeld
        ? `Held back at its time: ${report.blocking.length} open compliance ${report.blocking.length === 1 ? 'finding' : 'findings'}`
        : 'Published on schedule',
    });
    if (isHeld) return false;
    await ctx.cache.announce(tx, { pages: [...articleTags(after!), ARTICLE_LISTS] });
    return true;
  });
}

export const publishScheduledJob = defineJob({
  ...publishScheduled,
  async run(ctx: AppContext, payload) {
    await publishIfDue(ctx, payload.articleId);
  },
});
