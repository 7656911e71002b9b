import type { Context } from 'hono';
import { html } from 'hono/html';
import { imageIdOf, MAX_IMAGES } from '#src/catalog/image-service.ts';
import { ACCESS_LABELS, FORM_LABELS, REGULATORY_LABELS, ROUTE_LABELS, STORAGE_LABELS } from '#src/catalog/labels.ts';
import {
  ACCESS_CLASSES,
  type Category,
  PRODUCT_FORMS,
  PRODUCT_STATUSES,
  type Product,
  REGULATORY_STATUSES,
  ROUTES_OF_USE,
  STORAGE_CLASSES,
  WARNING_TOPICS,
} from '#src/catalog/schema.ts';
import type { FieldErrors } from '#src/lib/errors.ts';
import { assetUrl } from '#src/web/assets.ts';
import type { AppEnv } from '#src/web/context.ts';
import { csrfField, errorSummary, type FormValues, textField } from '#src/web/forms.ts';
import type { FormState } from './categories-page.ts';
import { selectField, textareaField } from './product-fields.ts';
import { STATUS_LABELS } from './product-list-page.ts';

const entries = <K extends string>(keys: readonly K[], labels: Record<K, string>) =>
  keys.map((k) => [k, labels[k]] as const);

function productForm(
  c: Context<AppEnv>,
  o: { action: string; state: FormState; categories: Category[]; submit: string },
) {
  const s = o.state;
  const f = (field: Omit<Parameters<typeof textField>[0], 'values' | 'errors'>) => textField({ ...field, ...s });
  return html`<form method="post" action="${o.action}" class="product-form settings-form" novalidate>
    ${csrfField(c)}
    <fieldset>
      <legend>Name and place</legend>
      ${f({ name: 'name', label: 'Name', required: true, maxlength: 200 })}
      ${f({ name: 'slug', label: 'Address', maxlength: 120, hint: 'The end of its address, /products/…. Left empty, it is made from the name. After a change, the old address sends visitors to the new one.' })}
      ${f({ name: 'sku', label: 'SKU', required: true, maxlength: 64 })}
      ${f({ name: 'brand', label: 'Brand', maxlength: 120 })}
      ${selectField(s, { name: 'categoryId', label: 'Category', options: o.categories.map((x) => [x.id, x.name] as const), placeholder: 'No category', isOptional: true })}
      ${textareaField(s, { name: 'summary', label: 'Summary', rows: 2, maxlength: 500, hint: 'One or two sentences shown on product cards. Needed to publish.' })}
      ${textareaField(s, { name: 'description', label: 'Description', rows: 6, isOptional: true, hint: 'Markdown.' })}
    </fieldset>
    <fieldset>
      <legend>Price</legend>
      ${f({ name: 'price', label: 'Price (USD)', required: true, hint: 'Like 24.00.' })}
      ${f({ name: 'compareAt', label: 'Regular price (USD)', hint: 'Shown struck through when higher than the price.' })}
    </fieldset>
    <fieldset>
      <legend>Medical facts</legend>
      ${selectField(s, { name: 'form', label: 'Form', options: entries(PRODUCT_FORMS, FORM_LABELS), placeholder: 'Choose…' })}
      ${selectField(s, { name: 'route', label: 'Route of use', options: entries(ROUTES_OF_USE, ROUTE_LABELS), placeholder: 'Choose…', hint: 'Oral, topical and injectable products need their active ingredients and side effects before they are published.' })}
      ${selectField(s, { name: 'regulatoryStatus', label: 'Regulatory status', options: entries(REGULATORY_STATUSES, REGULATORY_LABELS), placeholder: 'Choose…', hint: 'Only an approved product may be called FDA-approved; clearance and De Novo are for devices and kits.' })}
      ${selectField(s, { name: 'accessClass', label: 'Who may buy it', options: entries(ACCESS_CLASSES, ACCESS_LABELS), placeholder: 'Choose…' })}
      ${selectField(s, { name: 'storage', label: 'Storage', options: entries(STORAGE_CLASSES, STORAGE_LABELS), placeholder: 'Choose…' })}
      ${textareaField(s, { name: 'activeIngredients', label: 'Active ingredients', rows: 3, hint: 'One per line, the amount after a bar: Minoxidil | 5%' })}
      ${textareaField(s, { name: 'sideEffects', label: 'Side effects', rows: 3, hint: 'One per line, as a shopper would read them: Mild redness at the site' })}
      ${textareaField(s, { name: 'warnings', label: 'Warnings', rows: 3, isOptional: true, hint: `One per line, starting with its topic (${WARNING_TOPICS.join(', ')}): pregnancy: Do not use when pregnant.` })}
      ${textareaField(s, { name: 'directions', label: 'Directions', rows: 4, hint: 'How to use it and how to store it. Needed to publish.' })}
    </fieldset>
    <fieldset>
      <legend>Publishing</legend>
      ${selectField(s, { name: 'status', label: 'Status', options: entries(PRODUCT_STATUSES, STATUS_LABELS), hint: 'Draft: only staff see it. Active: on sale. Archived: hidden from the store, kept for orders.' })}
      <div class="field checkbox-field">
        <input id="f-isFeatured" name="isFeatured" type="checkbox"${s.values.isFeatured === 'on' ? html` checked` : ''}>
        <label for="f-isFeatured">Feature it on the home page</label>
      </div>
    </fieldset>
    <button type="submit">${o.submit}</button>
  </form>`;
}

