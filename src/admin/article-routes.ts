import type { Context } from 'hono';
import { Hono } from 'hono';
import { html } from 'hono/html';
import {
  complianceReport,
  findArticleById,
  findRevision,
  listArticlesForAdmin,
  listRevisions,
} from '#src/content/admin-queries.ts';
import { PublishingBlocked } from '#src/content/admin-service.ts';
import {
  acknowledgeSchema,
  articleFormSchema,
  articleListQuery,
  CATEGORY_BOX,
  revisionsQuery,
} from '#src/content/admin-validators.ts';
import { listArticleCategories, listCategoriesOfArticle } from '#src/content/queries.ts';
import { renderArticleBody } from '#src/content/render-article.ts';
import type { Article } from '#src/content/schema.ts';
import { AppError, type FieldErrors, notFound } from '#src/lib/errors.ts';
import { uuidSchema } from '#src/lib/ids.ts';
import { requireStaff } from '#src/staff/current.ts';
import type { StaffUser } from '#src/staff/schema.ts';
import { renderAdminPage } from '#src/staff/views/admin-layout.ts';
import { settingsOf } from '#src/store/settings.ts';
import type { AppEnv } from '#src/web/context.ts';
import { type FormValues, readForm } from '#src/web/forms.ts';
import { parseQuery } from '#src/web/validation.ts';
import { acknowledgeFindingAs, publishArticleAs, restoreRevisionAs, saveArticleAs } from './article-actions.ts';
import { ADMIN_PAGE_SIZE } from './validators.ts';
import { type EditorPage, renderArticleEditor, renderPreviewPane, valuesOf } from './views/article-editor-page.ts';
import { renderArticleList } from './views/article-list-page.ts';
import type { AckFormState } from './views/article-report.ts';
import { renderRevisionsPage } from './views/article-revisions-page.ts';

/** Articles in the admin area: the list, the editor with its preview and compliance report, and revisions. */
export const articlePages = new Hono<AppEnv>();

const PERMISSION = 'content:manage';

const NOTICES: Record<string, string> = {
  created: 'Article created.',
  saved: 'Article saved.',
  published: 'Article published.',
  acknowledged: 'Finding acknowledged; the audit log keeps the reason.',
  restored: 'Revision restored as the newest revision.',
  'cover-saved': 'Cover picture saved.',
  'cover-removed': 'Cover picture removed.',
};

/** The article the address names; 404 for any other id. */
export async function articleOf(c: Context<AppEnv>): Promise<Article> {
  const id = uuidSchema.safeParse(c.req.param('id'));
  const article = id.success ? await findArticleById(c.var.ctx.db, id.data) : undefined;
  if (!article) throw notFound('Article');
  return article;
}

type TypedText = { title: string; excerpt: string; body: string };

function textOf(values: FormValues): TypedText {
  return {
    title: values.title ?? '',
    excerpt: values.excerpt ?? '',
    body: (values.body ?? '').replace(/\r\n?/g, '\n'),
  };
}

async function editorState(
  c: Context<AppEnv>,
  article: Article | undefined,
  values: FormValues,
  o: {
    errors?: FieldErrors | undefined;
    isUnsaved: boolean;
    ackForm?: AckFormState;
    uploaded?: EditorPage['uploaded'];
  },
): Promise<EditorPage> {
  const text = textOf(values);
  const [rendered, report, categories] = await Promise.all([
    settingsOf(c.var.ctx).then((store) => renderArticleBody(c.var.ctx.db, text.body, { store, isPreview: true })),
    complianceReport(c.var.ctx.db, text, article?.id),
    listArticleCategories(c.var.ctx.db),
  ]);
  return {
    article,
    values,
    errors: o.errors,
    previewHtml: rendered.html,
    report,
    isUnsaved: o.isUnsaved,
    ackForm: o.ackForm,
    categories,
    uploaded: o.uploaded,
  };
}

