import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '#src/web/context.ts';
import { readForm } from '#src/web/forms.ts';
import { requireCustomer } from '../sessions/current.ts';
import { renderAccountPage } from '../shared/account-page.ts';
import { attempt, invalid } from '../shared/form-outcome.ts';
import { addressFormSchema } from '../validators.ts';
import {
  createAddress,
  deleteAddress,
  findAddress,
  listAddresses,
  setDefaultAddress,
  updateAddress,
} from './address-book.ts';
import { addressFormBody, addressListBody, addressValues } from './address-pages.ts';

/** The address book: list, add, edit, delete, and the default shipping and billing addresses. */
export const addressPages = new Hono<AppEnv>();

const defaultKindSchema = z.strictObject({
  kind: z.enum(['shipping', 'billing'], { error: 'Choose shipping or billing.' }),
});

addressPages.get('/addresses', async (c) => {
  const customer = await requireCustomer(c);
  const addresses = await listAddresses(c.var.ctx.db, customer.id);
  return renderAccountPage(c, {
    title: 'Addresses',
    section: 'addresses',
    body: addressListBody(c, { addresses, notice: c.req.query('done') }),
  });
});

addressPages.get('/addresses/new', async (c) => {
  await requireCustomer(c);
  return renderAccountPage(c, {
    title: 'Add an address',
    section: 'addresses',
    body: addressFormBody(c, { action: '/account/addresses', heading: 'Add an address' }),
  });
});

addressPages.post('/addresses', async (c) => {
  const customer = await requireCustomer(c);
  const form = await readForm(c, addressFormSchema);
  const done = form.ok
    ? await attempt(c, () => createAddress(c.var.ctx.db, customer.id, form.data))
    : invalid(form.errors);
  if (!done.ok) {
    return renderAccountPage(c, {
      title: 'Add an address',
      section: 'addresses',
      status: done.status,
      body: addressFormBody(c, {
        action: '/account/addresses',
        heading: 'Add an address',
        values: form.values,
        errors: done.errors,
      }),
    });
  }
  return c.redirect('/account/addresses?done=added', 303);
});

// Another customer's address is "not found" (findAddress), answered by onError's 404 page.
addressPages.get('/addresses/:id/edit', async (c) => {
  const customer = await requireCustomer(c);
  const address = await findAddress(c.var.ctx.db, customer.id, c.req.param('id'));
  return renderAccountPage(c, {
    title: 'Edit an address',
    section: 'addresses',
    body: addressFormBody(c, {
      action: `/account/addresses/${address.id}`,
      heading: 'Edit an address',
      values: addressValues(address),
      address,
    }),
  });
});

addressPages.post('/addresses/:id', async (c) => {
  const customer = await requireCustomer(c);
  const address = await findAddress(c.var.ctx.db, customer.id, c.req.param('id'));
  const form = await readForm(c, addressFormSchema);
  // An unticked box leaves a default as it is: a default moves only when another address takes it.
  const done = form.ok
    ? await attempt(c, () =>
        updateAddress(c.var.ctx.db, customer.id, address.id, {
          ...form.data,
          isDefaultShipping: form.data.isDefaultShipping || undefined,
          isDefaultBilling: form.data.isDefaultBilling || undefined,
        }),
      )
    : invalid(form.errors);
  if (!done.ok) {
    return renderAccountPage(c, {
      title: 'Edit an address',
      section: 'addresses',
      status: done.status,
      body: addressFormBody(c, {
        action: `/account/addresses/${address.id}`,
        heading: 'Edit an address',
        values: form.values,
        errors: done.errors,
        address,
      }),
    });
  }
  return c.redirect('/account/addresses?done=saved', 303);
});

addressPages.post('/addresses/:id/delete', async (c) => {
  const customer = await requireCustomer(c);
  await deleteAddress(c.var.ctx.db, customer.id, c.req.param('id'));
  return c.redirect('/account/addresses?done=deleted', 303);
});

addressPages.post('/addresses/:id/default', async (c) => {
  const customer = await requireCustomer(c);
  const form = await readForm(c, defaultKindSchema);
  if (!form.ok) {
    const addresses = await listAddresses(c.var.ctx.db, customer.id);
    return renderAccountPage(c, {
      title: 'Addresses',
      section: 'addresses',
      status: 422,
      body: addressListBody(c, { addresses, errors: form.errors }),
    });
  }
  await setDefaultAddress(c.var.ctx.db, customer.id, c.req.param('id'), form.data.kind);
  return c.redirect('/account/addresses?done=default', 303);
});
