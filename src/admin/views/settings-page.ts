import type { Context } from 'hono';
import { html, raw } from 'hono/html';
import type { FieldErrors } from '#src/lib/errors.ts';
import { formatMoney } from '#src/lib/money.ts';
import type { AppEnv } from '#src/web/context.ts';
import { csrfField, errorSummary, type FormValues, textField } from '#src/web/forms.ts';
import { STORE_PAGES, type StorePage } from '#src/web/store-pages.ts';
import {
  isKnownCurrency,
  MAX_ADDRESS,
  MAX_BANK_LINE,
  MAX_BANK_LINES,
  MAX_DISCLAIMER,
  MAX_NAME,
  MAX_TAGLINE,
} from '../settings-validators.ts';
import { MAX_HERO_HEADING, MAX_HERO_TEXT, MAX_PAGE_TEXT } from '../validators.ts';

type FormState = { values: FormValues; errors?: FieldErrors | undefined };

const SECTIONS = [
  { id: 'store', title: 'Store' },
  { id: 'contact', title: 'Contact' },
  { id: 'money', title: 'Money and payment' },
  { id: 'returns', title: 'Returns' },
  { id: 'home', title: 'Home page' },
  { id: 'pages', title: 'Store pages' },
] as const;
type SectionId = (typeof SECTIONS)[number]['id'];

// Which section holds each field, so that the summary of a failed save can point at the sections to fix.
const SECTION_OF_FIELD: Record<string, SectionId> = {
  name: 'store',
  tagline: 'store',
  timeZone: 'store',
  disclaimer: 'store',
  phone: 'contact',
  email: 'contact',
  address: 'contact',
  currency: 'money',
  bankAccountHolder: 'money',
  bankName: 'money',
  bankAccountLines: 'money',
  returnWindowDays: 'returns',
  heroHeading: 'home',
  heroText: 'home',
  heroProductSlug: 'home',
};

function textArea(o: {
  name: string;
  label: string;
  hint: string;
  rows: number;
  maxlength: number;
  state: FormState;
  isMarkdown?: boolean;
  isOptional?: boolean;
}) {
  const id = `f-${o.name}`;
  const error = o.state.errors?.[o.name];
  return html`<div class="field field-wide${error ? ' has-error' : ''}">
    <label for="${id}">${o.label}${o.isOptional ? html` <span class="optional">(optional)</span>` : ''}</label>
    <p class="hint" id="${id}-hint">${o.hint}</p>
    <textarea id="${id}" name="${o.name}" rows="${o.rows}" maxlength="${o.maxlength}"${o.isMarkdown ? raw(' class="markdown"') : ''} aria-describedby="${id}-hint${error ? ` ${id}-error` : ''}"${error ? raw(' aria-invalid="true"') : ''}>${o.state.values[o.name] ?? ''}</textarea>
    ${error ? html`<p class="field-error" id="${id}-error">${error}</p>` : ''}
  </div>`;
}

function section(id: SectionId, intro: string, fields: unknown) {
  const title = SECTIONS.find((s) => s.id === id)!.title;
  return html`<fieldset id="settings-${id}" class="settings-section">
    <legend>${title}</legend>
    <p class="settings-intro">${intro}</p>
    ${fields}
  </fieldset>`;
}

function pageHint(page: StorePage): string {
  const empty =
    page.key === 'contact'
      ? 'Left empty, the page still shows your phone, email and address.'
      : 'Left empty, the page is not published and leaves the footer.';
  return `Shown at ${page.path}. ${empty}`;
}

// How a price will read in the chosen currency, so the operator sees the code means what they think.
function currencyHint(code: string | undefined): string {
  const base = 'Three letters (ISO 4217) that every product is priced in.';
  const upper = code?.trim().toUpperCase() ?? '';
  if (!/^[A-Z]{3}$/.test(upper) || !isKnownCurrency(upper)) return `${base} The store sells in USD today.`;
  const name = new Intl.DisplayNames('en-US', { type: 'currency' }).of(upper);
  return `${base} Now: ${name}, ${formatMoney(123456, upper)}.`;
}

const TIME_ZONES = Intl.supportedValuesOf('timeZone');