// The form's values of a saved article: its fields, and a ticked box for each category it is filed under.
export async function savedValuesOf(c: Context<AppEnv>, article: Article): Promise<FormValues> {
  const filed = await listCategoriesOfArticle(c.var.ctx.db, article.id);
  return { ...valuesOf(article), ...Object.fromEntries(filed.map((cat) => [`${CATEGORY_BOX}${cat.slug}`, 'on'])) };
}

/**
 * The editor, with the saved article or with what the author typed (`values`): a failed save, a preview, or a
 * picture uploaded from the form, which keeps the text typed around it.
 */
export async function showEditor(
  c: Context<AppEnv>,
  staff: StaffUser,
  article: Article | undefined,
  o: {
    values?: FormValues;
    errors?: FieldErrors;
    status?: 200 | 400 | 409 | 413 | 422;
    ackForm?: AckFormState;
    notice?: string;
    uploaded?: EditorPage['uploaded'];
  } = {},
) {
  const values = o.values ?? (article ? await savedValuesOf(c, article) : { status: 'draft' });
  const page = await editorState(c, article, values, {
    errors: o.errors,
    isUnsaved: o.values !== undefined,
    ...(o.ackForm ? { ackForm: o.ackForm } : {}),
    uploaded: o.uploaded,
  });
  const status = o.status ?? 200;
  return renderAdminPage(c, {
    staff,
    title: article ? `Edit: ${article.title}` : 'Write an article',
    section: 'articles',
    status,
    notice: o.notice ?? (status === 200 && !o.values ? NOTICES[c.req.query('done') ?? ''] : undefined),
    body: renderArticleEditor(c, page),
  });
}

// A refusal the author can act on goes back to the form with what they typed; anything else is a bug.
function refusalOf(err: unknown): { status: 409 | 422; errors: FieldErrors } {
  if (err instanceof PublishingBlocked) return { status: 422, errors: { _: err.message } };
  if (!(err instanceof AppError) || !['VALIDATION', 'CONFLICT'].includes(err.code)) throw err;
  const fields = Object.fromEntries(
    Object.entries(err.fields ?? {}).map(([k, v]) => [
      k,
      `${v.charAt(0).toUpperCase()}${v.slice(1)}${/[.!?]$/.test(v) ? '' : '.'}`,
    ]),
  );
  return { status: err.status as 409 | 422, errors: { _: err.message, ...fields } };
}

async function saveFromForm(c: Context<AppEnv>, article: Article | undefined) {
  const staff = await requireStaff(c, PERMISSION);
  const form = await readForm(c, articleFormSchema);
  if (!form.ok) return showEditor(c, staff, article, { values: form.values, errors: form.errors, status: 400 });
  if (form.values.intent === 'preview') return showEditor(c, staff, article, { values: form.values });
  try {
    const saved = await saveArticleAs(c.var.ctx, staff, { ...(article ? { id: article.id } : {}), changes: form.data });
    return c.redirect(`/admin/articles/${saved.after.id}?done=${article ? 'saved' : 'created'}`, 303);
  } catch (err) {
    const refusal = refusalOf(err);
    return showEditor(c, staff, article, { values: form.values, errors: refusal.errors, status: refusal.status });
  }
}

articlePages.get('/', async (c) => {
  const staff = await requireStaff(c, PERMISSION);
  const query = parseQuery(c, articleListQuery);
  const list = await listArticlesForAdmin(c.var.ctx.db, {
    q: query.q,
    status: query.status,
    page: query.page,
    limit: ADMIN_PAGE_SIZE,
  });
  return renderAdminPage(c, {
    staff,
    title: 'Articles',
    section: 'articles',
    body: renderArticleList({ ...list, page: query.page, limit: ADMIN_PAGE_SIZE, q: query.q, status: query.status }),
  });
});

articlePages.get('/new', async (c) => showEditor(c, await requireStaff(c, PERMISSION), undefined));

articlePages.post('/', (c) => saveFromForm(c, undefined));

