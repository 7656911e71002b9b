import { createHash } from 'node:crypto';
import { findShortcodes } from '#src/lib/markdown.ts';
import type { EmbedProblem } from '../embed-problems.ts';
import { parseShortcode } from '../shortcodes.ts';
import { blocksOf, type TextBlock } from './sentences.ts';

/**
 * The compliance check of an article: what a store of medical supplies may not say of its products. Pure: the
 * caller reads the products' facts from the catalogue and the store's disclaimer, and passes them in.
 */

export type RegulatoryStatus =
  | 'fda-approved'
  | 'fda-cleared'
  | 'de-novo'
  | 'cosmetic'
  | 'dietary-supplement'
  | 'not-fda-approved';

/** What the check needs to know of a product the article embeds or names. */
export type ProductFacts = { slug: string; name: string; regulatoryStatus: RegulatoryStatus; isActive: boolean };

export const COMPLIANCE_RULES = {
  'approval-claim': '"FDA-approved" only of FDA-approved products',
  'clearance-claim': '"FDA-cleared" only of 510(k)-cleared devices',
  'drug-claim': 'No drug claims for cosmetics or dietary supplements',
  'dshea-statement': 'The DSHEA statement ends an article about a dietary supplement',
  disclaimer: 'The informational disclaimer is present',
  'unknown-embed': 'Every embed names something that exists',
} as const;
export type ComplianceRule = keyof typeof COMPLIANCE_RULES;

export type Finding = {
  /** Stable across saves while the same sentence breaks the same rule: the key acknowledgements are kept by. */
  id: string;
  rule: ComplianceRule;
  /** The sentence as the author wrote it (markup removed); empty when the finding is about something missing. */
  sentence: string;
  message: string;
  /** A broken embed must be fixed; anything else may be accepted with a reason. */
  acknowledgeable: boolean;
};

export type ArticleText = { title: string; excerpt: string; body: string };

export const DSHEA_STATEMENT =
  'These statements have not been evaluated by the Food and Drug Administration. ' +
  'This product is not intended to diagnose, treat, cure, or prevent any disease.';

export const STATUS_LABELS: Record<RegulatoryStatus, string> = {
  'fda-approved': 'FDA-approved',
  'fda-cleared': 'FDA-cleared (510(k))',
  'de-novo': 'De Novo',
  cosmetic: 'cosmetic',
  'dietary-supplement': 'dietary supplement',
  'not-fda-approved': 'not FDA-approved',
};

const FDA = String.raw`(?:F\.?\s?D\.?\s?A\.?|Food and Drug Administration)`;
const APPROVAL_CLAIM = new RegExp(
  String.raw`\b${FDA}[\s-]*approved\b|\bapproved by (?:the )?${FDA}|\b${FDA}[\s-]*approval\b`,
  'i',
);
const CLEARANCE_CLAIM = new RegExp(
  String.raw`\b${FDA}[\s-]*cleared\b|\bcleared by (?:the )?${FDA}|\b${FDA}[\s-]*clearance\b|510\s?\(k\)[\s-]*cleared`,
  'i',
);
const DRUG_CLAIM =
  /\b(?:cur(?:e|es|ed|ing)|treat(?:s|ed|ing)?|prevent(?:s|ed|ing)?|heal(?:s|ed|ing)?|regrow(?:s|ing)?|regrew|revers(?:e|es|ed|ing)\s+(?:your\s+|the\s+)?(?:hair\s+loss|baldness|balding|alopecia))\b/i;
