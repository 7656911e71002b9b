import { type Article, articles, type NewArticle } from '#src/content/schema.ts';
import type { Db } from '#src/db/client.ts';

let sequence = 0;

/** A published article row for search and home page tests (the blog's own services live in src/content). */
export async function insertTestArticle(db: Db, o: Partial<NewArticle> = {}): Promise<Article> {
  sequence += 1;
  const tag = `t${process.pid}x${sequence}`;
  const [row] = await db
    .insert(articles)
    .values({
      slug: `article-${tag}`,
      title: `Article ${tag}`,
      status: 'published',
      publishedAt: new Date(Date.now() - 60_000),
      ...o,
    })
    .returning();
  return row!;
}
