import type { Context } from 'hono';
import { Hono } from 'hono';
import { findLot, findStockRules, storeToday } from '#src/inventory/queries.ts';
import type { StockWrite } from '#src/inventory/service.ts';
import { AppError, notFound } from '#src/lib/errors.ts';
import { uuidSchema } from '#src/lib/ids.ts';
import { requireStaff } from '#src/staff/current.ts';
import type { StaffUser } from '#src/staff/schema.ts';
import { renderAdminPage } from '#src/staff/views/admin-layout.ts';
import type { AppEnv } from '#src/web/context.ts';
import { readForm } from '#src/web/forms.ts';
import { parseQuery } from '#src/web/validation.ts';
import { adjustLotAs, receiveLotAs, saveStockRulesAs, setLotStateAs } from './inventory-actions.ts';
import { findInventoryRow, listInventoryPage, listLedgerLines } from './inventory-queries.ts';
import {
  adjustLotFormSchema,
  inventoryProductQuerySchema,
  inventoryQuerySchema,
  lotStateFormSchema,
  receiveLotFormSchema,
  stockRulesFormSchema,
} from './inventory-validators.ts';
import { ADMIN_PAGE_SIZE } from './validators.ts';
import type { FormState } from './views/categories-page.ts';
import { renderInventoryList } from './views/inventory-list-page.ts';
import { type LotFormState, renderInventoryProductPage } from './views/inventory-product-page.ts';

/** Stock in the admin area: every product's lots, receiving, adjusting and quarantining them, and stock rules. */
export const inventoryPages = new Hono<AppEnv>();

const PERMISSION = 'inventory:manage';
const LEDGER_PAGE_SIZE = 50;

const NOTICES: Record<string, string> = {
  received: 'Lot received. Its units are on sale from now on.',
  adjusted: 'Lot adjusted; the ledger records the change.',
  quarantined: 'Lot quarantined: nothing of it is sold until it is released.',
  released: 'Lot released: its units are on sale again.',
  rules: 'Stock rules saved.',
};

type Status = 200 | 400 | 409 | 422;

/** Runs a stock write and its audit entry in one transaction. */
function write<T>(c: Context<AppEnv>, work: (w: StockWrite) => Promise<T>): Promise<T> {
  const { db, cache } = c.var.ctx;
  return db.transaction((tx) => work({ tx, cache }));
}

function idOf(c: Context<AppEnv>, what: string): string {
  const id = uuidSchema.safeParse(c.req.param('id'));
  if (!id.success) throw notFound(what);
  return id.data;
}

// Refusals the inventory explains (a lot received already, more taken than on hand, a state it is in already)
// go back to the form; a lot or product gone meanwhile is a 404; anything else is a bug.
function refusalOf(err: unknown): { status: 409 | 422; errors: Record<string, string> } {
  if (!(err instanceof AppError) || !['VALIDATION', 'CONFLICT', 'NOT_FOUND'].includes(err.code)) throw err;
  if (err.code === 'NOT_FOUND') throw notFound('Lot');
  // The inventory words its field messages to follow the field's name ("must not take more than..."); a form
  // shows them as sentences of their own.
  const fields = Object.fromEntries(
    Object.entries(err.fields ?? {}).map(([k, v]) => [k, `${v.charAt(0).toUpperCase()}${v.slice(1)}.`]),
  );
  if (fields.lotNumber) fields.lotNumber = 'A lot with this number was received already: adjust that lot instead.';
  return { status: err.status as 409 | 422, errors: { _: err.message, ...fields } };
}

async function showProduct(
  c: Context<AppEnv>,
  staff: StaffUser,
  productId: string,
  o: { receive?: FormState; rules?: FormState; lotForm?: LotFormState; status?: Status } = {},
) {
  const { db } = c.var.ctx;
  const query = parseQuery(c, inventoryProductQuerySchema);
  const [row, rules, today] = await Promise.all([
    findInventoryRow(db, productId),
    findStockRules(db, productId),
    storeToday(db),
  ]);
  if (!row) throw notFound('Product');
  const ledger = await listLedgerLines(db, {
    productId,
    lots: row.lots,
    page: query.ledgerPage,
    limit: LEDGER_PAGE_SIZE,
  });
  const status = o.status ?? 200;
  return renderAdminPage(c, {
    staff,
    title: `Inventory: ${row.name}`,
    section: 'inventory',
    status,
    notice: status === 200 ? NOTICES[query.done ?? ''] : undefined,
    body: renderInventoryProductPage(c, {
      row,
      today,
      rules,
      ledger: { ...ledger, page: query.ledgerPage, limit: LEDGER_PAGE_SIZE },
      receive: o.receive ?? { values: {} },
      rulesForm: o.rules ?? {
        values: {
          minShelfLifeDays: String(rules.minShelfLifeDays),
          lowStockThreshold: String(rules.lowStockThreshold),
        },
      },
      lotForm: o.lotForm,
    }),
  });
}

