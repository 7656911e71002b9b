import type { Context } from 'hono';
import { Hono } from 'hono';
import { categoriesOf, collectDescendantIds } from '#src/catalog/category-queries.ts';
import { listProductsForEditor } from '#src/catalog/editor-queries.ts';
import {
  addProduct,
  archiveProduct,
  duplicateProduct,
  editProduct,
  type RecordProductChange,
  restoreProduct,
} from '#src/catalog/editor-service.ts';
import {
  addProductImage,
  removeProductImage,
  reorderProductImages,
  updateProductImage,
} from '#src/catalog/image-service.ts';
import { getProductById } from '#src/catalog/queries.ts';
import type { Product } from '#src/catalog/schema.ts';
import { AppError, type FieldErrors, notFound } from '#src/lib/errors.ts';
import { uuidSchema } from '#src/lib/ids.ts';
import { readImageUpload } from '#src/media/upload.ts';
import { recordAudit } from '#src/staff/audit.ts';
import { actorOf, requireStaff } from '#src/staff/current.ts';
import type { StaffUser } from '#src/staff/schema.ts';
import { renderAdminPage } from '#src/staff/views/admin-layout.ts';
import type { AppEnv } from '#src/web/context.ts';
import { type FormValues, readForm } from '#src/web/forms.ts';
import { parseQuery } from '#src/web/validation.ts';
import {
  formFieldOf,
  imageOrderFormSchema,
  imageOrderSchema,
  ingredientsText,
  productEditorQuerySchema,
  productFormSchema,
  warningsText,
} from './product-validators.ts';
import { ADMIN_PAGE_SIZE } from './validators.ts';
import type { FormState } from './views/categories-page.ts';
import { renderNewProductPage, renderProductEditorPage } from './views/product-editor-page.ts';
import { renderProductList } from './views/product-list-page.ts';

/** The catalogue editor: every product, its facts and pictures, publishing, copying and archiving. */
export const productPages = new Hono<AppEnv>();

const PERMISSION = 'catalog:manage';
type Status = 200 | 400 | 404 | 409 | 413 | 422;

const NOTICES: Record<string, string> = {
  added: 'Product added.',
  saved: 'Saved. The store shows the change from now on.',
  duplicated: 'This is a draft copy: change what differs, then publish it.',
  archived: 'Archived: the product is hidden from the store. Restore brings it back.',
  restored: 'Restored: the product is on sale again.',
  'restored-draft': 'Restored as a draft: it lacks facts a published product needs. Complete them, then publish it.',
  'image-added': 'Picture added.',
  'image-saved': 'Picture saved.',
  'image-removed': 'Picture removed.',
};

/** Records each change in the audit log, inside the transaction that makes it. */
export function productAuditFor(staff: StaffUser): RecordProductChange {
  return (tx, change) =>
    recordAudit(tx, {
      staff: actorOf(staff),
      action: change.action,
      entityType: 'product',
      entityId: change.productId,
      before: change.before,
      after: change.after,
    });
}

function idOf(c: Context<AppEnv>): string {
  const id = uuidSchema.safeParse(c.req.param('id'));
  if (!id.success) throw notFound('Product');
  return id.data;
}

/** What the form shows for a stored product. */
export function formValuesOf(p: Product): FormValues {
  const money = (cents: number | null) => (cents === null ? '' : (cents / 100).toFixed(2));
  return {
    name: p.name,
    slug: p.slug,
    sku: p.sku,
    brand: p.brand,
    categoryId: p.categoryId ?? '',
    summary: p.summary,
    description: p.description,
    price: money(p.priceCents),
    compareAt: money(p.compareAtCents),
    form: p.form,
    route: p.route,
    regulatoryStatus: p.regulatoryStatus,
    accessClass: p.accessClass,
    storage: p.storage,
    activeIngredients: ingredientsText(p.activeIngredients),
    sideEffects: p.sideEffects.join('\n'),
    warnings: warningsText(p.warnings),
    directions: p.directions,
    status: p.status,
    isFeatured: p.isFeatured ? 'on' : '',
  };
}

