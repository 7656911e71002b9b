import type { Context } from 'hono';
import { html, raw } from 'hono/html';
import type { ComplianceReport } from '#src/content/admin-queries.ts';
import { CATEGORY_BOX, MAX_BODY } from '#src/content/admin-validators.ts';
import { ARTICLE_STATUSES, type Article } from '#src/content/schema.ts';
import type { FieldErrors } from '#src/lib/errors.ts';
import { renderPicture } from '#src/media/views/picture.ts';
import { assetUrl } from '#src/web/assets.ts';
import type { AppEnv } from '#src/web/context.ts';
import { csrfField, errorSummary, type FormValues, textField } from '#src/web/forms.ts';
import { renderArticleStatus, STATUS_LABELS } from './article-list-page.ts';
import { renderBodyPictureFields, renderCoverFields, type UploadedPicture } from './article-picture-fields.ts';
import { type AckFormState, renderComplianceReport } from './article-report.ts';

/** The embeds an author may place on a line of their own, as the editor documents them. */
const EMBEDS: { code: string; what: string }[] = [
  {
    code: '[[product:pep-factor]]',
    what: 'A product card by the product’s slug: live price, availability, badges and add to cart.',
  },
  { code: '[[coupon:20OFF|20% off your first order]]', what: 'A coupon callout: the code and a line about it.' },
  { code: '[[callout:Stop NSAIDs 72 hours before.]]', what: 'A highlighted note box.' },
  {
    code: '[[contact]] or [[contact:Ask for our stock list]]',
    what: 'A contact box: the store’s phone as a tap-to-call link, its email and the contact page.',
  },
  {
    code: '[[timeline:Your care plan]] … [[/timeline]]',
    what: 'A care timeline: between the two lines, phase names (“Before”, “After”) and steps written “- when | what to do”.',
  },
  {
    code: '[[compare:How the alternatives compare]] … [[/compare]]',
    what: 'A comparison table: a header line “Treatment | How it works | Side effects”, then one line per treatment.',
  },
];

/** The form's values as an article holds them. */
export function valuesOf(a: Article): FormValues {
  return {
    title: a.title,
    slug: a.slug,
    excerpt: a.excerpt,
    body: a.body,
    authorName: a.authorName,
    tags: a.tags.join(', '),
    status: a.status,
    publishAt: a.publishedAt ? a.publishedAt.toISOString().slice(0, 16) : '',
    seoTitle: a.seoTitle,
    seoDescription: a.seoDescription,
    canonicalUrl: a.canonicalUrl,
  };
}

