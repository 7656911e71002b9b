import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

// Raw HTML in the source is off, and the output is sanitised anyway: descriptions may one day come from an
// import or a supplier feed, and a rendered page must never carry their scripts.
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: true });

const ALLOWED = {
  allowedTags: [
    'p', 'br', 'hr', 'strong', 'em', 's', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li',
    'h2', 'h3', 'h4', 'h5', 'h6', 'a', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
  ],
  // No style attributes: the Content-Security-Policy would block them anyway.
  allowedAttributes: { a: ['href', 'title', 'rel'], ol: ['start'] },
  allowedSchemes: ['https', 'http', 'mailto', 'tel'],
  allowProtocolRelative: false,
  // A description sits under the product's own h1; a "# Heading" in it becomes an h2.
  transformTags: {
    h1: 'h2',
    a: (tagName: string, attribs: Record<string, string>) => {
      const external = /^https?:/i.test(attribs.href ?? '');
      return { tagName, attribs: external ? { ...attribs, rel: 'noopener nofollow' } : attribs };
    },
  },
} satisfies sanitizeHtml.IOptions;

/** Markdown to HTML that is safe to insert with `raw()`: no raw HTML, scripts, handlers or unsafe links. */
export function renderMarkdown(source: string): string {
  return sanitizeHtml(markdown.render(source), ALLOWED);
}