// Refusals the catalogue explains go back to the form under the field they concern; anything else is a bug.
function refusalOf(err: unknown): { status: Status; errors: FieldErrors } {
  if (!(err instanceof AppError) || !['VALIDATION', 'CONFLICT', 'NOT_FOUND', 'PAYLOAD_TOO_LARGE'].includes(err.code)) {
    throw err;
  }
  if (err.code === 'NOT_FOUND' && !err.fields) throw err;
  const errors: FieldErrors = { _: err.message };
  for (const [key, message] of Object.entries(err.fields ?? {})) {
    const field = formFieldOf(key);
    const text =
      message === 'is already taken'
        ? `Another product already uses this ${field === 'sku' ? 'SKU' : 'address'}.`
        : message;
    errors[field] ??= /^[A-Z]/.test(text) ? text : `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  }
  return { status: err.status as Status, errors };
}

async function showEditor(
  c: Context<AppEnv>,
  staff: StaffUser,
  id: string,
  o: { state?: FormState; upload?: FormState; imageForm?: { id: string; state: FormState }; status?: Status } = {},
) {
  const product = await getProductById(c.var.ctx.db, id);
  if (!product) throw notFound('Product');
  const status = o.status ?? 200;
  return renderAdminPage(c, {
    staff,
    title: `Product: ${product.name}`,
    section: 'products',
    status,
    notice: status === 200 ? NOTICES[c.req.query('done') ?? ''] : undefined,
    body: renderProductEditorPage(c, {
      product,
      state: o.state ?? { values: formValuesOf(product) },
      categories: await categoriesOf(c.var.ctx),
      upload: o.upload,
      imageForm: o.imageForm,
    }),
  });
}

async function showNew(c: Context<AppEnv>, staff: StaffUser, state: FormState, status: Status = 200) {
  return renderAdminPage(c, {
    staff,
    title: 'Add a product',
    section: 'products',
    status,
    body: renderNewProductPage(c, { state, categories: await categoriesOf(c.var.ctx) }),
  });
}

productPages.get('/', async (c) => {
  const staff = await requireStaff(c, PERMISSION);
  const query = parseQuery(c, productEditorQuerySchema);
  const all = await categoriesOf(c.var.ctx);
  const list = await listProductsForEditor(c.var.ctx.db, {
    q: query.q,
    categoryIds: query.category ? collectDescendantIds(all, query.category) : undefined,
    status: query.status,
    accessClass: query.access,
    regulatoryStatus: query.regulatory,
    stock: query.stock,
    sort: query.sort,
    page: query.page,
    limit: ADMIN_PAGE_SIZE,
  });
  return renderAdminPage(c, {
    staff,
    title: 'Products',
    section: 'products',
    notice: NOTICES[query.done ?? ''],
    body: renderProductList({ ...list, page: query.page, limit: ADMIN_PAGE_SIZE, filters: query, categories: all }),
  });
});

productPages.get('/new', async (c) => {
  const staff = await requireStaff(c, PERMISSION);
  // Nothing medical is chosen for the editor: each fact is a decision, never a default left standing.
  return showNew(c, staff, { values: { status: 'draft' } });
});

productPages.post('/', async (c) => {
  const staff = await requireStaff(c, PERMISSION);
  const form = await readForm(c, productFormSchema);
  if (!form.ok) return showNew(c, staff, { values: form.values, errors: form.errors }, 400);
  let product: Product;
  try {
    product = await addProduct(c.var.ctx, form.data, productAuditFor(staff));
  } catch (err) {
    const refusal = refusalOf(err);
    return showNew(c, staff, { values: form.values, errors: refusal.errors }, refusal.status);
  }
  return c.redirect(`/admin/products/${product.id}?done=added`, 303);
});

productPages.get('/:id', async (c) => {
  const staff = await requireStaff(c, PERMISSION);
  return showEditor(c, staff, idOf(c));
});

productPages.post('/:id', async (c) => {
  const staff = await requireStaff(c, PERMISSION);
  const id = idOf(c);
  const form = await readForm(c, productFormSchema);
  if (!form.ok) return showEditor(c, staff, id, { state: { values: form.values, errors: form.errors }, status: 400 });
  try {
    await editProduct(c.var.ctx, { id, changes: form.data }, productAuditFor(staff));
  } catch (err) {
    const refusal = refusalOf(err);
    return showEditor(c, staff, id, { state: { values: form.values, errors: refusal.errors }, status: refusal.status });
  }
  return c.redirect(`/admin/products/${id}?done=saved`, 303);
});

productPages.post('/:id/duplicate', async (c) => {
  const staff = await requireStaff(c, PERMISSION);
  const copy = await duplicateProduct(c.var.ctx, { id: idOf(c) }, productAuditFor(staff));
  return c.redirect(`/admin/products/${copy.id}?done=duplicated`, 303);
});

productPages.post('/:id/archive', async (c) => {
  const staff = await requireStaff(c, PERMISSION);
  const id = idOf(c);
  await archiveProduct(c.var.ctx, { id }, productAuditFor(staff));
  return c.redirect(`/admin/products/${id}?done=archived`, 303);
});

productPages.post('/:id/restore', async (c) => {
  const staff = await requireStaff(c, PERMISSION);
  const id = idOf(c);
  try {
    const product = await restoreProduct(c.var.ctx, { id }, productAuditFor(staff));
    return c.redirect(`/admin/products/${id}?done=${product.status === 'active' ? 'restored' : 'restored-draft'}`, 303);
  } catch (err) {
    const refusal = refusalOf(err);
    return showEditor(c, staff, id, { state: undefined, status: refusal.status });
  }
});

productPages.post('/:id/images', async (c) => {
  const staff = await requireStaff(c, PERMISSION);
  const id = idOf(c);
  const upload = await readImageUpload(c);
  try {
    await addProductImage(
      c.var.ctx,
      { productId: id, bytes: upload.bytes, alt: upload.values.alt ?? '' },
      productAuditFor(staff),
    );
  } catch (err) {
    const refusal = refusalOf(err);
    return showEditor(c, staff, id, {
      upload: { values: upload.values, errors: refusal.errors },
      status: refusal.status,
    });
  }
  return c.redirect(`/admin/products/${id}?done=image-added#images-heading`, 303);
});

