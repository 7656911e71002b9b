import { describe, expect, it } from 'vitest';
import { checkCompliance, DSHEA_STATEMENT, findingKey, type ProductFacts } from './check.ts';
import { blocksOf, sentencesOf } from './sentences.ts';

const PEP: ProductFacts = { slug: 'pep-factor', name: 'PEP Factor', regulatoryStatus: 'cosmetic', isActive: true };
const GUMMIES: ProductFacts = {
  slug: 'hair-gummies',
  name: 'Hair Gummies',
  regulatoryStatus: 'dietary-supplement',
  isActive: true,
};
const LASER: ProductFacts = { slug: 'laser-comb', name: 'Laser Comb', regulatoryStatus: 'fda-cleared', isActive: true };
const DENOVO: ProductFacts = { slug: 'scalp-cap', name: 'Scalp Cap', regulatoryStatus: 'de-novo', isActive: true };
const MINOX: ProductFacts = {
  slug: 'minoxidil',
  name: 'Minoxidil 5%',
  regulatoryStatus: 'fda-approved',
  isActive: true,
};
const ALL = [PEP, GUMMIES, LASER, DENOVO, MINOX];
const DISCLAIMER = 'For informational purposes only.';

const check = (body: string, o: { title?: string; excerpt?: string; disclaimer?: string } = {}) =>
  checkCompliance(
    { title: o.title ?? 'A guide', excerpt: o.excerpt ?? '', body },
    { products: ALL, disclaimer: o.disclaimer ?? DISCLAIMER },
  );
const rules = (body: string, o?: Parameters<typeof check>[1]) => check(body, o).map((f) => f.rule);

describe('sentences', () => {
  it('splits paragraphs into sentences without markup and notes the embeds beside them', () => {
    expect(sentencesOf('One thing. Two things! "Three" too? 4 more.')).toEqual([
      'One thing.',
      'Two things!',
      '"Three" too?',
      '4 more.',
    ]);
    const blocks = blocksOf(
      '## Heading\n\nSome **bold** [link](https://x.test) text.\n[[product:pep-factor]]\n\nLast.',
    );
    expect(blocks.map((b) => b.sentences)).toEqual([['Heading'], ['Some bold link text.'], ['Last.']]);
    expect(blocks[1]!.nearbySlugs).toEqual(['pep-factor']);
    expect(blocks[2]!.nearbySlugs).toEqual(['pep-factor']);
  });
});

describe('claims against the catalogue', () => {
  it('flags "FDA-approved" in any spelling said of a product that is not approved, quoting the sentence', () => {
    for (const claim of ['FDA-approved', 'FDA approved', 'F.D.A. approved', 'fda-Approved', 'approved by the FDA']) {
      const findings = check(`PEP Factor is ${claim} for thinning hair.`);
      expect(findings).toHaveLength(1);
      expect(findings[0]).toMatchObject({
        rule: 'approval-claim',
        sentence: `PEP Factor is ${claim} for thinning hair.`,
        acknowledgeable: true,
      });
      expect(findings[0]!.message).toContain('cosmetic');
    }
    for (const product of ['Laser Comb', 'Scalp Cap', 'Hair Gummies']) {
      expect(rules(`The ${product} is FDA-approved.`)).toContain('approval-claim');
    }
  });

  it('accepts "FDA-approved" of an approved product, and denials of approval', () => {
    expect(check('Minoxidil 5% is FDA-approved.')).toEqual([]);
    expect(check('PEP Factor is not FDA-approved.')).toEqual([]);
    expect(check('There are no FDA-approved exosome products, and PEP Factor is a cosmetic.')).toEqual([]);
    expect(check("PEP Factor isn't FDA approved.")).toEqual([]);
  });

  it('flags "FDA-cleared" of anything but a 510(k)-cleared device', () => {
    expect(check('The Laser Comb is FDA-cleared.')).toEqual([]);
    expect(rules('The Scalp Cap is FDA-cleared.')).toEqual(['clearance-claim']);
    expect(rules('Minoxidil 5% was cleared by the FDA.')).toEqual(['clearance-claim']);
    expect(rules('The Laser Comb is FDA-approved.')).toEqual(['approval-claim']);
  });

  it('reads a sentence that names no product as about the card embedded beside its paragraph', () => {
    expect(rules('[[product:pep-factor]]\nThis serum is FDA-approved.')).toEqual(['approval-claim']);
    expect(rules('This serum is FDA-approved.\n[[product:pep-factor]]')).toEqual(['approval-claim']);
    expect(rules('This serum is FDA-approved.\n\nSomething else.\n\n[[product:pep-factor]]')).toEqual([]);
  });

  it('checks the title and the excerpt too', () => {
    expect(rules('Nothing here.', { title: 'PEP Factor: the FDA-approved serum' })).toEqual(['approval-claim']);
    expect(rules('Nothing here.', { excerpt: 'PEP Factor cures baldness.' })).toEqual(['drug-claim']);
  });
});