// A claim denied ("not FDA-approved", "no FDA-approved exosome products") says nothing false.
const NEGATION = /(?:\b(?:not|no|never|none|nor|without|neither)\b|n't\b|\bnon-?)[\w\s,-]{0,24}$/i;

export function normaliseSentence(sentence: string): string {
  return sentence
    .toLowerCase()
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The key of a finding: its rule and its normalised sentence, short enough to sit in an address. */
export function findingKey(rule: ComplianceRule, sentence: string): string {
  const hash = createHash('sha256')
    .update(`${rule}\n${normaliseSentence(sentence)}`)
    .digest('hex');
  return `${rule}.${hash.slice(0, 16)}`;
}

function isNegated(text: string, at: number): boolean {
  return NEGATION.test(text.slice(Math.max(0, at - 40), at));
}

/** The first match of `pattern` that is not denied, or undefined. */
function assertedMatch(sentence: string, pattern: RegExp): RegExpExecArray | undefined {
  const global = new RegExp(pattern.source, 'gi');
  for (const match of sentence.matchAll(global)) {
    if (!isNegated(sentence, match.index)) return match as RegExpExecArray;
  }
  return undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function mentions(sentence: string, product: ProductFacts): boolean {
  const names = [product.name, product.slug].filter((n) => n.trim().length >= 3);
  return names.some((name) => new RegExp(`(?<![\\w-])${escapeRegExp(name.trim())}(?![\\w-])`, 'i').test(sentence));
}

/** Slugs of the product embeds in a text, in order. */
function embeddedSlugs(body: string): string[] {
  return findShortcodes(body).flatMap((inner) => {
    const code = parseShortcode(inner);
    return code?.kind === 'product' ? [code.slug] : [];
  });
}

function isDsheaSentence(sentence: string): boolean {
  const n = normaliseSentence(sentence);
  return n.includes('not intended to diagnose') || n.includes('not been evaluated by the food and drug');
}

/** Checks an article's title, excerpt and body; `disclaimer` is the one the store shows on every article. */
export function checkCompliance(
  article: ArticleText,
  facts: {
    products: ProductFacts[];
    disclaimer: string;
    /** Every broken embed of the body (embed-problems.ts); without it, product embeds are checked from `products`. */
    embedProblems?: readonly EmbedProblem[];
  },
): Finding[] {
  const bySlug = new Map(facts.products.map((p) => [p.slug, p]));
  const findings = new Map<string, Finding>();
  const add = (rule: ComplianceRule, sentence: string, message: string) => {
    const id = findingKey(rule, sentence);
    const known = findings.get(id);
    if (known) {
      if (!known.message.includes(message)) known.message += ` ${message}`;
      return;
    }
    findings.set(id, { id, rule, sentence, message, acknowledgeable: rule !== 'unknown-embed' });
  };

  for (const problem of facts.embedProblems ?? []) {
    add('unknown-embed', problem.embed, `Line ${problem.line}: ${problem.message}`);
  }
  for (const slug of facts.embedProblems ? [] : new Set(embeddedSlugs(article.body))) {
    if (!bySlug.get(slug)?.isActive) {
      add(
        'unknown-embed',
        `[[product:${slug}]]`,
        `No product on sale has the slug "${slug}": the card would show nothing. Correct the slug or remove the embed.`,
      );
    }
  }

  const blocks: TextBlock[] = [
    { sentences: [article.title], nearbySlugs: [] },
    { sentences: [article.excerpt], nearbySlugs: [] },
    ...blocksOf(article.body),
  ];
  for (const block of blocks) {
    for (const sentence of block.sentences) {
      if (!sentence.trim() || isDsheaSentence(sentence)) continue;
      const named = facts.products.filter((p) => mentions(sentence, p));
      // A sentence that names no product speaks of the card beside its paragraph, if there is one.
      const about = named.length
        ? named
        : block.nearbySlugs.flatMap((slug) => (bySlug.has(slug) ? [bySlug.get(slug)!] : []));
      for (const product of about) checkSentence(sentence, product, add);
    }
  }

  checkDshea(article, blocks, facts.products, add);

  const disclaimer = facts.disclaimer.trim();
  if (!disclaimer && !/informational purposes/i.test(article.body)) {
    add(
      'disclaimer',
      '',
      'The store has no disclaimer set and the article carries none: add "This article is for informational purposes only; it is not medical or legal advice." or set the disclaimer in the store settings.',
    );
  }
  return [...findings.values()];
}

type Add = (rule: ComplianceRule, sentence: string, message: string) => void;

function checkSentence(sentence: string, product: ProductFacts, add: Add): void {
  const status = STATUS_LABELS[product.regulatoryStatus];
  if (product.regulatoryStatus !== 'fda-approved' && assertedMatch(sentence, APPROVAL_CLAIM)) {
    add(
      'approval-claim',
      sentence,
      `${product.name} is ${status} in the catalogue, not FDA-approved: do not call it FDA-approved.`,
    );
  }
  if (product.regulatoryStatus !== 'fda-cleared' && assertedMatch(sentence, CLEARANCE_CLAIM)) {
    add(
      'clearance-claim',
      sentence,
      `${product.name} is ${status} in the catalogue, not a 510(k)-cleared device: do not call it FDA-cleared.`,
    );
  }
  if (product.regulatoryStatus === 'cosmetic' || product.regulatoryStatus === 'dietary-supplement') {
    const claim = assertedMatch(sentence, DRUG_CLAIM);
    if (claim) {
      add(
        'drug-claim',
        sentence,
        `"${claim[0]}" is a drug claim, and ${product.name} is a ${status}: describe how it looks, feels or supports the body instead.`,
      );
    }
  }
}

function checkDshea(article: ArticleText, blocks: TextBlock[], products: ProductFacts[], add: Add): void {
  const supplements = products.filter((p) => p.regulatoryStatus === 'dietary-supplement');
  if (supplements.length === 0) return;
  const embedded = new Set(embeddedSlugs(article.body));
  const present = supplements.filter(
    (p) => embedded.has(p.slug) || blocks.some((b) => b.sentences.some((s) => mentions(s, p))),
  );
  if (present.length === 0) return;
  // "At the end": after the last word about the supplements, so that it covers every claim made of them. What
  // follows it may be the informational disclaimer or a closing line that names none of them.
  const textBlocks = blocksOf(article.body).filter((b) => b.sentences.some((s) => s.trim()));
  const statement = normaliseSentence(DSHEA_STATEMENT);
  const statementAt = textBlocks.findLastIndex((b) => normaliseSentence(b.sentences.join(' ')).includes(statement));
  const lastMentionAt = textBlocks.findLastIndex(
    (b) =>
      !normaliseSentence(b.sentences.join(' ')).includes(statement) &&
      (b.nearbySlugs.some((slug) => present.some((p) => p.slug === slug)) ||
        b.sentences.some((s) => present.some((p) => mentions(s, p)))),
  );
  if (statementAt >= 0 && statementAt > lastMentionAt) return;
  const first = present[0]!;
  const sentence =
    blocks.flatMap((b) => b.sentences).find((s) => mentions(s, first)) ??
    (embedded.has(first.slug) ? `[[product:${first.slug}]]` : first.name);
  const names = present.map((p) => p.name).join(', ');
  add(
    'dshea-statement',
    sentence,
    `${names} ${present.length === 1 ? 'is a dietary supplement' : 'are dietary supplements'}: end the article with the DSHEA statement, "${DSHEA_STATEMENT}"`,
  );
}
