import type { Context } from 'hono';
import { html, raw } from 'hono/html';
import type { Category } from '#src/catalog/schema.ts';
import type { FieldErrors } from '#src/lib/errors.ts';
import type { AppEnv } from '#src/web/context.ts';
import { csrfField, errorSummary, type FormValues, textField } from '#src/web/forms.ts';
import { MAX_CATEGORY_DESCRIPTION, MAX_CATEGORY_NAME } from '../category-validators.ts';

export type FormState = { values: FormValues; errors?: FieldErrors | undefined };

/** A category with what sits under it, in the order the store shows them. */
export type EditorNode = { category: Category; productCount: number; children: EditorNode[] };

/** Builds the tree from the flat list (already ordered); a category whose parent is gone shows at the top. */
export function buildEditorTree(all: Category[], productCounts: Map<string, number>): EditorNode[] {
  const ids = new Set(all.map((c) => c.id));
  const build = (parentId: string | null, seen: Set<string>): EditorNode[] =>
    all
      .filter((c) => (parentId === null ? !c.parentId || !ids.has(c.parentId) : c.parentId === parentId))
      .filter((c) => !seen.has(c.id))
      .map((c) => ({
        category: c,
        productCount: productCounts.get(c.id) ?? 0,
        children: build(c.id, new Set([...seen, c.id])),
      }));
  return build(null, new Set());
}

/** Every category as a choice of parent, indented by depth; `except` leaves out a branch (a category and its inside). */
function parentOptions(tree: EditorNode[], except: Set<string>, selected: string) {
  const options: unknown[] = [];
  const walk = (nodes: EditorNode[], depth: number) => {
    for (const n of nodes) {
      if (except.has(n.category.id)) continue;
      const indent = '\u2003'.repeat(depth);
      const isSelected = n.category.id === selected;
      options.push(
        html`<option value="${n.category.id}"${isSelected ? raw(' selected') : ''}>${indent}${n.category.name}</option>`,
      );
      walk(n.children, depth + 1);
    }
  };
  walk(tree, 0);
  return html`<option value=""${selected === '' ? raw(' selected') : ''}>None: a top-level category</option>${options}`;
}

function parentField(o: { tree: EditorNode[]; except: Set<string>; state: FormState; label: string }) {
  const error = o.state.errors?.parentId;
  return html`<div class="field${error ? ' has-error' : ''}">
    <label for="f-parentId">${o.label}</label>
    <select id="f-parentId" name="parentId"${error ? raw(' aria-invalid="true" aria-describedby="f-parentId-error"') : ''}>
      ${parentOptions(o.tree, o.except, o.state.values.parentId ?? '')}
    </select>
    ${error ? html`<p class="field-error" id="f-parentId-error">${error}</p>` : ''}
  </div>`;
}

function descriptionField(state: FormState) {
  const error = state.errors?.description;
  return html`<div class="field${error ? ' has-error' : ''}">
    <label for="f-description">Description <span class="optional">(optional)</span></label>
    <p class="hint" id="f-description-hint">A sentence or two shown at the top of the category's page.</p>
    <textarea id="f-description" name="description" rows="3" maxlength="${MAX_CATEGORY_DESCRIPTION}" aria-describedby="f-description-hint${error ? ' f-description-error' : ''}"${error ? raw(' aria-invalid="true"') : ''}>${state.values.description ?? ''}</textarea>
    ${error ? html`<p class="field-error" id="f-description-error">${error}</p>` : ''}
  </div>`;
}

function stepButton(c: Context<AppEnv>, n: EditorNode, direction: 'up' | 'down', isPossible: boolean) {
  const label = direction === 'up' ? 'Move up' : 'Move down';
  const arrow = direction === 'up' ? '\u2191' : '\u2193';
  if (!isPossible) {
    return html`<button type="button" class="button-secondary step-button" disabled aria-label="${label}: ${n.category.name}">${arrow}</button>`;
  }
  return html`<form method="post" action="/admin/categories/${n.category.id}/order" class="inline-form">
    ${csrfField(c)}<input type="hidden" name="direction" value="${direction}">
    <button type="submit" class="button-secondary step-button" aria-label="${label}: ${n.category.name}" title="${label}">${arrow}</button>
  </form>`;
}

function treeList(c: Context<AppEnv>, nodes: EditorNode[]): unknown {
  return html`<ol class="category-tree">
    ${nodes.map(
      (n, i) => html`<li>
        <div class="category-row">
          <div class="category-label">
            <a href="/admin/categories/${n.category.id}">${n.category.name}</a>
            <span class="category-meta">/categories/${n.category.slug} · ${n.productCount} ${n.productCount === 1 ? 'product' : 'products'}</span>
          </div>
          <div class="category-steps">
            ${stepButton(c, n, 'up', i > 0)}${stepButton(c, n, 'down', i < nodes.length - 1)}
          </div>
        </div>
        ${n.children.length > 0 ? treeList(c, n.children) : ''}
      </li>`,
    )}
  </ol>`;
}