describe('drug claims', () => {
  it('flags cures, treats, prevents, regrows hair and reverses hair loss for cosmetics and supplements', () => {
    for (const sentence of [
      'PEP Factor cures baldness.',
      'PEP Factor treats alopecia.',
      'Hair Gummies prevent hair loss.',
      'PEP Factor regrows hair in weeks.',
      'Hair Gummies reverse hair loss.',
    ]) {
      const findings = check(`${sentence}\n\n${DSHEA_STATEMENT}`);
      expect(findings.map((f) => f.rule)).toEqual(['drug-claim']);
      expect(findings[0]!.sentence).toBe(sentence);
    }
  });

  it('leaves drugs and devices, the word treatment and denied claims alone', () => {
    expect(check('Minoxidil 5% treats hair loss.')).toEqual([]);
    expect(check('The Laser Comb treats thinning hair.')).toEqual([]);
    expect(check('PEP Factor is used alongside treatment.')).toEqual([]);
    expect(check('PEP Factor does not cure anything.')).toEqual([]);
  });
});

describe('the DSHEA statement', () => {
  it('is required at the end when a supplement is embedded or named', () => {
    const embedded = check('Take one daily.\n\n[[product:hair-gummies]]\n\nEnjoy.');
    expect(embedded.map((f) => f.rule)).toEqual(['dshea-statement']);
    expect(embedded[0]!.message).toContain(DSHEA_STATEMENT);
    expect(rules('Hair Gummies taste of berries.')).toEqual(['dshea-statement']);
    expect(check(`Hair Gummies taste of berries.\n\n*${DSHEA_STATEMENT}*`)).toEqual([]);
    // Anywhere but at the end does not do.
    expect(rules(`${DSHEA_STATEMENT}\n\nHair Gummies taste of berries.`)).toEqual(['dshea-statement']);
    // The informational disclaimer may close the article after it: it says nothing of the supplement.
    expect(
      check(`Hair Gummies taste of berries.\n\n*${DSHEA_STATEMENT}*\n\nThis is general information only.`),
    ).toEqual([]);
    expect(check('PEP Factor feels light on the scalp.')).toEqual([]);
  });
});

describe('the disclaimer and embeds', () => {
  it('wants the informational disclaimer from the store or in the article', () => {
    expect(rules('Text.', { disclaimer: '' })).toEqual(['disclaimer']);
    expect(check('Text. This is for informational purposes only.', { disclaimer: '' })).toEqual([]);
  });

  it('reports an embed of no product on sale, which cannot be acknowledged', () => {
    const findings = checkCompliance(
      { title: 'T', excerpt: '', body: '[[product:no-such-thing]]\n\n[[product:old]]' },
      { products: [{ ...PEP, slug: 'old', isActive: false }], disclaimer: DISCLAIMER },
    );
    expect(findings.map((f) => [f.rule, f.acknowledgeable])).toEqual([
      ['unknown-embed', false],
      ['unknown-embed', false],
    ]);
  });
});

describe('finding ids', () => {
  it('stay the same while the same sentence breaks the same rule, whatever the spacing or case', () => {
    const a = check('Intro.\n\nPEP Factor is FDA-approved.')[0]!;
    const b = check('Other intro, longer.\n\npep factor   is FDA-approved.')[0]!;
    expect(a.id).toBe(b.id);
    expect(a.id).toBe(findingKey('approval-claim', 'PEP Factor is FDA-approved.'));
    expect(a.id).toMatch(/^approval-claim\.[0-9a-f]{16}$/);
    expect(check('PEP Factor is FDA-approved today.')[0]!.id).not.toBe(a.id);
  });
});
