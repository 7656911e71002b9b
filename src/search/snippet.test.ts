import { describe, expect, it } from 'vitest';
import { articleBodyToPlainText } from '#src/content/plain-text.ts';
import { markdownToPlainText } from '#src/lib/markdown-text.ts';
import { MARK_START, MARK_STOP, renderHighlighted, stripMarkers } from './highlight.ts';
import { buildSnippet, splitSentences, tidySpacing } from './snippet.ts';

// Writes a marked text the way PostgreSQL returns it: [word] stands for a matched word.
const marked = (text: string) => text.replace(/\[([^\]]*)\]/g, `${MARK_START}$1${MARK_STOP}`);
// Reads a snippet back in the same notation.
const shown = (snippet: string) => snippet.replaceAll(MARK_START, '[').replaceAll(MARK_STOP, ']');
const visible = (snippet: string) => stripMarkers(snippet).length;

describe('buildSnippet', () => {
  const text = marked(
    'Our serum comes in a glass bottle. It contains [biotin], folate and zinc. Apply it daily to a dry scalp. ' +
      'Results take three months to show on most people who use it every single day.',
  );

  it('starts at the sentence with the match and ends at the end of a sentence', () => {
    expect(shown(buildSnippet(text, 80))).toBe('It contains [biotin], folate and zinc. Apply it daily to a dry scalp.');
  });

  it('adds the sentences before the match when it comes at the end of the text', () => {
    const late = marked('A first sentence. A second sentence. The [match] is here.');
    expect(shown(buildSnippet(late, 200))).toBe('A first sentence. A second sentence. The [match] is here.');
    expect(shown(buildSnippet(late, 40))).toBe('A second sentence. The [match] is here.');
  });

  it('prefers the sentence matching the most different words', () => {
    const two = marked('One [hair] fact. Another [hair] fact about [hair]. The [hair] [serum] fact.');
    expect(shown(buildSnippet(two, 30))).toBe('The [hair] [serum] fact.');
  });

  it('reads a very short matched sentence after the one before it', () => {
    const pack = marked(
      'A chewable blend of vitamins for healthy hair. 60 [gummies]. Take two a day with food, ideally with a meal ' +
        'that contains some fat, and keep the jar closed.',
    );
    expect(shown(buildSnippet(pack, 120))).toBe(
      'A chewable blend of vitamins for healthy hair. 60 [gummies]. Take two a day with food, ideally with a meal that contains…',
    );
  });

  it('shows the start of the text when nothing is marked', () => {
    expect(buildSnippet('First sentence here. Second one.', 25)).toBe('First sentence here.');
    expect(buildSnippet('', 100)).toBe('');
  });

  it('cuts a long following sentence between words and says so with an ellipsis', () => {
    const snippet = buildSnippet(text, 120);
    expect(shown(snippet)).toBe(
      'It contains [biotin], folate and zinc. Apply it daily to a dry scalp. Results take three months to show on most people…',
    );
    expect(visible(snippet)).toBeLessThanOrEqual(120);
    // Too little room left for a useful part of the next sentence: the snippet stops at a full stop.
    expect(shown(buildSnippet(text, 90))).toBe('It contains [biotin], folate and zinc. Apply it daily to a dry scalp.');
  });

  it('enters a long sentence a little before a late match, at a word, with an ellipsis on both sides', () => {
    const long = marked(
      `${'Many words come before the point of this sentence and they go on and on for quite a while '.repeat(3)}` +
        'until the [keyword] finally appears, followed by more words that trail off towards the end of it.',
    );
    const snippet = buildSnippet(long, 120);
    expect(visible(snippet)).toBeLessThanOrEqual(120);
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(shown(snippet)).toContain('[keyword]');
    // Whole words only: every word shown is a word of the text.
    const words = new Set(stripMarkers(long).split(/\s+/));
    for (const word of stripMarkers(snippet).replaceAll('…', '').trim().split(/\s+/)) {
      expect(words, word).toContain(word);
    }
  });

  it('keeps an early match of a long sentence and cuts its end between words', () => {
    const long = marked(`The [serum] ${'works slowly and steadily over many weeks of daily use '.repeat(5)}`);
    const snippet = buildSnippet(long, 60);
    expect(shown(snippet)).toBe('The [serum] works slowly and steadily over many weeks of…');
  });

  it('fixes spaces before punctuation, also next to a marked word', () => {
    expect(shown(buildSnippet(marked('Combines [biotin] , folate  and zinc ( in gummies ) .'), 100))).toBe(
      'Combines [biotin], folate and zinc (in gummies).',
    );
  });

  it('does not end a sentence at an abbreviation', () => {
    expect(splitSentences(tidySpacing('Approved in the U.S. Since 2019 it sells well. Ask us.'))).toEqual([
      'Approved in the U.S. Since 2019 it sells well.',
      'Ask us.',
    ]);
    expect(splitSentences('It has vitamin C. It tastes of berries.')).toEqual([
      'It has vitamin C.',
      'It tastes of berries.',
    ]);
  });
});

describe('plain text for snippets', () => {
  it('removes Markdown: emphasis, list markers, headings, links, code and table headers', () => {
    const text = markdownToPlainText(
      [
        '## Why it *works*',
        '',
        'Each serving combines **biotin**, **folate** and **zinc**. See [our guide](https://example.com/guide).',
        '',
        '- Airless pump bottle',
        '- Fragrance-free, for all skin types',
        '',
        '| Treatment | Side effects |',
        '|---|---|',
        '| PRP | Injection-site reactions |',
        '',
        'Use `code` sparingly.',
      ].join('\n'),
    );
    expect(text.split('\n')).toEqual([
      'Why it works.',
      'Each serving combines biotin, folate and zinc. See our guide.',
      'Airless pump bottle.',
      'Fragrance-free, for all skin types.',
      'PRP — Injection-site reactions.',
      'Use code sparingly.',
    ]);
  });

  it('keeps the words of an article’s coupon and note and drops its product cards', () => {
    const text = articleBodyToPlainText(
      [
        'Read on.',
        '[[product:pep-factor]]',
        '[[coupon:20OFF|Take **20%** off your first order.]]',
        '[[callout:Call us, or [browse the shop](/products).]]',
      ].join('\n'),
    );
    expect(text).toBe('Read on.\nUse code 20OFF: Take 20% off your first order.\nCall us, or browse the shop.');
  });

  it('reads a list with its lead-in as one sentence', () => {
    const text = markdownToPlainText('The effects are:\n\n- pain,\n- bruising,\n- swelling');
    expect(splitSentences(tidySpacing(text))).toEqual(['The effects are: pain, bruising, swelling.']);
  });
});

describe('renderHighlighted', () => {
  it('escapes the text and adds only its own <mark> tags', () => {
    const snippet = buildSnippet(marked('Use <b>less</b> than 5 ml & [never] "more" <mark>x</mark>.'), 200);
    const htmlText = renderHighlighted(snippet).toString();
    expect(htmlText).toBe(
      'Use &lt;b&gt;less&lt;/b&gt; than 5 ml &amp; <mark>never</mark> &quot;more&quot; &lt;mark&gt;x&lt;/mark&gt;.',
    );
  });

  it('drops a marker left unpaired by a cut', () => {
    expect(renderHighlighted(`a ${MARK_START}word`).toString()).toBe('a word');
    expect(renderHighlighted(`word${MARK_STOP} b`).toString()).toBe('word b');
  });
});
