import type { Context } from 'hono';
import { Hono } from 'hono';
import { currentCustomer } from '#src/accounts/sessions/current.ts';
import { lockCartForCheckout } from '#src/cart/checkout-view.ts';
import { leaveCartNotice } from '#src/cart/parts.ts';
import { loadCart } from '#src/cart/service.ts';
import { cartSummary, visitorCartId } from '#src/cart/visitor-cart.ts';
import { AppError } from '#src/lib/errors.ts';
import { getStoreSettings } from '#src/store/settings.ts';
import type { AppEnv } from '#src/web/context.ts';
import { readForm } from '#src/web/forms.ts';
import { runIdempotent } from '#src/web/idempotency.ts';
import { placeOrder } from './place-order.ts';
import { renderStep } from './render-step.ts';
import { checkSteps, isStep, nextStep, type Shopper, stepOfError } from './steps.ts';
import { checkoutFormSchema } from './validators.ts';

// The key the review's form carries, as the API takes it in its header: visible ASCII.
const KEY_SHAPE = /^[\x21-\x7e]{1,255}$/;

/** The checkout steps under /checkout (see steps.ts for how choices travel between them). Never cached. */
export const checkoutPages = new Hono<AppEnv>();

checkoutPages.use(async (c, next) => {
  await next();
  c.header('Cache-Control', 'private, no-store');
});

// The visitor's cart id (a customer's current cart, a guest's cookie), without reading the lines.
async function cartIdOf(c: Context<AppEnv>) {
  const cartId = await visitorCartId(c);
  const summary = cartId ? await cartSummary(c, cartId) : null;
  return cartId && summary ? { id: cartId, customerId: summary.customerId } : undefined;
}

/** Who checks out and their cart priced now; undefined when there is nothing to buy (back to the cart). */
async function shopperOf(c: Context<AppEnv>): Promise<Shopper | undefined> {
  const customer = await currentCustomer(c);
  const cart = await cartIdOf(c);
  if (!cart) return undefined;
  const view = await loadCart(c.var.ctx, { cart, shopper: customer });
  if (!view.lines.some((line) => line.isPurchasable)) return undefined;
  return { customer, cart: view };
}

checkoutPages.get('/', async (c) => {
  const shopper = await shopperOf(c);
  if (!shopper) return c.redirect('/cart', 303);
  return renderStep(c, { ...shopper, step: 'contact', values: {} });
});

// One step posted: every step up to it is checked again; the first that fails is shown with its errors, else the
// next. "Back" shows the step before with what was chosen, checking nothing.
checkoutPages.post('/', async (c) => {
  const form = await readForm(c, checkoutFormSchema);
  const shopper = await shopperOf(c);
  if (!shopper) return c.redirect('/cart', 303);
  const { values } = form;
  if (isStep(values.back)) return renderStep(c, { ...shopper, step: values.back, values });
  const step = isStep(values.step) ? values.step : 'contact';
  const checked = await checkSteps(c.var.ctx.db, shopper, values, step);
  if (!checked.ok) return renderStep(c, { ...shopper, step: checked.step, values, errors: checked.errors }, 422);
  return renderStep(c, { ...shopper, step: nextStep(step), values });
});

// "Place order": once per idempotency key (a double-click or a resubmit answers the first order), then to the
// order's page. A refusal shows the step that can fix it; a changed cart shows the review again, naming the change.
checkoutPages.post('/place', async (c) => {
  const form = await readForm(c, checkoutFormSchema);
  const { values } = form;
  const customer = await currentCustomer(c);
  const cart = await cartIdOf(c);
  if (!cart) return c.redirect('/cart', 303);
  const { ctx } = c.var;
  try {
    if (!form.ok || !values.fingerprint || !KEY_SHAPE.test(values.idempotencyKey ?? '')) {
      throw new AppError('FINGERPRINT_CHANGED', 'Please review your order again before placing it.');
    }
    const scope = customer ? `customer:${customer.id}` : `cart:${cart.id}`;
    const answer = await runIdempotent(
      ctx.db,
      { scope, operation: 'placeOrderPage', key: values.idempotencyKey, body: { cart: cart.id, ...values } },
      async (tx) => {
        const { currency } = await getStoreSettings(tx);
        const view = await lockCartForCheckout(tx, { cartId: cart.id, shopper: customer, currency });
        const checked = await checkSteps(tx, { customer, cart: view }, values, 'payment');
        if (!checked.ok) throw new AppError('VALIDATION', 'Please check your choices.', { fields: checked.errors });
        const input = { ...checked.input, fingerprint: values.fingerprint! };
        const { order, guestToken } = await placeOrder(tx, ctx, { cartId: cart.id, customer, input });
        const location = guestToken ? `/orders/${order.number}?token=${guestToken}` : `/account/orders/${order.number}`;
        return { status: 201, body: { number: order.number, location } };
      },
    );
    return c.redirect(answer.body.location, 303);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    const shopper = await shopperOf(c);
    if (!shopper) {
      // Nothing left to order (the last product sold out): the cart says what happened to each line.
      leaveCartNotice(c, { kind: 'error', text: err.message });
      return c.redirect('/cart', 303);
    }
    const step = stepOfError(err);
    const isChange = err.code === 'FINGERPRINT_CHANGED' || err.code === 'SOLD_OUT';
    const status = isChange ? 409 : 422;
    if (step !== 'review') return renderStep(c, { ...shopper, step, values, errors: err.fields }, status);
    return renderStep(c, { ...shopper, step: 'review', values, notice: err.message }, status);
  }
});
