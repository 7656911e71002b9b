import type { Context } from 'hono';
import { Hono } from 'hono';
import { collectDescendantIds, countProductsPerCategory, listCategories } from '#src/catalog/category-queries.ts';
import {
  addCategory,
  deleteCategory,
  moveCategory,
  moveCategoryStep,
  type RecordCategoryChange,
  renameCategory,
} from '#src/catalog/category-service.ts';
import type { Category } from '#src/catalog/schema.ts';
import { AppError, notFound } from '#src/lib/errors.ts';
import { uuidSchema } from '#src/lib/ids.ts';
import { recordAudit } from '#src/staff/audit.ts';
import { actorOf, requireStaff } from '#src/staff/current.ts';
import type { StaffUser } from '#src/staff/schema.ts';
import { renderAdminPage } from '#src/staff/views/admin-layout.ts';
import type { AppEnv } from '#src/web/context.ts';
import { type FormValues, readForm } from '#src/web/forms.ts';
import {
  moveCategoryFormSchema,
  newCategoryFormSchema,
  renameCategoryFormSchema,
  stepCategoryFormSchema,
} from './category-validators.ts';
import { buildEditorTree, type FormState, renderCategoriesPage, renderCategoryPage } from './views/categories-page.ts';

/** The category tree editor: add, rename, move, order and delete the categories shoppers browse. */
export const categoryPages = new Hono<AppEnv>();

const NOTICES: Record<string, string> = {
  added: 'Category added. The store shows it from now on.',
  ordered: 'Order saved. The store shows the new order from now on.',
  deleted: 'Category deleted.',
  saved: 'Saved. The store shows the change from now on.',
  moved: 'Moved. The store shows it in its new place from now on.',
};

function auditFor(staff: StaffUser): RecordCategoryChange {
  return (tx, change) =>
    recordAudit(tx, {
      staff: actorOf(staff),
      action: change.action,
      entityType: 'category',
      entityId: change.categoryId,
      before: change.before,
      after: change.after,
    });
}

async function loadTree(c: Context<AppEnv>) {
  const { db } = c.var.ctx;
  const [all, counts] = await Promise.all([listCategories(db), countProductsPerCategory(db)]);
  return { all, counts, tree: buildEditorTree(all, counts) };
}

function categoryIdOf(c: Context<AppEnv>): string {
  const id = uuidSchema.safeParse(c.req.param('id'));
  if (!id.success) throw notFound('Category');
  return id.data;
}

// Refusals the catalogue explains (a taken address, a loop in the tree) go back to the form; anything else is a bug.
function refusalOf(err: unknown): { status: 409 | 422; errors: Record<string, string> } {
  if (!(err instanceof AppError) || !['VALIDATION', 'CONFLICT', 'NOT_FOUND'].includes(err.code)) throw err;
  if (err.code === 'NOT_FOUND') throw notFound('Category');
  const fields = { ...err.fields };
  if (fields.slug === 'is already taken') fields.slug = 'Another category already uses this address.';
  return { status: err.status as 409 | 422, errors: { _: err.message, ...fields } };
}

async function showTree(c: Context<AppEnv>, staff: StaffUser, state: FormState, status: 200 | 400 | 409 | 422 = 200) {
  const { tree } = await loadTree(c);
  return renderAdminPage(c, {
    staff,
    title: 'Categories',
    section: 'categories',
    status,
    notice: status === 200 ? NOTICES[c.req.query('done') ?? ''] : undefined,
    body: renderCategoriesPage(c, { tree, state }),
  });
}

