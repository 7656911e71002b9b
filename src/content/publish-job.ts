import { eq, max } from 'drizzle-orm';
import { defineJob } from '#src/jobs/definition.ts';
import type { AppContext } from '#src/web/context.ts';
import { snapshotOf } from './admin-service.ts';
import { ARTICLE_LISTS, articleTags } from './cache-tags.ts';
import { publishScheduled } from './publish-job-kind.ts';
import { articleRevisions, articles } from './schema.ts';

/** Who the revision list names when a scheduled article goes public. */
export const SCHEDULE_ACTOR = 'scheduled publishing';

/**
 * Publishes a scheduled article once its time has come. An article unscheduled, published by hand or moved to
 * a later time meanwhile is left alone: the later time has a job of its own. Returns whether it published.
 */
export async function publishIfDue(ctx: Pick<AppContext, 'db' | 'cache'>, articleId: string): Promise<boolean> {
  return ctx.db.transaction(async (tx) => {
    const [article] = await tx.select().from(articles).where(eq(articles.id, articleId)).for('update');
    if (article?.status !== 'scheduled' || !article.publishedAt || article.publishedAt > new Date()) {
      return false;
    }
    const [after] = await tx
      .update(articles)
      .set({ status: 'published', updatedAt: new Date() })
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
      note: 'Published on schedule',
    });
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
