import { MARK_START, MARK_STOP } from './highlight.ts';

const ELLIPSIS = '…';
// Text after the chosen sentences is worth adding, cut short, only if this much room is left for it.
const MIN_TAIL = 40;
// Shorter sentences are read together with the one before them.
const SHORT_SENTENCE = 25;
// When a long sentence has to be entered in the middle, the first match stands about this far into the window.
const LEAD_SHARE = 0.3;

const MARKERS = new RegExp(`[${MARK_START}${MARK_STOP}]`, 'g');
const MATCH = new RegExp(`${MARK_START}([^${MARK_START}${MARK_STOP}]*)${MARK_STOP}`, 'g');
// A sentence ends at . ! or ? (with any closing quotes or brackets) when the next one starts with a capital, a
// digit or an opening quote.
const SENTENCE_END = new RegExp(`[.!?]+["'”’)\\]]*${MARK_STOP}?\\s+(?=${MARK_START}?["'“‘(]?[\\p{Lu}\\p{N}])`, 'gu');
// Full stops that do not end a sentence: dotted abbreviations (e.g., U.S.) and a few short words. A lone capital
// is not one of them: "vitamin C." ends a sentence more often than an initial stands for a name.
const ABBREVIATION = /(?:\.\p{L}|(?:^|[\s(])(?:vs|approx|dr|mr|mrs|ms|fig))\.$/iu;

const visibleLength = (text: string) => text.replace(MARKERS, '').length;

/**
 * Tidies text for display: one space between words, none before closing punctuation or after an opening
 * bracket ("biotin , folate" reads "biotin, folate").
 */
export function tidySpacing(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(new RegExp(`\\s+(${MARK_STOP}?[,.;:!?)\\]])`, 'g'), '$1')
    .replace(/([([])\s+/g, '$1')
    .trim();
}

/** The sentences of a tidied text, in order; joined with single spaces they give the text back. */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (const end of text.matchAll(SENTENCE_END)) {
    const stop = end.index + end[0].trimEnd().length;
    const candidate = text.slice(start, stop).replace(MARKERS, '');
    if (ABBREVIATION.test(candidate)) continue;
    sentences.push(text.slice(start, stop));
    start = end.index + end[0].length;
  }
  if (start < text.length) sentences.push(text.slice(start));
  return sentences;
}

// More different words matched count first, then more matches.
function scoreOf(sentence: string): number {
  const words = [...sentence.matchAll(MATCH)].map((m) => m[1]!.toLowerCase());
  return new Set(words).size * 1000 + words.length;
}

/** The longest start of `text` that ends between words and, with the ellipsis, fits in `room` characters. */
function cutBetweenWords(text: string, room: number): string {
  if (visibleLength(text) <= room) return text;
  let cut = '';
  for (const space of text.matchAll(/\s/g)) {
    const head = text.slice(0, space.index);
    if (visibleLength(head) + 1 > room) break;
    cut = head;
  }
  // One word longer than the room: cut inside it rather than show nothing.
  if (!cut) cut = text.replace(MARKERS, '').slice(0, Math.max(0, room - 1));
  return `${cut.replace(/[\s,;:–—-]+$/, '')}${ELLIPSIS}`;
}

// A sentence too long to show whole: from its start when the first match comes early enough, else from a word
// a little before the match, marked with an ellipsis.
function cutLongSentence(sentence: string, room: number): string {
  const first = sentence.indexOf(MARK_START);
  const matchEnd =
    first < 0 ? 0 : visibleLength(sentence.slice(0, Math.max(first, sentence.indexOf(MARK_STOP, first))));
  if (matchEnd <= room * (1 - LEAD_SHARE)) return cutBetweenWords(sentence, room);
  const wantedLead = Math.round(room * LEAD_SHARE);
  let from = first;
  for (const space of sentence.slice(0, first).matchAll(/\s/g)) {
    if (visibleLength(sentence.slice(space.index + 1, first)) <= wantedLead) {
      from = space.index + 1;
      break;
    }
  }
  return `${ELLIPSIS}${cutBetweenWords(sentence.slice(from), room - 1)}`;
}

/**
 * A short excerpt of a text whose matches are wrapped in MARK_START/MARK_STOP: the sentence with the most
 * matched words, then the sentences after it (or, at the end of the text, before it) while they fit in
 * `maxLength` characters. It starts at the start of a sentence and ends at the end of one unless a sentence
 * has to be cut, which happens between words and shows as an ellipsis. Without matches it is the text's start.
 */
export function buildSnippet(markedText: string, maxLength: number): string {
  const sentences = splitSentences(tidySpacing(markedText));
  if (sentences.length === 0) return '';
  let best = 0;
  for (let i = 1; i < sentences.length; i++) {
    if (scoreOf(sentences[i]!) > scoreOf(sentences[best]!)) best = i;
  }
  let snippet = sentences[best]!;
  if (visibleLength(snippet) > maxLength) return cutLongSentence(snippet, maxLength);
  let first = best;
  // A very short sentence (a pack size, a heading) says little alone: it follows the sentence before it.
  const previous = sentences[best - 1];
  if (
    previous !== undefined &&
    visibleLength(snippet) < SHORT_SENTENCE &&
    visibleLength(previous) + 1 + visibleLength(snippet) <= maxLength * 0.6
  ) {
    snippet = `${previous} ${snippet}`;
    first -= 1;
  }
  let next = best + 1;
  for (; next < sentences.length; next++) {
    if (visibleLength(snippet) + 1 + visibleLength(sentences[next]!) > maxLength) break;
    snippet += ` ${sentences[next]}`;
  }
  const room = maxLength - visibleLength(snippet) - 1;
  if (next < sentences.length) {
    return room >= MIN_TAIL ? `${snippet} ${cutBetweenWords(sentences[next]!, room)}` : snippet;
  }
  for (let before = first - 1; before >= 0; before--) {
    if (visibleLength(snippet) + 1 + visibleLength(sentences[before]!) > maxLength) break;
    snippet = `${sentences[before]} ${snippet}`;
  }
  return snippet;
}
