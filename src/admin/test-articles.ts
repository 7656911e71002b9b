import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { articles } from '#src/content/schema.ts';
import type { Db } from '#src/db/client.ts';
import type { Visitor } from '#test/support/visitor.ts';

/** Creates an article through the editor's form as `admin` fills it in, and returns its id with the fields sent. */
export async function createArticleByForm(admin: Visitor, fields: Record<string, string>) {
  const res = await admin.submit('/admin/articles/new', fields, '/admin/articles');
  expect(res.status, await res.clone().text()).toBe(303);
  const id = /\/admin\/articles\/([0-9a-f-]{36})/.exec(res.headers.get('location')!)![1]!;
  return { id, fields };
}

/** The article's row as the editor left it. */
export async function articleRowOf(db: Db, id: string) {
  return (await db.select().from(articles).where(eq(articles.id, id)))[0]!;
}
