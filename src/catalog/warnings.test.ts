import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '#src/lib/errors.ts';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { products } from './schema.ts';
import { updateProduct } from './service.ts';
import { createTestProduct } from './test-factory.ts';

let store: TestStore;

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

beforeAll(async () => {
  store = await createTestStore({ template: 'empty' });
  await createTestProduct(store.ctx, {
    slug: 'hair-tablets',
    name: 'Hair Tablets',
    sideEffects: ['Lower sex drive'],
    warnings: [
      { topic: 'pregnancy', text: '  Women who are or may become pregnant must not handle crushed tablets.  ' },
      { topic: 'interactions', text: 'Lowers the result of a PSA test by about 50 %.' },
      { topic: 'pregnancy', text: 'Not for use by women <or> children.' },
    ],
  });
  await createTestProduct(store.ctx, { slug: 'plain-balm', name: 'Plain Balm' });
});
afterAll(() => store.close());

describe('product warnings', () => {
  it('are stored trimmed, in the order given, and default to none', async () => {
    const [row] = await store.ctx.db.select().from(products).where(eq(products.slug, 'hair-tablets'));
    expect(row!.warnings[0]).toEqual({
      topic: 'pregnancy',
      text: 'Women who are or may become pregnant must not handle crushed tablets.',
    });
    const [plain] = await store.ctx.db.select().from(products).where(eq(products.slug, 'plain-balm'));
    expect(plain!.warnings).toEqual([]);
  });

  it.each([
    [[{ topic: 'astrology', text: 'Mercury is in retrograde.' }], 'warnings.0.topic', 'must be one of pregnancy'],
    [[{ topic: 'pregnancy', text: '   ' }], 'warnings.0.text', 'must say what to watch for'],
    [[{ topic: 'pregnancy', text: 'x'.repeat(501) }], 'warnings.0.text', 'must be at most 500 characters'],
    [[{ topic: 'pregnancy', text: 'Fine.', severity: 'high' }], 'warnings.0', 'is not a field accepted here'],
    [[{ topic: 'pregnancy' }], 'warnings.0.text', ''],
    [Array.from({ length: 21 }, () => ({ topic: 'use', text: 'Again.' })), 'warnings', 'at most 20 warnings'],
    ['Do not swallow.', 'warnings', ''],
  ])('refuses %j, naming %s', async (warnings, field, message) => {
    const err = await errorOf(createTestProduct(store.ctx, { warnings: warnings as never }));
    expect(err.code).toBe('VALIDATION');
    expect(err.fields).toHaveProperty([field]);
    expect(err.fields![field]).toContain(message);
  });

  it('are changed like any other fact, and a bad change writes nothing', async () => {
    const product = await createTestProduct(store.ctx, { warnings: [{ topic: 'use', text: 'External use only.' }] });
    await errorOf(updateProduct(store.ctx, { id: product.id, changes: { warnings: [{ topic: 'use', text: '' }] } }));
    const updated = await updateProduct(store.ctx, {
      id: product.id,
      changes: { warnings: [{ topic: 'children', text: 'Keep out of reach of children.' }] },
    });
    expect(updated.warnings).toEqual([{ topic: 'children', text: 'Keep out of reach of children.' }]);
  });

  it('are shown beside the side effects, grouped under their topic, escaped', async () => {
    const page = await (await store.request('/products/hair-tablets')).text();
    const safety = /<div class="product-safety has-warnings">([\s\S]*?)<\/div>\s*<\/article>/.exec(page)?.[1] ?? '';
    expect(safety).toContain('<h2 id="side-effects-heading">Possible side effects</h2>');
    expect(safety).toContain('<li>Lower sex drive</li>');
    expect(safety).toContain('<h2 id="warnings-heading">Warnings</h2>');
    // Only the markup's own white space is folded: the no-break space between a number and its unit stays.
    const list = /<dl class="warning-list">([\s\S]*?)<\/dl>/.exec(safety)?.[1]?.replace(/[ \n]+/g, ' ') ?? '';
    expect(list).toBe(
      ' <dt>Pregnancy and breastfeeding</dt>' +
        '<dd>Women who are or may become pregnant must not handle crushed tablets.</dd>' +
        '<dd>Not for use by women &lt;or&gt; children.</dd>' +
        '<dt>Other medicines and lab tests</dt><dd>Lowers the result of a PSA test by about 50\u00a0%.</dd> ',
    );
  });

  it('are left out of a page that has none, which still lists its side effects', async () => {
    const page = await (await store.request('/products/plain-balm')).text();
    expect(page).toContain('<div class="product-safety">');
    expect(page).toContain('No side effects are listed for this product.');
    expect(page).not.toContain('warnings-heading');
  });

  it('are in the store API with the label of their topic, and in its document', async () => {
    const body = (await (await store.request('/api/store/products/hair-tablets')).json()) as any;
    expect(body.warnings).toEqual([
      {
        topic: 'pregnancy',
        topicLabel: 'Pregnancy and breastfeeding',
        text: 'Women who are or may become pregnant must not handle crushed tablets.',
      },
      {
        topic: 'interactions',
        topicLabel: 'Other medicines and lab tests',
        text: 'Lowers the result of a PSA test by about 50 %.',
      },
      { topic: 'pregnancy', topicLabel: 'Pregnancy and breastfeeding', text: 'Not for use by women <or> children.' },
    ]);
    const plain = (await (await store.request('/api/store/products/plain-balm')).json()) as any;
    expect(plain.warnings).toEqual([]);
    const doc = (await (await store.request('/api/openapi.json')).json()) as any;
    const detail = doc.components.schemas.ProductDetail.allOf.find((part: any) => part.properties);
    const warnings = detail.properties.warnings;
    expect(warnings.type).toBe('array');
    expect(warnings.items.properties.topic.enum).toContain('pregnancy');
    expect(warnings.items.required).toEqual(['topic', 'topicLabel', 'text']);
  });
});
