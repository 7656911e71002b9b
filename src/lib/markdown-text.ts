import { parseMarkdown, replaceShortcodeLines } from './markdown.ts';

type Token = ReturnType<typeof parseMarkdown>[number];

// A block that ends without punctuation (a heading, a list item, a table cell) gets a full stop, so that the
// text still reads as sentences once the blocks run on.
const ENDS_PUNCTUATED = /[.!?:;,…]["'”’)\]]*$/;

function inlineText(children: Token[] | null): string {
  let text = '';
  for (const child of children ?? []) {
    if (child.type === 'text' || child.type === 'code_inline') text += child.content;
    else if (child.type === 'softbreak' || child.type === 'hardbreak') text += ' ';
  }
  return text;
}

/**
 * Markdown as the plain text a reader sees: no markup, links reduced to their words, one block per line, each
 * ending in punctuation. A table row is one block with its cells joined by dashes; header rows are left out. `embed` turns a whole-line `[[...]]` shortcode into Markdown
 * (an empty string drops the line); without it shortcode lines stay as typed.
 */
export function markdownToPlainText(
  source: string,
  options: { embed?: (shortcode: string, body?: string) => string | undefined } = {},
) {
  const text = options.embed ? replaceShortcodeLines(source, options.embed) : source;
  const blocks: string[] = [];
  const add = (raw: string) => {
    const block = raw.replace(/\s+/g, ' ').trim();
    if (block) blocks.push(ENDS_PUNCTUATED.test(block) ? block : `${block}.`);
  };
  let isInTableHead = false;
  let row: string[] | undefined;
  for (const token of parseMarkdown(text)) {
    if (token.type === 'thead_open') isInTableHead = true;
    else if (token.type === 'thead_close') isInTableHead = false;
    else if (token.type === 'tr_open') row = [];
    else if (token.type === 'tr_close') {
      if (!isInTableHead && row) add(row.filter((cell) => cell.trim()).join(' — '));
      row = undefined;
    } else if (token.type === 'inline') {
      if (row) row.push(inlineText(token.children));
      else add(inlineText(token.children));
    } else if (token.type === 'fence' || token.type === 'code_block') add(token.content);
  }
  return blocks.join('\n');
}
