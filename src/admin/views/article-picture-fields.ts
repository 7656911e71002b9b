import { html, raw } from 'hono/html';
import type { Article } from '#src/content/schema.ts';
import type { FieldErrors } from '#src/lib/errors.ts';
import { pictureOf, type UploadedImage } from '#src/media/image-files.ts';
import { renderPicture } from '#src/media/views/picture.ts';
import type { FormValues } from '#src/web/forms.ts';

const ACCEPT = 'image/jpeg,image/png,image/webp';
const TYPES_HINT = 'JPEG, PNG or WebP, up to 10 MB; it is resized for phones and wide screens.';

/** A picture just uploaded for the text, with the Markdown that places it. */
export type UploadedPicture = { markdown: string; alt: string; upload: UploadedImage };

function fileField(o: { name: string; label: string; errors: FieldErrors | undefined; hint?: string }) {
  const id = `f-${o.name}`;
  const error = o.errors?.[o.name];
  return html`<div class="field${error ? ' has-error' : ''}">
    <label for="${id}">${o.label}</label>
    <p class="hint" id="${id}-hint">${TYPES_HINT}${o.hint ? ` ${o.hint}` : ''}</p>
    <input id="${id}" name="${o.name}" type="file" accept="${ACCEPT}" aria-describedby="${id}-hint${error ? ` ${id}-error` : ''}"${error ? raw(' aria-invalid="true"') : ''}>
    ${error ? html`<p class="field-error" id="${id}-error">${error}</p>` : ''}
  </div>`;
}

function altField(o: { name: string; values: FormValues; errors: FieldErrors | undefined; hint: string }) {
  const id = `f-${o.name}`;
  const error = o.errors?.[o.name];
  return html`<div class="field${error ? ' has-error' : ''}">
    <label for="${id}">Alt text</label>
    <p class="hint" id="${id}-hint">${o.hint}</p>
    <input id="${id}" name="${o.name}" type="text" maxlength="300" value="${o.values[o.name] ?? ''}" aria-describedby="${id}-hint${error ? ` ${id}-error` : ''}"${error ? raw(' aria-invalid="true"') : ''}>
    ${error ? html`<p class="field-error" id="${id}-error">${error}</p>` : ''}
  </div>`;
}

/**
 * The cover picture: the current one, and fields to upload, replace or remove it. Its buttons post the whole
 * editor form elsewhere (formaction), so the text typed so far comes back with the answer.
 */
export function renderCoverFields(o: { article: Article | undefined; values: FormValues; errors?: FieldErrors }) {
  const a = o.article;
  if (!a) {
    return html`<fieldset class="picture-fields" id="cover-fields">
      <legend id="cover-heading">Cover picture</legend>
      <p class="hint">Create the article first; then you can give it a cover and pictures in the text.</p>
    </fieldset>`;
  }
  const cover = a.coverImage;
  const values = { ...o.values, coverAlt: o.values.coverAlt ?? cover?.alt ?? '' };
  return html`<fieldset class="picture-fields" id="cover-fields">
    <legend id="cover-heading">Cover picture</legend>
    ${
      cover
        ? html`<figure class="cover-current">
          ${renderPicture(cover, { sizes: '10rem', width: 160, height: 120 })}
          <figcaption>${cover.alt}</figcaption>
        </figure>`
        : html`<p class="hint">No cover yet: the blog shows the article without a picture.</p>`
    }
    ${fileField({
      name: 'coverFile',
      label: cover ? 'Replace with' : 'Picture',
      errors: o.errors,
      ...(cover ? { hint: 'Leave it empty to keep this picture and change only its alt text.' } : {}),
    })}
    ${altField({ name: 'coverAlt', values, errors: o.errors, hint: 'What the picture shows, for people who cannot see it.' })}
    <div class="form-actions">
      <button type="submit" class="button-secondary" formaction="/admin/articles/${a.id}/cover" formenctype="multipart/form-data" formnovalidate>${cover ? 'Change cover' : 'Upload cover'}</button>
      ${
        cover
          ? html`<button type="submit" class="button-secondary" formaction="/admin/articles/${a.id}/cover/remove" formnovalidate>Remove cover</button>`
          : ''
      }
    </div>
  </fieldset>`;
}

/**
 * A picture for the text: uploaded, it answers the Markdown line that places it. With the editor's script the
 * line goes in at the cursor; without it the page comes back with the line to copy and the text as typed.
 */
export function renderBodyPictureFields(o: {
  article: Article | undefined;
  values: FormValues;
  errors?: FieldErrors;
  uploaded?: UploadedPicture | undefined;
}) {
  const a = o.article;
  if (!a) return '';
  const up = o.uploaded;
  return html`<fieldset class="picture-fields" id="body-picture-fields" data-upload="/admin/articles/${a.id}/images">
    <legend>Add a picture to the text</legend>
    ${
      up
        ? html`<div class="uploaded-picture" role="status">
          ${renderPicture(pictureOf(up.upload, up.alt), { sizes: '10rem', width: 160, height: 120 })}
          <div class="field">
            <label for="f-uploaded-markdown">Copy this line into the text where the picture goes</label>
            <textarea id="f-uploaded-markdown" rows="3" readonly>${up.markdown}</textarea>
          </div>
        </div>`
        : ''
    }
    ${fileField({ name: 'imageFile', label: 'Picture', errors: o.errors })}
    ${altField({ name: 'imageAlt', values: o.values, errors: o.errors, hint: 'Required: what the picture shows.' })}
    <div class="form-actions">
      <button type="submit" class="button-secondary" id="upload-body-picture" formaction="/admin/articles/${a.id}/images" formenctype="multipart/form-data" formnovalidate>Upload picture</button>
    </div>
    <p class="upload-status" id="body-picture-status" role="status" aria-live="polite"></p>
  </fieldset>`;
}