// The drag-and-drop script sends the new order as ids separated by commas; it reloads the page afterwards.
productPages.post('/:id/images/order', async (c) => {
  const staff = await requireStaff(c, PERMISSION);
  const id = idOf(c);
  const form = await readForm(c, imageOrderSchema);
  if (!form.ok) throw new AppError('BAD_REQUEST', 'Send the pictures’ ids in their new order.');
  await reorderProductImages(c.var.ctx, { productId: id, order: form.data.order }, productAuditFor(staff));
  return c.redirect(`/admin/products/${id}?done=image-saved#images-heading`, 303);
});

productPages.post('/:id/images/:imageId', async (c) => {
  const staff = await requireStaff(c, PERMISSION);
  const id = idOf(c);
  const imageId = c.req.param('imageId');
  const form = await readForm(c, imageOrderFormSchema);
  if (!form.ok) return showEditor(c, staff, id, { imageForm: { id: imageId, state: form }, status: 400 });
  try {
    await updateProductImage(c.var.ctx, { productId: id, imageId, ...form.data }, productAuditFor(staff));
  } catch (err) {
    const refusal = refusalOf(err);
    return showEditor(c, staff, id, {
      imageForm: { id: imageId, state: { values: form.values, errors: refusal.errors } },
      status: refusal.status,
    });
  }
  return c.redirect(`/admin/products/${id}?done=image-saved#images-heading`, 303);
});

productPages.post('/:id/images/:imageId/delete', async (c) => {
  const staff = await requireStaff(c, PERMISSION);
  const id = idOf(c);
  await removeProductImage(c.var.ctx, { productId: id, imageId: c.req.param('imageId') }, productAuditFor(staff));
  return c.redirect(`/admin/products/${id}?done=image-removed#images-heading`, 303);
});
