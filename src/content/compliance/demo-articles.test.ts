import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { complianceReport } from '../admin-queries.ts';
import { articles } from '../schema.ts';

let store: TestStore;
beforeAll(async () => {
  store = await createTestStore();
});
afterAll(() => store.close());

async function reportOf(slug: string) {
  const [article] = await store.database.db.select().from(articles).where(eq(articles.slug, slug));
  expect(article, slug).toBeDefined();
  return complianceReport(store.database.db, article!, article!.id);
}

describe('the demo articles under the compliance check', () => {
  it('passes the published exosome article, embeds and all', async () => {
    const report = await reportOf('exosome-hair-therapy-side-effects');
    expect(report.findings).toEqual([]);
  });

  it('blocks the demo draft for the claims it makes, so a new operator sees the check at work', async () => {
    const report = await reportOf('regrow-hair-fast-draft');
    const rules = new Set(report.blocking.map((f) => f.rule));
    expect(rules).toContain('drug-claim');
    expect(rules).toContain('approval-claim');
  });
});