// The editor's script posts the form here as the author types, and swaps in the preview pane it answers.
articlePages.post('/preview', async (c) => {
  await requireStaff(c, PERMISSION);
  const id = uuidSchema.safeParse(c.req.query('id'));
  const article = id.success ? await findArticleById(c.var.ctx.db, id.data) : undefined;
  if (id.success && !article) throw notFound('Article');
  const form = await readForm(c, articleFormSchema);
  const page = await editorState(c, article, form.values, { isUnsaved: true });
  c.header('Cache-Control', 'no-store');
  return c.html(html`${renderPreviewPane(c, page)}`);
});

articlePages.get('/:id', async (c) => {
  const staff = await requireStaff(c, PERMISSION);
  return showEditor(c, staff, await articleOf(c));
});

articlePages.post('/:id', async (c) => {
  await requireStaff(c, PERMISSION);
  return saveFromForm(c, await articleOf(c));
});

articlePages.post('/:id/publish', async (c) => {
  const staff = await requireStaff(c, PERMISSION);
  const article = await articleOf(c);
  try {
    await publishArticleAs(c.var.ctx, staff, article.id);
  } catch (err) {
    const refusal = refusalOf(err);
    return showEditor(c, staff, article, { errors: refusal.errors, status: refusal.status });
  }
  return c.redirect(`/admin/articles/${article.id}?done=published`, 303);
});

articlePages.post('/:id/findings/:findingId/acknowledge', async (c) => {
  const staff = await requireStaff(c, PERMISSION);
  const article = await articleOf(c);
  const findingId = c.req.param('findingId');
  const form = await readForm(c, acknowledgeSchema);
  if (!form.ok) {
    return showEditor(c, staff, article, {
      errors: { _: 'Give a reason for acknowledging the finding.' },
      status: 400,
      ackForm: { findingId, reason: form.values.reason ?? '', errors: form.errors },
    });
  }
  try {
    await acknowledgeFindingAs(c.var.ctx, staff, { id: article.id, findingId, reason: form.data.reason });
  } catch (err) {
    if (err instanceof AppError && err.code === 'NOT_FOUND') throw notFound('Finding');
    const refusal = refusalOf(err);
    return showEditor(c, staff, article, { errors: refusal.errors, status: refusal.status });
  }
  return c.redirect(`/admin/articles/${article.id}?done=acknowledged#compliance-report`, 303);
});

articlePages.get('/:id/revisions', async (c) => {
  const staff = await requireStaff(c, PERMISSION);
  const article = await articleOf(c);
  const query = parseQuery(c, revisionsQuery);
  const revisions = await listRevisions(c.var.ctx.db, article.id);
  const pick = (n: number | undefined, fallback: number) =>
    revisions.find((r) => r.number === n) ?? revisions.find((r) => r.number === fallback);
  const newest = revisions[0]?.number ?? 0;
  return renderAdminPage(c, {
    staff,
    title: `Revisions: ${article.title}`,
    section: 'articles',
    notice: NOTICES[c.req.query('done') ?? ''],
    body: renderRevisionsPage(c, {
      article,
      revisions,
      from: revisions.length > 1 ? pick(query.from, newest - 1) : undefined,
      to: revisions.length > 1 ? pick(query.to, newest) : undefined,
    }),
  });
});

articlePages.post('/:id/revisions/:number/restore', async (c) => {
  const staff = await requireStaff(c, PERMISSION);
  const article = await articleOf(c);
  const number = Number(c.req.param('number'));
  if (!Number.isInteger(number) || number < 1 || !(await findRevision(c.var.ctx.db, article.id, number))) {
    throw notFound('Revision');
  }
  try {
    await restoreRevisionAs(c.var.ctx, staff, { id: article.id, number });
  } catch (err) {
    const refusal = refusalOf(err);
    return showEditor(c, staff, article, { errors: refusal.errors, status: refusal.status });
  }
  return c.redirect(`/admin/articles/${article.id}/revisions?done=restored`, 303);
});