function textArea(o: {
  name: string;
  label: string;
  rows: number;
  maxlength: number;
  values: FormValues;
  errors?: FieldErrors;
  hint?: string;
}) {
  const id = `f-${o.name}`;
  const error = o.errors?.[o.name];
  const describedBy = [o.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return html`<div class="field${error ? ' has-error' : ''}">
    <label for="${id}">${o.label}</label>
    ${o.hint ? html`<p class="hint" id="${id}-hint">${o.hint}</p>` : ''}
    <textarea id="${id}" name="${o.name}" rows="${o.rows}" maxlength="${o.maxlength}"${describedBy ? raw(` aria-describedby="${describedBy}"`) : ''}${error ? raw(' aria-invalid="true"') : ''}>${o.values[o.name] ?? ''}</textarea>
    ${error ? html`<p class="field-error" id="${id}-error">${error}</p>` : ''}
  </div>`;
}

function categoryFields(o: EditorPage) {
  if (o.categories.length === 0) return '';
  const error = o.errors?.categories;
  return html`<fieldset class="field category-fields${error ? ' has-error' : ''}"${error ? raw(' aria-describedby="f-categories-error"') : ''}>
    <legend>Blog categories</legend>
    <input type="hidden" name="categoriesShown" value="1">
    ${o.categories.map(
      (c) =>
        html`<label><input type="checkbox" name="${CATEGORY_BOX}${c.slug}" value="on"${o.values[`${CATEGORY_BOX}${c.slug}`] ? raw(' checked') : ''}> ${c.name}</label>`,
    )}
    ${error ? html`<p class="field-error" id="f-categories-error">${error}</p>` : ''}
  </fieldset>`;
}

function statusField(values: FormValues, errors: FieldErrors | undefined) {
  const error = errors?.status;
  return html`<div class="field${error ? ' has-error' : ''}">
    <label for="f-status">Status</label>
    <select id="f-status" name="status">
      ${ARTICLE_STATUSES.map(
        (s) =>
          html`<option value="${s}"${(values.status || 'draft') === s ? raw(' selected') : ''}>${STATUS_LABELS[s]}</option>`,
      )}
    </select>
    ${error ? html`<p class="field-error">${error}</p>` : ''}
  </div>`;
}

function embedDocs() {
  return html`<details class="embed-docs">
    <summary>Embeds you can use</summary>
    <p>Put each on a line of its own. A product that does not exist is reported below and blocks publishing.</p>
    <dl>${EMBEDS.map((e) => html`<dt><code>${e.code}</code></dt><dd>${e.what}</dd>`)}</dl>
  </details>`;
}

export type EditorPage = {
  article: Article | undefined;
  values: FormValues;
  errors?: FieldErrors | undefined;
  previewHtml: string;
  report: ComplianceReport;
  /** The preview and report show text not saved yet. */
  isUnsaved: boolean;
  ackForm?: AckFormState | undefined;
  /** The blog's categories, for the boxes an author ticks. */
  categories: { slug: string; name: string }[];
  /** A picture just uploaded for the text, whose Markdown the page offers to copy. */
  uploaded?: UploadedPicture | undefined;
};

/** The preview and the compliance report, which the editor's script swaps in as the author types. */
export function renderPreviewPane(
  c: Context<AppEnv>,
  o: Pick<EditorPage, 'article' | 'previewHtml' | 'report' | 'isUnsaved' | 'ackForm'>,
) {
  return html`<div id="article-preview-pane">
    <section class="article-preview" aria-labelledby="preview-heading">
      <h2 id="preview-heading">Preview</h2>
      ${
        o.article?.coverImage
          ? html`<figure class="article-cover">${renderPicture(o.article.coverImage, { sizes: '(min-width: 60rem) 30vw, 100vw', width: 640, height: 480 })}</figure>`
          : ''
      }
      <div class="article-body" id="article-preview">${raw(o.previewHtml)}</div>
    </section>
    ${renderComplianceReport(c, o.report, { ...(o.article ? { articleId: o.article.id } : {}), ...(o.ackForm ? { failed: o.ackForm } : {}), isUnsaved: o.isUnsaved })}
  </div>`;
}

// Enter in a field saves: the form's first submit button is its default, so a hidden Save comes ahead of the
// picture buttons, which post the form elsewhere.
/** The article editor: fields and Markdown on one side, the server's preview and the compliance report beside. */
export function renderArticleEditor(c: Context<AppEnv>, o: EditorPage) {
  const a = o.article;
  const action = a ? `/admin/articles/${a.id}` : '/admin/articles';
  return html`<div class="page-heading-row">
      <h1>${a ? html`Edit: ${a.title}` : 'Write an article'}</h1>
      ${a ? renderArticleStatus(a.status) : ''}
    </div>
    ${
      a
        ? html`<p class="article-links"><a href="/admin/articles">All articles</a> · <a href="/admin/articles/${a.id}/revisions">Revisions</a>${
            a.status === 'published' ? html` · <a href="/blog/${a.slug}">View on the blog</a>` : ''
          }</p>`
        : html`<p class="article-links"><a href="/admin/articles">All articles</a></p>`
    }
    ${errorSummary(o.errors)}
    <div class="article-editor">
      <form method="post" action="${action}" class="article-form" id="article-form" data-preview="/admin/articles/preview${a ? `?id=${a.id}` : ''}">
        ${csrfField(c)}
        <button type="submit" name="intent" value="save" class="visually-hidden" tabindex="-1" aria-hidden="true">${a ? 'Save' : 'Create'}</button>
        ${textField({ name: 'title', label: 'Title', values: o.values, errors: o.errors, required: true, maxlength: 200 })}
        ${textField({ name: 'slug', label: 'Slug', values: o.values, errors: o.errors, required: true, maxlength: 200, hint: 'The address: /blog/your-slug. Lowercase letters, digits and dashes; a new slug keeps the old address redirecting.' })}
        ${textArea({ name: 'excerpt', label: 'Excerpt', rows: 2, maxlength: 500, values: o.values, errors: o.errors, hint: 'One or two sentences for the blog list and search results.' })}
        ${renderCoverFields({ article: a, values: o.values, ...(o.errors ? { errors: o.errors } : {}) })}
        ${textArea({ name: 'body', label: 'Body (Markdown)', rows: 22, maxlength: MAX_BODY, values: o.values, errors: o.errors })}
        ${renderBodyPictureFields({ article: a, values: o.values, ...(o.errors ? { errors: o.errors } : {}), uploaded: o.uploaded })}
        ${embedDocs()}
        <div class="field-row">
          ${textField({ name: 'authorName', label: 'Author', values: o.values, errors: o.errors, maxlength: 120 })}
          ${textField({ name: 'tags', label: 'Tags', values: o.values, errors: o.errors, maxlength: 900, hint: 'Separated by commas.' })}
        </div>
        ${categoryFields(o)}
        <div class="field-row">
          ${statusField(o.values, o.errors)}
          ${textField({ name: 'publishAt', label: 'Publication time (UTC)', type: 'datetime-local', values: o.values, errors: o.errors, hint: 'Needed to schedule; empty publishes at once.' })}
        </div>
        <fieldset class="seo-fields">
          <legend>Search engines</legend>
          ${textField({ name: 'seoTitle', label: 'SEO title', values: o.values, errors: o.errors, maxlength: 120 })}
          ${textArea({ name: 'seoDescription', label: 'SEO description', rows: 2, maxlength: 320, values: o.values, errors: o.errors })}
          ${textField({ name: 'canonicalUrl', label: 'Canonical URL', type: 'url', values: o.values, errors: o.errors, maxlength: 500, hint: 'Only when the article first appeared elsewhere.' })}
        </fieldset>
        <div class="form-actions">
          <button type="submit" name="intent" value="save">${a ? 'Save' : 'Create'}</button>
          <button type="submit" name="intent" value="preview" class="button-secondary" formnovalidate>Preview</button>
        </div>
      </form>
      <div class="article-side">
        ${
          a && a.status !== 'published'
            ? html`<form method="post" action="/admin/articles/${a.id}/publish" class="publish-form">
              ${csrfField(c)}
              <button type="submit"${o.report.blocking.length && !o.isUnsaved ? raw(' disabled aria-describedby="compliance-heading"') : ''}>Publish now</button>
              <span class="muted">Publishes the saved text.</span>
            </form>`
            : ''
        }
        ${renderPreviewPane(c, o)}
      </div>
    </div>
    <script type="module" src="${assetUrl('article-preview.js')}"></script>
    <script type="module" src="${assetUrl('article-pictures.js')}"></script>`;
}
