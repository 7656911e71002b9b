import type { Context } from 'hono';
import { html, raw } from 'hono/html';
import type { FieldErrors } from '#src/lib/errors.ts';
import type { AppEnv } from '#src/web/context.ts';
import { csrfField, errorSummary, type FormValues, textField } from '#src/web/forms.ts';
import { STORE_PAGES, type StorePage } from '#src/web/store-pages.ts';
import { MAX_HERO_HEADING, MAX_HERO_TEXT, MAX_PAGE_TEXT } from '../validators.ts';

type FormState = { values: FormValues; errors?: FieldErrors | undefined };

function textArea(o: { name: string; label: string; hint: string; rows: number; maxlength: number; state: FormState }) {
  const id = `f-${o.name}`;
  const error = o.state.errors?.[o.name];
  return html`<div class="field field-wide${error ? ' has-error' : ''}">
    <label for="${id}">${o.label}</label>
    <p class="hint" id="${id}-hint">${o.hint}</p>
    <textarea id="${id}" name="${o.name}" rows="${o.rows}" maxlength="${o.maxlength}" aria-describedby="${id}-hint${error ? ` ${id}-error` : ''}"${error ? raw(' aria-invalid="true"') : ''}>${o.state.values[o.name] ?? ''}</textarea>
    ${error ? html`<p class="field-error" id="${id}-error">${error}</p>` : ''}
  </div>`;
}

function pageHint(page: StorePage): string {
  const empty =
    page.key === 'contact'
      ? 'Left empty, the page still shows your phone, email and address.'
      : 'Left empty, the page is not published and leaves the footer.';
  return `Shown at ${page.path}. ${empty}`;
}

/** The editor of the home page's hero and the store pages; saving shows the change on the next visit. */
export function renderSettingsPage(c: Context<AppEnv>, state: FormState) {
  return html`<h1>Store texts</h1>
    <p>The words of the home page's hero and of the pages every customer can reach from the footer. Pages are
      written in Markdown: <code>## Heading</code>, <code>- list item</code>, <code>**bold**</code>,
      <code>[link text](/returns)</code>, and tables with <code>|</code>. Any HTML is shown as text.</p>
    ${errorSummary(state.errors)}
    <form method="post" action="/admin/settings" class="settings-form" novalidate>
      ${csrfField(c)}
      <fieldset>
        <legend>Home page hero</legend>
        ${textField({ name: 'heroHeading', label: 'Headline', maxlength: MAX_HERO_HEADING, hint: 'A promise to the shopper; without one the tagline is used.', ...state })}
        ${textArea({ name: 'heroText', label: 'Text under the headline', hint: 'One or two sentences.', rows: 3, maxlength: MAX_HERO_TEXT, state })}
        ${textField({ name: 'heroProductSlug', label: 'Product in the spotlight', maxlength: 120, hint: 'The last part of its address, like pep-factor. Empty shows the first featured product anyone may buy.', ...state })}
      </fieldset>
      <fieldset>
        <legend>Store pages</legend>
        ${STORE_PAGES.map((page) =>
          textArea({
            name: page.key,
            label: page.title,
            hint: pageHint(page),
            rows: 12,
            maxlength: MAX_PAGE_TEXT,
            state,
          }),
        )}
      </fieldset>
      <button type="submit">Save the texts</button>
    </form>`;
}
