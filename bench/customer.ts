import { randomBytes } from 'node:crypto';

/**
 * Registers a customer on the running store and signs in through the store API, as a shopper's browser would;
 * returns the session cookie to send.
 */
export async function signInBenchCustomer(storeUrl: string): Promise<string> {
  const email = `bench-${randomBytes(6).toString('hex')}@example.com`;
  const password = `quiet lantern ${randomBytes(6).toString('hex')}`;
  const json = { 'content-type': 'application/json' };
  const registered = await fetch(`${storeUrl}/api/store/account`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ email, password, name: 'Bench Shopper', acceptsTermsAndPrivacy: true }),
  });
  if (registered.status !== 202)
    throw new Error(`registration answered ${registered.status}: ${await registered.text()}`);
  const signedIn = await fetch(`${storeUrl}/api/store/session`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ email, password }),
  });
  if (signedIn.status !== 200) throw new Error(`sign-in answered ${signedIn.status}: ${await signedIn.text()}`);
  const { token } = (await signedIn.json()) as { token: string };
  return `sid=${token}`;
}

/** Whether a page served with this cookie shows the visitor signed in: the bench measures what it claims to. */
export async function assertSignedIn(url: string, cookie: string): Promise<void> {
  const res = await fetch(url, { headers: { cookie } });
  const page = await res.text();
  if (!page.includes('Your account')) {
    const header = /<nav class="header-account"[\s\S]*?<\/nav>/.exec(page)?.[0];
    throw new Error(`${url} does not show the bench customer signed in (${res.status}, ${header})`);
  }
}

/**
 * Puts a product in a new guest cart through the product page's own form, as a shopper's browser would; returns
 * the cart cookie to send.
 */
export async function startBenchCart(storeUrl: string, slug: string): Promise<string> {
  const res = await fetch(`${storeUrl}/cart/items`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
    body: new URLSearchParams({ product: slug, quantity: '2' }),
  });
  const cookie = res.headers.getSetCookie().find((line) => line.startsWith('cart='));
  if (res.status !== 303 || !cookie) throw new Error(`adding to a cart answered ${res.status}: ${await res.text()}`);
  return cookie.split(';')[0]!;
}

/**
 * The cookies a browser sends to the cart page after its first view: the cart's, and the form token's cookie that
 * first view set (a browser keeps it; a client that drops it has a new one made on every view).
 */
export async function cartPageCookies(storeUrl: string, cartCookie: string): Promise<string> {
  const page = await fetch(`${storeUrl}/cart`, { headers: { cookie: cartCookie } });
  await page.text();
  const csrf = page.headers.getSetCookie().find((line) => line.startsWith('csrf='));
  if (page.status !== 200 || !csrf) throw new Error(`the cart page answered ${page.status} without a form cookie`);
  return `${cartCookie}; ${csrf.split(';')[0]}`;
}

/** Whether a page served with this cookie shows the cart's count in the header. */
export async function assertCartCounted(url: string, cookie: string): Promise<void> {
  const page = await (await fetch(url, { headers: { cookie } })).text();
  if (!page.includes('class="cart-count"')) throw new Error(`${url} does not show the bench cart's count`);
}
