import { Hono } from 'hono';
import { html } from 'hono/html';
import { z } from 'zod';
import { requireCustomer } from '#src/accounts/sessions/current.ts';
import { renderAccountPage } from '#src/accounts/shared/account-page.ts';
import { leaveCartNotice } from '#src/cart/parts.ts';
import { addToCartWhatIsAvailable } from '#src/cart/reorder.ts';
import { createCart } from '#src/cart/service.ts';
import { visitorCartId } from '#src/cart/visitor-cart.ts';
import { AppError } from '#src/lib/errors.ts';
import { settingsOf } from '#src/store/settings.ts';
import type { AppEnv } from '#src/web/context.ts';
import { csrfField } from '#src/web/forms.ts';
import { renderPage } from '#src/web/layout.ts';
import { parseQuery } from '#src/web/validation.ts';
import { decodeOrderCursor, encodeOrderCursor } from './api-schemas.ts';
import { findCustomerOrder, findGuestOrder, listCustomerOrders } from './queries.ts';
import { instructionsOf } from './serialize.ts';
import { renderCustomerOrder, renderOrderList } from './views/customer-order-pages.ts';

const PAGE_SIZE = 20;

/** The signed-in customer's orders under /account/orders. */
export const customerOrderPages = new Hono<AppEnv>();

customerOrderPages.get('/', async (c) => {
  const customer = await requireCustomer(c);
  const { cursor } = parseQuery(c, z.object({ cursor: z.string().max(100).optional() }));
  const page = await listCustomerOrders(c.var.ctx.db, {
    customerId: customer.id,
    limit: PAGE_SIZE,
    before: decodeOrderCursor(cursor),
  });
  const next = encodeOrderCursor(page.nextBefore);
  return renderAccountPage(c, {
    title: 'Orders',
    section: 'orders',
    body: renderOrderList({
      items: page.items,
      nextHref: next ? `/account/orders?cursor=${next}` : undefined,
      isFirstPage: cursor === undefined,
    }),
  });
});

// Another customer's order, or a guest's, is "not found": the number alone says nothing of whose it is.
customerOrderPages.get('/:number', async (c) => {
  const customer = await requireCustomer(c);
  const { ctx } = c.var;
  const order = await findCustomerOrder(ctx.db, customer.id, c.req.param('number'));
  if (!order) throw new AppError('NOT_FOUND', 'You have no order with this number.');
  const store = await settingsOf(ctx);
  return renderAccountPage(c, {
    title: `Order ${order.number}`,
    section: 'orders',
    body: renderCustomerOrder({
      order,
      instructions: instructionsOf(order, store, ctx.config.orderPayDays),
      backHref: '/account/orders',
      reorderForm: html`<form method="post" action="/account/orders/${order.number}/again" class="reorder-form">
        ${csrfField(c)}
        <button type="submit" class="button-secondary">Order again</button>
        <span class="hint">Adds these products to your cart, as many as are available today.</span>
      </form>`,
    }),
  });
});

// "Order again": what can still be bought goes into the customer's cart, and the cart page says what could not.
customerOrderPages.post('/:number/again', async (c) => {
  const customer = await requireCustomer(c);
  const { ctx } = c.var;
  const order = await findCustomerOrder(ctx.db, customer.id, c.req.param('number'));
  if (!order) throw new AppError('NOT_FOUND', 'You have no order with this number.');
  const cartId = (await visitorCartId(c)) ?? (await createCart(ctx, { customerId: customer.id }));
  const { added, missed } = await addToCartWhatIsAvailable(ctx, {
    cartId,
    shopper: customer,
    lines: order.lines.map((line) => ({ productId: line.productId, name: line.name, quantity: line.quantity })),
  });
  const addedText = added.length
    ? `Added to your cart: ${added.map((a) => `${a.quantity} × ${a.name}`).join(', ')}.`
    : 'Nothing from this order could be added to your cart.';
  const missedText = missed.length ? ` Not added: ${missed.map((m) => `${m.name} (${m.reason})`).join(', ')}.` : '';
  leaveCartNotice(c, { kind: added.length ? 'success' : 'error', text: addedText + missedText });
  return c.redirect('/cart', 303);
});

/** A guest's order page under /orders, opened with the token link of the confirmation mail. */
export const guestOrderPages = new Hono<AppEnv>();

guestOrderPages.get('/:number', async (c) => {
  const { ctx } = c.var;
  const order = await findGuestOrder(ctx.db, c.req.param('number'), c.req.query('token') ?? '');
  // A wrong token and a wrong number look the same, so neither can be probed.
  if (!order) {
    throw new AppError('NOT_FOUND', 'No order matches this link. Use the link of your order confirmation mail.');
  }
  const store = await settingsOf(ctx);
  const page = await renderPage({
    title: `Order ${order.number}`,
    store,
    baseUrl: ctx.config.baseUrl,
    noindex: true,
    body: renderCustomerOrder({ order, instructions: instructionsOf(order, store, ctx.config.orderPayDays) }),
  });
  // The address holds the token; the store's Referrer-Policy (strict-origin-when-cross-origin) already keeps it
  // from other sites, and no cache may keep the page.
  c.header('Cache-Control', 'no-store');
  return c.html(page);
});