// Names every field to correct, each linked to it: the form is long, and on a phone the first error may be far down.
function productErrorSummary(errors: FieldErrors | undefined) {
  if (!errors || Object.keys(errors).length === 0) return '';
  const fields = Object.entries(errors).filter(([field]) => field !== '_');
  return html`<div class="notice notice-error" role="alert">
    <p>${errors._ ?? 'Please correct the highlighted fields.'}</p>
    ${
      fields.length
        ? html`<ul>${fields.map(([field, message]) => html`<li><a href="#f-${field}">${message}</a></li>`)}</ul>`
        : ''
    }
  </div>`;
}

/** The form for a new product. */
export function renderNewProductPage(c: Context<AppEnv>, o: { state: FormState; categories: Category[] }) {
  return html`<p><a href="/admin/products">\u2190 All products</a></p>
    <h1>Add a product</h1>
    ${productErrorSummary(o.state.errors)}
    ${productForm(c, { action: '/admin/products', state: o.state, categories: o.categories, submit: 'Add the product' })}`;
}

// Each picture has its own small form, so its fields need ids of their own (textField's ids are per page).
function ownField(o: {
  id: string;
  name: string;
  label: string;
  values: FormValues;
  errors?: FieldErrors | undefined;
  maxlength: number;
  hint?: string;
  className?: string;
}) {
  const id = `f-${o.id}`;
  const error = o.errors?.[o.name];
  const describedBy = [o.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return html`<div class="field${o.className ? ` ${o.className}` : ''}${error ? ' has-error' : ''}">
    <label for="${id}">${o.label}</label>
    ${o.hint ? html`<p class="hint" id="${id}-hint">${o.hint}</p>` : ''}
    <input id="${id}" name="${o.name}" type="text" value="${o.values[o.name] ?? ''}" maxlength="${o.maxlength}" required${
      describedBy ? html` aria-describedby="${describedBy}"` : ''
    }${error ? html` aria-invalid="true"` : ''}>
    ${error ? html`<p class="field-error" id="${id}-error">${error}</p>` : ''}
  </div>`;
}

function imageItem(c: Context<AppEnv>, p: Product, i: number, state: FormState | undefined) {
  const image = p.images[i]!;
  const id = imageIdOf(image, i);
  const values = state?.values ?? { alt: image.alt, position: String(i + 1) };
  const errors = state?.errors;
  return html`<li class="image-item" data-image-id="${id}" draggable="true">
    <img src="${image.src}" alt="" width="120" height="90" loading="lazy">
    <form method="post" action="/admin/products/${p.id}/images/${id}" class="image-edit" novalidate>
      ${csrfField(c)}
      ${errors?._ ? html`<p class="field-error">${errors._}</p>` : ''}
      ${ownField({ id: `alt-${id}`, name: 'alt', label: 'Alt text', values, errors, maxlength: 300 })}
      ${ownField({ id: `position-${id}`, name: 'position', label: 'Position', values, errors, maxlength: 2, className: 'position-field' })}
      <button type="submit" class="button-secondary">Save picture</button>
    </form>
    <form method="post" action="/admin/products/${p.id}/images/${id}/delete" class="inline-form">
      ${csrfField(c)}<button type="submit" class="link-button danger-link">Remove</button>
    </form>
  </li>`;
}

function imagesSection(
  c: Context<AppEnv>,
  p: Product,
  o: { upload?: FormState | undefined; imageForm?: { id: string; state: FormState } | undefined },
) {
  const up = o.upload ?? { values: {} };
  return html`<section class="product-images" aria-labelledby="images-heading">
    <h2 id="images-heading">Pictures</h2>
    <p class="hint">The first picture leads on cards and the product page. Change the position numbers, or drag the
      pictures, to reorder them. JPEG, PNG or WebP up to 10 MB; at most ${MAX_IMAGES}.</p>
    ${
      p.images.length
        ? html`<ol class="image-list plain" data-order-action="/admin/products/${p.id}/images/order">
            ${p.images.map((_, i) => imageItem(c, p, i, o.imageForm?.id === imageIdOf(p.images[i]!, i) ? o.imageForm.state : undefined))}
          </ol>`
        : html`<p class="muted">No pictures yet.</p>`
    }
    <form method="post" action="/admin/products/${p.id}/images" enctype="multipart/form-data" class="image-upload" novalidate>
      <h3>Add a picture</h3>
      ${csrfField(c)}
      ${errorSummary(up.errors)}
      <div class="field${up.errors?.image ? ' has-error' : ''}">
        <label for="f-image">Picture</label>
        <input id="f-image" name="image" type="file" accept="image/jpeg,image/png,image/webp"${up.errors?.image ? html` aria-invalid="true" aria-describedby="f-image-error"` : ''}>
        ${up.errors?.image ? html`<p class="field-error" id="f-image-error">${up.errors.image}</p>` : ''}
      </div>
      ${ownField({ id: 'upload-alt', name: 'alt', label: 'Alt text', values: up.values, errors: up.errors, maxlength: 300, hint: 'What the picture shows, for people who cannot see it: "30 ml amber dropper bottle of PEP Factor".' })}
      <button type="submit">Upload</button>
    </form>
    <script type="module" src="${assetUrl('product-images.js')}"></script>
  </section>`;
}

/** One product: its facts form, its pictures, and duplicating, archiving or restoring it. */
export function renderProductEditorPage(
  c: Context<AppEnv>,
  o: {
    product: Product;
    state: FormState;
    categories: Category[];
    upload?: FormState | undefined;
    imageForm?: { id: string; state: FormState } | undefined;
  },
) {
  const p = o.product;
  return html`<p><a href="/admin/products">\u2190 All products</a></p>
    <div class="page-heading-row">
      <h1>${p.name}</h1>
      <span class="badge badge-status-${p.status}">${STATUS_LABELS[p.status]}</span>
    </div>
    <p>${p.status === 'active' ? html`In the store at <a href="/products/${p.slug}">/products/${p.slug}</a>.` : p.status === 'draft' ? 'A draft: only staff see it.' : 'Archived: hidden from the store.'}</p>
    ${productErrorSummary(o.state.errors)}
    ${productForm(c, { action: `/admin/products/${p.id}`, state: o.state, categories: o.categories, submit: 'Save' })}
    ${imagesSection(c, p, o)}
    <section class="product-actions" aria-labelledby="actions-heading">
      <h2 id="actions-heading">Copy or archive</h2>
      <form method="post" action="/admin/products/${p.id}/duplicate" class="inline-form">
        ${csrfField(c)}<button type="submit" class="button-secondary">Duplicate as a draft</button>
      </form>
      ${
        p.status === 'archived'
          ? html`<form method="post" action="/admin/products/${p.id}/restore" class="inline-form">
              ${csrfField(c)}<button type="submit">Restore</button>
            </form>`
          : html`<form method="post" action="/admin/products/${p.id}/archive" class="inline-form">
              ${csrfField(c)}<button type="submit" class="danger">Archive</button>
            </form>`
      }
    </section>`;
}
