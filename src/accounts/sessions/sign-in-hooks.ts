import type { Context } from 'hono';
import type { AppEnv } from '#src/web/context.ts';

/** Something a domain above accounts does when a customer signs in on a device (the cart merges a guest cart). */
export type SignInHook = (c: Context<AppEnv>, customerId: string) => Promise<void>;

const hooks = new Map<string, SignInHook>();

/** Registers what a domain does at every sign-in, page or API; the app registers them at start, once per name. */
export function onCustomerSignIn(name: string, hook: SignInHook): void {
  hooks.set(name, hook);
}

/** Runs every registered hook, after the new session has started; called by each sign-in path. */
export async function runSignInHooks(c: Context<AppEnv>, customerId: string): Promise<void> {
  for (const hook of hooks.values()) await hook(c, customerId);
}
