import { diffLines } from 'diff';
import type { Context } from 'hono';
import { html, raw } from 'hono/html';
import type { Article, ArticleRevision, ArticleSnapshot } from '#src/content/schema.ts';
import { formatDateTime } from '#src/lib/dates.ts';
import type { AppEnv } from '#src/web/context.ts';
import { csrfField } from '#src/web/forms.ts';

/** A revision as lines of text, fields first and the body last, so a diff reads like the editor. */
export function revisionText(s: ArticleSnapshot): string {
  return [
    `Title: ${s.title}`,
    `Slug: ${s.slug}`,
    `Excerpt: ${s.excerpt}`,
    `Author: ${s.authorName}`,
    `Tags: ${s.tags.join(', ')}`,
    `Status: ${s.status}`,
    `Publication: ${s.publishedAt ? formatDateTime(s.publishedAt) : ''}`,
    `SEO title: ${s.seoTitle}`,
    `SEO description: ${s.seoDescription}`,
    `Canonical URL: ${s.canonicalUrl}`,
    // Revisions kept before covers were uploaded say nothing of the cover.
    ...(s.coverImage === undefined
      ? []
      : [`Cover: ${s.coverImage ? `${s.coverImage.alt} (${s.coverImage.src})` : ''}`]),
    '',
    ...s.body.split('\n'),
  ].join('\n');
}

type Line = { kind: 'added' | 'removed' | 'same'; text: string };

/** The lines of two revisions, marked added, removed or unchanged. */
export function diffRevisions(from: ArticleSnapshot, to: ArticleSnapshot): Line[] {
  return diffLines(revisionText(from), revisionText(to)).flatMap((part) => {
    const kind = part.added ? 'added' : part.removed ? 'removed' : 'same';
    return part.value
      .replace(/\n$/, '')
      .split('\n')
      .map((text) => ({ kind, text }) as Line);
  });
}

const SIGN = { added: '+', removed: '-', same: ' ' } as const;

function diffView(lines: Line[]) {
  const changed = lines.filter((l) => l.kind !== 'same').length;
  if (changed === 0) return html`<p>These revisions are the same.</p>`;
  return html`<p class="muted">${changed} ${changed === 1 ? 'line differs' : 'lines differ'}: removed lines are marked −, added lines +.</p>
    <pre class="revision-diff">${lines.map(
      (l) =>
        html`<span class="diff-${l.kind}">${l.kind === 'same' ? '' : html`<span class="visually-hidden">${l.kind}: </span>`}${SIGN[l.kind]} ${l.text}</span>`,
    )}</pre>`;
}

function select(name: string, label: string, revisions: ArticleRevision[], chosen: number) {
  return html`<div class="field">
    <label for="f-${name}">${label}</label>
    <select id="f-${name}" name="${name}">
      ${revisions.map((r) => html`<option value="${r.number}"${r.number === chosen ? raw(' selected') : ''}>Revision ${r.number}</option>`)}
    </select>
  </div>`;
}

/** Every saved revision of an article, a comparison of two of them, and restoring one. */
export function renderRevisionsPage(
  c: Context<AppEnv>,
  o: {
    article: Article;
    revisions: ArticleRevision[];
    from: ArticleRevision | undefined;
    to: ArticleRevision | undefined;
  },
) {
  const a = o.article;
  return html`<h1>Revisions: ${a.title}</h1>
    <p class="article-links"><a href="/admin/articles/${a.id}">Back to the editor</a></p>
    ${
      o.from && o.to
        ? html`<section aria-labelledby="compare-heading">
          <h2 id="compare-heading">Revision ${o.from.number} compared with revision ${o.to.number}</h2>
          <form method="get" action="/admin/articles/${a.id}/revisions" class="inventory-filters">
            ${select('from', 'From', o.revisions, o.from.number)}
            ${select('to', 'To', o.revisions, o.to.number)}
            <div class="inventory-filter-actions"><button type="submit">Compare</button></div>
          </form>
          ${diffView(diffRevisions(o.from.snapshot, o.to.snapshot))}
        </section>`
        : ''
    }
    <h2>All revisions</h2>
    <ol class="revision-list plain">${o.revisions.map(
      (r, i) => html`<li>
        <p><strong>Revision ${r.number}</strong>${i === 0 ? ' (current)' : ''}${r.note ? html` · ${r.note}` : ''}</p>
        <p class="muted">Saved ${formatDateTime(r.createdAt)} by <span class="revision-by">${r.actorEmail}</span></p>
        ${
          i === 0
            ? ''
            : html`<div class="revision-actions">
              <a href="/admin/articles/${a.id}/revisions?from=${r.number}&amp;to=${o.revisions[0]!.number}">Compare with current</a>
              <form method="post" action="/admin/articles/${a.id}/revisions/${r.number}/restore" class="inline-form">
                ${csrfField(c)}
                <button type="submit" class="button-secondary">Restore revision ${r.number}</button>
              </form>
            </div>`
        }
      </li>`,
    )}</ol>`;
}
