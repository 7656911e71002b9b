import type { Context } from 'hono';
import { Hono } from 'hono';
import { currentCustomer } from '#src/accounts/sessions/current.ts';
import { isLocalPath } from '#src/accounts/validators.ts';
import { AppError } from '#src/lib/errors.ts';
import { settingsOf } from '#src/store/settings.ts';
import type { AppEnv } from '#src/web/context.ts';
import { readForm } from '#src/web/forms.ts';
import { renderPage } from '#src/web/layout.ts';
import { type CartNotice, leaveCartNotice } from './parts.ts';
import { addCartItem, createCart, loadCart, removeCartItem, updateCartItem } from './service.ts';
import { addToCartFormSchema, quantityFormSchema } from './validators.ts';
import { renderCartPage } from './views/cart-page.ts';
import { cartSummary, setCartCookie, visitorCartId } from './visitor-cart.ts';

/** The cart page and its forms, under /cart. Never cached: every answer is this visitor's own. */
export const cartPages = new Hono<AppEnv>();

cartPages.use(async (c, next) => {
  await next();
  c.header('Cache-Control', 'private, no-store');
});

// The visitor's cart, made on the first add: a customer's belongs to them, a guest's is named by a new cookie.
async function cartToWriteTo(c: Context<AppEnv>, customerId: string | undefined): Promise<string> {
  const existing = await visitorCartId(c);
  if (existing) return existing;
  const id = await createCart(c.var.ctx, { customerId: customerId ?? null });
  if (!customerId) setCartCookie(c, id);
  return id;
}

// A refusal the visitor can act on becomes a notice on the page they came from; anything else is a real error.
function noticeOf(err: unknown, signInNext: string, isSignedIn: boolean): CartNotice {
  if (!(err instanceof AppError) || !['VALIDATION', 'SOLD_OUT', 'NOT_ENTITLED', 'NOT_FOUND'].includes(err.code)) {
    throw err;
  }
  const link =
    err.code === 'NOT_ENTITLED'
      ? isSignedIn
        ? { href: '/account/licences', label: 'Go to your licences' }
        : { href: `/account/sign-in?next=${encodeURIComponent(signInNext)}`, label: 'Sign in' }
      : undefined;
  return { kind: 'error', text: err.message, ...(link ? { link } : {}) };
}

cartPages.get('/', async (c) => {
  const { ctx } = c.var;
  const customer = await currentCustomer(c);
  const cartId = await visitorCartId(c);
  // Whose the cart is comes from the header's cached summary: one query less on every view of the cart.
  const summary = cartId ? await cartSummary(c, cartId) : null;
  const view =
    cartId && summary && summary.itemCount > 0
      ? await loadCart(ctx, {
          cart: { id: cartId, customerId: summary.customerId },
          shopper: customer,
          isCached: true,
        })
      : undefined;
  const store = await settingsOf(ctx);
  return c.html(
    renderPage({
      title: 'Your cart',
      store,
      baseUrl: ctx.config.baseUrl,
      noindex: true,
      body: renderCartPage(c, view),
    }),
  );
});

cartPages.post('/items', async (c) => {
  const form = await readForm(c, addToCartFormSchema);
  const back = form.values.back && isLocalPath(form.values.back) ? form.values.back : '/cart';
  if (!form.ok) {
    const text = form.errors.quantity ?? 'Choose a product to add.';
    leaveCartNotice(c, { kind: 'error', text });
    return c.redirect(back, 303);
  }
  const customer = await currentCustomer(c);
  try {
    const cartId = await cartToWriteTo(c, customer?.id);
    const added = await addCartItem(c.var.ctx, {
      cartId,
      shopper: customer,
      product: { slug: form.data.product },
      quantity: form.data.quantity,
    });
    const what = form.data.quantity === 1 ? added.name : `${form.data.quantity} × ${added.name}`;
    leaveCartNotice(c, {
      kind: 'success',
      text: `Added ${what} to your cart.`,
      link: { href: '/cart', label: 'View cart' },
    });
  } catch (err) {
    leaveCartNotice(c, noticeOf(err, back, customer !== undefined));
  }
  return c.redirect(back, 303);
});

// The line must be in this visitor's own cart: an item id from anyone else's cart is "not found".
async function ownCartId(c: Context<AppEnv>): Promise<string> {
  const cartId = await visitorCartId(c);
  if (!cartId) throw new AppError('NOT_FOUND', 'Your cart is empty; the item may have been removed already.');
  return cartId;
}

cartPages.post('/items/:itemId', async (c) => {
  const form = await readForm(c, quantityFormSchema);
  if (!form.ok) {
    leaveCartNotice(c, { kind: 'error', text: form.errors.quantity ?? 'Enter a quantity.' });
    return c.redirect('/cart', 303);
  }
  try {
    const cartId = await ownCartId(c);
    await updateCartItem(c.var.ctx, { cartId, itemId: c.req.param('itemId'), quantity: form.data.quantity });
    leaveCartNotice(c, { kind: 'success', text: 'Quantity updated.' });
  } catch (err) {
    leaveCartNotice(c, noticeOf(err, '/cart', (await currentCustomer(c)) !== undefined));
  }
  return c.redirect('/cart', 303);
});

cartPages.post('/items/:itemId/remove', async (c) => {
  try {
    const cartId = await ownCartId(c);
    await removeCartItem(c.var.ctx, { cartId, itemId: c.req.param('itemId') });
    leaveCartNotice(c, { kind: 'success', text: 'Removed from your cart.' });
  } catch (err) {
    leaveCartNotice(c, noticeOf(err, '/cart', false));
  }
  return c.redirect('/cart', 303);
});
