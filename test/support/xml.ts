/**
 * Checks that a text is well-formed XML as a strict parser reads it: one root element, every tag closed in
 * order, attribute values quoted, and no bare `<` or `&` in text (only the five named entities and numeric
 * references). Throws with the offending position; returns the root element's name.
 */
export function assertWellFormedXml(xml: string): string {
  const stack: string[] = [];
  let root: string | undefined;
  let i = xml.startsWith('<?xml') ? xml.indexOf('?>') + 2 : 0;
  const fail = (why: string): never => {
    throw new Error(`Not well-formed XML at ${i}: ${why}: ${JSON.stringify(xml.slice(i, i + 60))}`);
  };
  const checkText = (text: string) => {
    if (text.includes('<')) fail('a bare <');
    for (const m of text.matchAll(/&([^;\s]*);?/g)) {
      if (!/^&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);$/i.test(m[0])) fail(`a bare & (${m[0]})`);
    }
  };
  while (i < xml.length) {
    const open = xml.indexOf('<', i);
    const text = xml.slice(i, open < 0 ? xml.length : open);
    checkText(text);
    if (stack.length === 0 && text.trim()) fail('text outside the root element');
    if (open < 0) break;
    i = open;
    const close = xml.indexOf('>', i);
    if (close < 0) fail('a tag that never ends');
    const tag = xml.slice(i + 1, close);
    const m = /^(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+="[^"<]*")*)\s*(\/?)$/.exec(tag);
    if (!m) fail('a malformed tag');
    const [, isEnd, name, attrs, isEmpty] = m!;
    checkText(attrs!.replace(/="([^"]*)"/g, (_, v: string) => v));
    if (isEnd) {
      if (stack.pop() !== name) fail(`</${name}> closes a different element`);
    } else {
      if (stack.length === 0) {
        if (root) fail('a second root element');
        root = name;
      }
      if (!isEmpty) stack.push(name!);
    }
    i = close + 1;
  }
  if (stack.length) fail(`unclosed <${stack.at(-1)}>`);
  if (!root) fail('no root element');
  return root!;
}

/** The decoded text of every `<name>` element, in order (elements without child elements). */
export function xmlTexts(xml: string, name: string): string[] {
  return [...xml.matchAll(new RegExp(`<${name}(?:\\s[^>]*)?>([^<]*)</${name}>`, 'g'))].map((m) =>
    m[1]!
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&'),
  );
}
