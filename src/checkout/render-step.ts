import type { Context } from 'hono';
import { expectedShipDateOf } from '#src/shipping/methods.ts';
import { settingsOf } from '#src/store/settings.ts';
import type { AppEnv } from '#src/web/context.ts';
import { type Html, renderPage } from '#src/web/layout.ts';
import { priceReview } from './review.ts';
import { addressBookOf, checkSteps, invoiceOffer, STEP_TITLES, shippingOptionsOf } from './steps.ts';
import type { StepPage } from './views/frame.ts';
import { reviewStep } from './views/review.ts';
import { addressStep, contactStep, paymentStep, shippingStep } from './views/steps.ts';

/** Renders one step's page with what it offers (address book, methods, payment terms, totals) read fresh. */
export async function renderStep(c: Context<AppEnv>, page: StepPage, status: 200 | 400 | 409 | 422 = 200) {
  const { ctx } = c.var;
  const { db } = ctx;
  let body: Html;
  switch (page.step) {
    case 'contact':
      body = contactStep(c, page);
      break;
    case 'address':
      body = addressStep(c, page, await addressBookOf(db, page.customer));
      break;
    case 'shipping': {
      const now = new Date();
      const [options, standard, refrigerated] = await Promise.all([
        shippingOptionsOf(db, page.cart),
        expectedShipDateOf(ctx, { now, isRefrigerated: false }),
        expectedShipDateOf(ctx, { now, isRefrigerated: true }),
      ]);
      body = shippingStep(c, page, { options, shipDays: { standard, refrigerated } });
      break;
    }
    case 'payment':
      body = paymentStep(c, page, await invoiceOffer(db, page.customer));
      break;
    case 'review': {
      const checked = await checkSteps(db, page, page.values, 'payment');
      if (!checked.ok) return renderStep(c, { ...page, step: checked.step, errors: checked.errors }, 422);
      const totals = await priceReview(ctx, { customer: page.customer, cart: page.cart, input: checked.input });
      body = reviewStep(c, page, { input: checked.input, totals });
      break;
    }
  }
  const store = await settingsOf(ctx);
  const html = await renderPage({
    title: `Checkout: ${STEP_TITLES[page.step]}`,
    store,
    baseUrl: ctx.config.baseUrl,
    noindex: true,
    body,
  });
  return c.html(html, status);
}