async function showCategory(
  c: Context<AppEnv>,
  staff: StaffUser,
  id: string,
  o: { rename?: FormState; move?: FormState; deletion?: string; status?: 200 | 400 | 409 | 422 } = {},
) {
  const { all, counts, tree } = await loadTree(c);
  const category = all.find((x) => x.id === id);
  if (!category) throw notFound('Category');
  const status = o.status ?? 200;
  return renderAdminPage(c, {
    staff,
    title: `Category: ${category.name}`,
    section: 'categories',
    status,
    notice: status === 200 ? NOTICES[c.req.query('done') ?? ''] : undefined,
    body: renderCategoryPage(c, {
      category,
      tree,
      branch: new Set(collectDescendantIds(all, id)),
      productCount: counts.get(id) ?? 0,
      childCount: all.filter((x) => x.parentId === id).length,
      rename: o.rename ?? { values: renameValuesOf(category) },
      move: o.move ?? { values: { parentId: category.parentId ?? '' } },
      deletion: o.deletion,
    }),
  });
}

function renameValuesOf(category: Category): FormValues {
  return { name: category.name, slug: category.slug, description: category.description };
}

categoryPages.get('/', async (c) => {
  const staff = await requireStaff(c, 'catalog:manage');
  return showTree(c, staff, { values: { parentId: c.req.query('parent') ?? '' } });
});

categoryPages.post('/', async (c) => {
  const staff = await requireStaff(c, 'catalog:manage');
  const form = await readForm(c, newCategoryFormSchema);
  if (!form.ok) return showTree(c, staff, form, 400);
  try {
    await addCategory(c.var.ctx, form.data, auditFor(staff));
  } catch (err) {
    const refusal = refusalOf(err);
    return showTree(c, staff, { values: form.values, errors: refusal.errors }, refusal.status);
  }
  return c.redirect('/admin/categories?done=added', 303);
});

categoryPages.get('/:id', async (c) => {
  const staff = await requireStaff(c, 'catalog:manage');
  return showCategory(c, staff, categoryIdOf(c));
});

categoryPages.post('/:id', async (c) => {
  const staff = await requireStaff(c, 'catalog:manage');
  const id = categoryIdOf(c);
  const form = await readForm(c, renameCategoryFormSchema);
  if (!form.ok) return showCategory(c, staff, id, { rename: form, status: 400 });
  try {
    await renameCategory(c.var.ctx, { id, ...form.data }, auditFor(staff));
  } catch (err) {
    const refusal = refusalOf(err);
    return showCategory(c, staff, id, {
      rename: { values: form.values, errors: refusal.errors },
      status: refusal.status,
    });
  }
  return c.redirect(`/admin/categories/${id}?done=saved`, 303);
});

categoryPages.post('/:id/move', async (c) => {
  const staff = await requireStaff(c, 'catalog:manage');
  const id = categoryIdOf(c);
  const form = await readForm(c, moveCategoryFormSchema);
  if (!form.ok) return showCategory(c, staff, id, { move: form, status: 400 });
  try {
    await moveCategory(c.var.ctx, { id, parentId: form.data.parentId }, auditFor(staff));
  } catch (err) {
    const refusal = refusalOf(err);
    return showCategory(c, staff, id, {
      move: { values: form.values, errors: refusal.errors },
      status: refusal.status,
    });
  }
  return c.redirect(`/admin/categories/${id}?done=moved`, 303);
});

categoryPages.post('/:id/order', async (c) => {
  const staff = await requireStaff(c, 'catalog:manage');
  const id = categoryIdOf(c);
  const form = await readForm(c, stepCategoryFormSchema);
  if (!form.ok)
    return showTree(c, staff, { values: {}, errors: { _: 'Choose to move the category up or down.' } }, 400);
  // A category gone meanwhile answers 404 through the error page; there is nothing else to refuse.
  await moveCategoryStep(c.var.ctx, { id, direction: form.data.direction }, auditFor(staff));
  return c.redirect('/admin/categories?done=ordered', 303);
});

categoryPages.post('/:id/delete', async (c) => {
  const staff = await requireStaff(c, 'catalog:manage');
  const id = categoryIdOf(c);
  try {
    await deleteCategory(c.var.ctx, { id }, auditFor(staff));
  } catch (err) {
    const refusal = refusalOf(err);
    return showCategory(c, staff, id, { deletion: refusal.errors._, status: refusal.status });
  }
  return c.redirect('/admin/categories?done=deleted', 303);
});