inventoryPages.get('/', async (c) => {
  const staff = await requireStaff(c, PERMISSION);
  const query = parseQuery(c, inventoryQuerySchema);
  const { db } = c.var.ctx;
  const q = query.q || undefined;
  const [list, today] = await Promise.all([
    listInventoryPage(db, {
      q,
      expiringWithinDays: query.expiring,
      isRunningLow: query.stock === 'low',
      page: query.page,
      limit: ADMIN_PAGE_SIZE,
    }),
    storeToday(db),
  ]);
  return renderAdminPage(c, {
    staff,
    title: 'Inventory',
    section: 'inventory',
    body: renderInventoryList({
      ...list,
      page: query.page,
      limit: ADMIN_PAGE_SIZE,
      q,
      expiring: query.expiring,
      stock: query.stock,
      today,
    }),
  });
});

// The audit log links to lots; a lot is shown on its product's page.
inventoryPages.get('/lots/:id', async (c) => {
  await requireStaff(c, PERMISSION);
  const lot = await findLot(c.var.ctx.db, idOf(c, 'Lot'));
  if (!lot) throw notFound('Lot');
  return c.redirect(`/admin/inventory/${lot.productId}#lot-${lot.id}`, 303);
});

inventoryPages.get('/:id', async (c) => {
  const staff = await requireStaff(c, PERMISSION);
  return showProduct(c, staff, idOf(c, 'Product'));
});

inventoryPages.post('/:id/lots', async (c) => {
  const staff = await requireStaff(c, PERMISSION);
  const productId = idOf(c, 'Product');
  const form = await readForm(c, receiveLotFormSchema);
  if (!form.ok) return showProduct(c, staff, productId, { receive: form, status: 400 });
  if (!(await findInventoryRow(c.var.ctx.db, productId))) throw notFound('Product');
  try {
    await write(c, (w) => receiveLotAs(w, staff, { productId, ...form.data }));
  } catch (err) {
    const refusal = refusalOf(err);
    return showProduct(c, staff, productId, {
      receive: { values: form.values, errors: refusal.errors },
      status: refusal.status,
    });
  }
  return c.redirect(`/admin/inventory/${productId}?done=received`, 303);
});

inventoryPages.post('/:id/rules', async (c) => {
  const staff = await requireStaff(c, PERMISSION);
  const productId = idOf(c, 'Product');
  const form = await readForm(c, stockRulesFormSchema);
  if (!form.ok) return showProduct(c, staff, productId, { rules: form, status: 400 });
  if (!(await findInventoryRow(c.var.ctx.db, productId))) throw notFound('Product');
  await write(c, (w) => saveStockRulesAs(w, staff, { productId, ...form.data }));
  return c.redirect(`/admin/inventory/${productId}?done=rules`, 303);
});

// Each lot form re-renders its product's page with that lot's form open, holding the errors and what was typed.
type Refused = { state: FormState; status: Status };

async function lotAction(
  c: Context<AppEnv>,
  form: LotFormState['form'],
  act: (staff: StaffUser, lotId: string) => Promise<Refused | undefined>,
  done: string,
) {
  const staff = await requireStaff(c, PERMISSION);
  const lot = await findLot(c.var.ctx.db, idOf(c, 'Lot'));
  if (!lot) throw notFound('Lot');
  const refused = await act(staff, lot.id);
  if (refused) {
    return showProduct(c, staff, lot.productId, {
      lotForm: { lotId: lot.id, form, state: refused.state },
      status: refused.status,
    });
  }
  return c.redirect(`/admin/inventory/${lot.productId}?done=${done}#lot-${lot.id}`, 303);
}

async function refusedBy(values: Record<string, string>, write: () => Promise<unknown>): Promise<Refused | undefined> {
  try {
    await write();
    return undefined;
  } catch (err) {
    const refusal = refusalOf(err);
    return { state: { values, errors: refusal.errors }, status: refusal.status };
  }
}

inventoryPages.post('/lots/:id/adjust', (c) =>
  lotAction(
    c,
    'adjust',
    async (staff, lotId) => {
      const form = await readForm(c, adjustLotFormSchema);
      if (!form.ok) return { state: form, status: 400 };
      return refusedBy(form.values, () => write(c, (w) => adjustLotAs(w, staff, { lotId, ...form.data })));
    },
    'adjusted',
  ),
);

for (const [path, state, done] of [
  ['quarantine', 'quarantined', 'quarantined'],
  ['release', 'sellable', 'released'],
] as const) {
  inventoryPages.post(`/lots/:id/${path}`, (c) =>
    lotAction(
      c,
      'state',
      async (staff, lotId) => {
        const form = await readForm(c, lotStateFormSchema);
        if (!form.ok) return { state: form, status: 400 };
        return refusedBy(form.values, () =>
          write(c, (w) => setLotStateAs(w, staff, { lotId, state, reason: form.data.reason })),
        );
      },
      done,
    ),
  );
}