/** The whole tree with its order buttons, and the form that adds a category. */
export function renderCategoriesPage(c: Context<AppEnv>, o: { tree: EditorNode[]; state: FormState }) {
  const f = (field: Omit<Parameters<typeof textField>[0], 'values' | 'errors'>) => textField({ ...field, ...o.state });
  return html`<h1>Categories</h1>
    <p>The tree shoppers browse in the store's navigation, in this order. Open a category to rename it, move it or
      delete it; the arrows move it among its neighbours.</p>
    ${
      // Without this the failure would sit below the whole tree, out of sight on a phone.
      o.state.errors
        ? html`<div class="notice notice-error" role="alert">
            <p>${o.state.errors._ ?? 'The category was not added.'} <a href="#new-category">Correct the form</a></p>
          </div>`
        : ''
    }
    ${o.tree.length > 0 ? treeList(c, o.tree) : html`<p>The store has no categories yet.</p>`}
    <section class="category-form-section" aria-labelledby="new-category">
      <h2 id="new-category">Add a category</h2>
      ${o.state.errors ? errorSummary({ ...o.state.errors, _: 'Please correct the highlighted fields.' }) : ''}
      <form method="post" action="/admin/categories" novalidate>
        ${csrfField(c)}
        ${f({ name: 'name', label: 'Name', required: true, maxlength: MAX_CATEGORY_NAME })}
        ${f({ name: 'slug', label: 'Address', maxlength: 120, hint: 'The end of its address, /categories/…: lowercase letters, digits and hyphens. Left empty, it is made from the name.' })}
        ${descriptionField(o.state)}
        ${parentField({ tree: o.tree, except: new Set(), state: o.state, label: 'Inside' })}
        <button type="submit">Add the category</button>
      </form>
    </section>`;
}

/** One category: its name and address, its place in the tree, and its deletion. */
export function renderCategoryPage(
  c: Context<AppEnv>,
  o: {
    category: Category;
    tree: EditorNode[];
    branch: Set<string>;
    productCount: number;
    childCount: number;
    rename: FormState;
    move: FormState;
    deletion?: string | undefined;
  },
) {
  const id = o.category.id;
  const rename = (field: Omit<Parameters<typeof textField>[0], 'values' | 'errors'>) =>
    textField({ ...field, ...o.rename });
  const isEmpty = o.productCount === 0 && o.childCount === 0;
  const refusal = o.deletion ?? o.move.errors?._;
  return html`<p><a href="/admin/categories">\u2190 All categories</a></p>
    <h1>${o.category.name}</h1>
    <p>Shown at <a href="/categories/${o.category.slug}">/categories/${o.category.slug}</a>; it holds
      ${o.productCount} ${o.productCount === 1 ? 'product' : 'products'} and ${o.childCount}
      ${o.childCount === 1 ? 'category' : 'categories'}.</p>
    ${
      // A refused move or deletion is explained at the top, where the re-rendered page opens.
      refusal ? html`<div class="notice notice-error" role="alert"><p>${refusal}</p></div>` : ''
    }
    <section class="category-form-section" aria-labelledby="rename-category">
      <h2 id="rename-category">Name and address</h2>
      ${errorSummary(o.rename.errors)}
      <form method="post" action="/admin/categories/${id}" novalidate>
        ${csrfField(c)}
        ${rename({ name: 'name', label: 'Name', required: true, maxlength: MAX_CATEGORY_NAME })}
        ${rename({ name: 'slug', label: 'Address', required: true, maxlength: 120, hint: 'The end of its address, /categories/…. After a change, the old address sends visitors and search engines to the new one.' })}
        ${descriptionField(o.rename)}
        <button type="submit">Save</button>
      </form>
    </section>
    <section class="category-form-section" aria-labelledby="move-category">
      <h2 id="move-category">Place in the tree</h2>
      <form method="post" action="/admin/categories/${id}/move" novalidate>
        ${csrfField(c)}
        ${parentField({ tree: o.tree, except: o.branch, state: o.move, label: 'Inside' })}
        <p class="hint">It moves with everything inside it and goes last among its new neighbours.</p>
        <button type="submit">Move</button>
      </form>
    </section>
    <section class="category-form-section danger-zone" aria-labelledby="delete-category">
      <h2 id="delete-category">Delete</h2>
      <p>${
        isEmpty
          ? 'The category is empty, so it can go. Its address stops working.'
          : 'Only an empty category can be deleted: move or delete its products and the categories inside it first.'
      }</p>
      <form method="post" action="/admin/categories/${id}/delete">
        ${csrfField(c)}
        <button type="submit" class="danger">Delete the category</button>
      </form>
    </section>`;
}