/** The editor of everything the store shows of itself, grouped into sections with a list of them on top. */
export function renderSettingsPage(c: Context<AppEnv>, state: FormState, tabs: unknown = '') {
  const failed = new Set(Object.keys(state.errors ?? {}).map((field) => SECTION_OF_FIELD[field] ?? 'pages'));
  const f = (o: Omit<Parameters<typeof textField>[0], 'values' | 'errors'>) => textField({ ...o, ...state });
  return html`<h1>Store settings</h1>
    ${tabs}
    <p>Everything the store says about itself: its name and contact details in the header and footer, the currency
      of its prices, the bank details for transfers, the return window, the home page and the pages linked from the
      footer. A save shows on every page at once.</p>
    ${errorSummary(state.errors)}
    <nav class="settings-nav" aria-label="Sections of the settings">
      <ul>
        ${SECTIONS.map(
          (s) =>
            html`<li><a href="#settings-${s.id}"${failed.has(s.id) ? raw(' class="has-error"') : ''}>${s.title}${failed.has(s.id) ? html`<span class="visually-hidden"> (needs correcting)</span>` : ''}</a></li>`,
        )}
      </ul>
    </nav>
    <form method="post" action="/admin/settings" class="settings-form" novalidate>
      ${csrfField(c)}
      ${section(
        'store',
        'Who the store is: shown in the header, the footer, the title of every page and store mail.',
        html`<div class="settings-grid">
            ${f({ name: 'name', label: 'Store name', required: true, maxlength: MAX_NAME })}
            ${f({ name: 'timeZone', label: 'Time zone', required: true, maxlength: 64, autocomplete: 'off', hint: 'Region and city as the time zone database names them, like America/Phoenix.', list: 'time-zones' })}
          </div>
          ${f({ name: 'tagline', label: 'Tagline', maxlength: MAX_TAGLINE, hint: 'One sentence under the name in the footer; the home page uses it when it has no headline.' })}
          ${textArea({ name: 'disclaimer', label: 'Disclaimer', hint: 'Shown at the foot of every page and with every article.', rows: 4, maxlength: MAX_DISCLAIMER, state })}
          <datalist id="time-zones">${TIME_ZONES.map((zone) => html`<option value="${zone}"></option>`)}</datalist>`,
      )}
      ${section(
        'contact',
        'How customers reach you: the header shows the phone, the footer and the contact page show all three.',
        html`<div class="settings-grid">
            ${f({ name: 'phone', label: 'Phone', type: 'tel', maxlength: 40, autocomplete: 'off', hint: 'As customers dial it, like (800) 770-9083.' })}
            ${f({ name: 'email', label: 'Email', type: 'email', maxlength: 254, autocomplete: 'off' })}
          </div>
          ${f({ name: 'address', label: 'Postal address', maxlength: MAX_ADDRESS, hint: 'On one line: street, suite, city, state, ZIP code and country.' })}`,
      )}
      ${section(
        'money',
        'The currency of the store and where customers who pay by bank transfer send the money; order confirmations quote the bank details.',
        html`<div class="settings-grid">
            ${f({ name: 'currency', label: 'Currency', required: true, maxlength: 3, autocomplete: 'off', hint: currencyHint(state.values.currency) })}
          </div>
          <div class="settings-grid">
            ${f({ name: 'bankAccountHolder', label: 'Account holder', maxlength: MAX_BANK_LINE, autocomplete: 'off' })}
            ${f({ name: 'bankName', label: 'Bank name', maxlength: MAX_BANK_LINE, autocomplete: 'off' })}
          </div>
          ${textArea({ name: 'bankAccountLines', label: 'Account details', hint: 'One per line, as your bank writes them: routing and account number, or IBAN and BIC.', rows: 3, maxlength: MAX_BANK_LINES, state, isOptional: true })}`,
      )}
      ${section(
        'returns',
        'How long customers have to send a product back; the returns page states it above its text.',
        html`<div class="settings-grid">
          ${f({ name: 'returnWindowDays', label: 'Return window in days', type: 'number', required: true, maxlength: 3, autocomplete: 'off', hint: 'Counted from delivery, from 1 to 365.' })}
        </div>`,
      )}
      ${section(
        'home',
        'The first thing a visitor reads on the home page.',
        html`${f({ name: 'heroHeading', label: 'Headline', maxlength: MAX_HERO_HEADING, hint: 'A promise to the shopper; without one the tagline is used.' })}
          ${textArea({ name: 'heroText', label: 'Text under the headline', hint: 'One or two sentences.', rows: 3, maxlength: MAX_HERO_TEXT, state, isOptional: true })}
          ${f({ name: 'heroProductSlug', label: 'Product in the spotlight', maxlength: 120, hint: 'The last part of its address, like pep-factor. Empty shows the first featured product anyone may buy.' })}`,
      )}
      ${section(
        'pages',
        'Written in Markdown: ## Heading, - list item, **bold**, [link text](/returns), and tables with |. Any HTML is shown as text.',
        STORE_PAGES.map((page) =>
          textArea({
            name: page.key,
            label: page.title,
            hint: pageHint(page),
            rows: 12,
            maxlength: MAX_PAGE_TEXT,
            state,
            isMarkdown: true,
          }),
        ),
      )}
      <div class="settings-actions"><button type="submit">Save the settings</button></div>
    </form>`;
}
