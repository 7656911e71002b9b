import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestProduct } from '#src/catalog/test-factory.ts';
import { DEMO_ARTICLES } from '#src/demo/demo-data.ts';
import { settingsOf } from '#src/store/settings.ts';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { findEmbedProblems } from './embed-problems.ts';
import { renderArticleBody } from './render-article.ts';

let store: TestStore;

beforeAll(async () => {
  store = await createTestStore();
  await createTestProduct(store.ctx, { slug: 'a-draft-product', status: 'draft' });
});
afterAll(() => store.close());

const BROKEN = [
  'Intro.', // 1
  '', // 2
  '[[product:pep-factor]]', // 3
  '[[product:no-such-thing]]', // 4
  '[[product:a-draft-product]]', // 5
  '[[prodcut:pep-factor]]', // 6
  '[[coupon:not a code!]]', // 7
  '[[coupon:20OFF|Fine]]', // 8
  '[[timeline:Care]]', // 9
  'Before', // 10
  '- 72 hours before | Stop NSAIDs.', // 11
  '- no bar on this step', // 12
  '[[/timeline]]', // 13
  '[[compare:Options]]', // 14
  'Treatment | Side effects', // 15
  'PRP | Soreness | One cell too many', // 16
  '[[/compare]]', // 17
  '[[/callout]]', // 18
  '[[timeline:Never closed]]', // 19
  '',
  '```',
  '[[product:inside-a-code-block]]',
  '```',
].join('\n');

describe('findEmbedProblems', () => {
  it('reports each unknown or broken embed with its line and a message, and nothing for good ones', async () => {
    const problems = await findEmbedProblems(store.ctx.db, BROKEN);
    expect(problems.map((p) => [p.line, p.embed])).toEqual([
      [4, '[[product:no-such-thing]]'],
      [5, '[[product:a-draft-product]]'],
      [6, '[[prodcut:pep-factor]]'],
      [7, '[[coupon:not a code!]]'],
      [12, '[[timeline:Care]]'],
      [16, '[[compare:Options]]'],
      [18, '[[/callout]]'],
      [19, '[[timeline:Never closed]]'],
    ]);
    const message = (line: number) => problems.find((p) => p.line === line)!.message;
    expect(message(4)).toBe('No product on sale has the address "no-such-thing".');
    expect(message(6)).toContain('There is no "prodcut" embed.');
    expect(message(12)).toContain('separated by "|"');
    expect(message(16)).toBe('This row has 3 cells; the first line names 2 columns.');
    expect(message(18)).toContain('closes a block that was never opened');
    expect(message(19)).toBe('This timeline has no closing [[/timeline]] line.');
  });

  it('accepts any well-formed coupon code by default, and asks the given check when there is one', async () => {
    const body = '[[coupon:20OFF|Twenty off]]\n\n[[coupon:GONE]]';
    expect(await findEmbedProblems(store.ctx.db, body)).toEqual([]);
    const known = new Set(['20OFF']);
    const problems = await findEmbedProblems(store.ctx.db, body, { isCouponCode: async (code) => known.has(code) });
    expect(problems).toEqual([
      { line: 3, embed: '[[coupon:GONE]]', message: 'There is no coupon with the code GONE.' },
    ]);
  });

  it('finds no broken embed in any demo article, the failing draft included', async () => {
    for (const article of DEMO_ARTICLES) {
      expect(await findEmbedProblems(store.ctx.db, article.body ?? ''), article.slug).toEqual([]);
    }
  });
});

describe('renderArticleBody', () => {
  it('shows each broken embed as an error box in a preview, and leaves it out of a published page', async () => {
    const settings = await settingsOf(store.ctx);
    const preview = await renderArticleBody(store.ctx.db, BROKEN, { store: settings, isPreview: true });
    expect(preview.html.match(/<div class="embed-error" role="alert">/g)).toHaveLength(8);
    expect(preview.html).toContain('No product on sale has the address &quot;no-such-thing&quot;.');
    expect(preview.html).toContain('<code>[[prodcut:pep-factor]]</code>');
    expect(preview.html).toContain('href="/products/pep-factor"');
    expect(preview.html).toContain('[[product:inside-a-code-block]]');

    const published = await renderArticleBody(store.ctx.db, BROKEN, { store: settings });
    expect(published.html).not.toContain('embed-error');
    expect(published.html).not.toContain('[[prodcut');
    expect(published.html).not.toContain('no-such-thing');
    expect(published.html).toContain('href="/products/pep-factor"');
    expect(published.html).toContain('<code>2<span class="zero">0</span>OFF</code>');
  });

  it('renders the contact box with the phone as a tel: link, the email and the contact page', async () => {
    const settings = await settingsOf(store.ctx);
    const { html } = await renderArticleBody(store.ctx.db, '[[contact]]\n\n[[contact:Ask about stock]]', {
      store: settings,
    });
    expect(html).toContain('<p class="contact-box-title">Questions? Talk to us</p>');
    expect(html).toContain('<p class="contact-box-title">Ask about stock</p>');
    expect(html).toContain('<a class="contact-box-phone" href="tel:+18007709083">Call (800) 770-9083</a>');
    expect(html).toContain('<a href="mailto:care@facemedstore.example">Email us</a>');
    expect(html).toContain('<a href="/contact">All the ways to reach us</a>');
    const bare = await renderArticleBody(store.ctx.db, '[[contact]]', {
      store: { phone: '', email: 'desk@example.com', pages: {} },
    });
    expect(bare.html).not.toContain('tel:');
    expect(bare.html).toContain('mailto:desk@example.com');
  });

  it('renders a care timeline and a comparison from their block syntax', async () => {
    const settings = await settingsOf(store.ctx);
    const body = [
      '[[timeline:Around your session]]',
      'Before:',
      '- 72 hours before | Stop **NSAIDs**.',
      'After',
      '- 24 hours | Rest.',
      '[[/timeline]]',
      '',
      '[[compare:Options]]',
      '| Treatment | How it works | Side effects |',
      '| PRP | Your own platelets | Soreness |',
      '| Laser comb | Light | Tingling |',
      '[[/compare]]',
    ].join('\n');
    const { html } = await renderArticleBody(store.ctx.db, body, { store: settings });
    expect(html).toContain('<p class="care-timeline-title">Around your session</p>');
    expect(html).toContain('<p class="care-phase-label">Before</p>');
    expect(html).toContain('<span class="care-when">72 hours before</span>');
    expect(html).toContain('Stop <strong>NSAIDs</strong>.');
    expect(html).toContain('<caption>Options</caption>');
    expect(html).toContain('<th scope="col">How it works</th>');
    expect(html).toContain('<th scope="row">Laser comb</th><td data-label="How it works">Light</td>');
  });
});
