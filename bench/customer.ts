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
