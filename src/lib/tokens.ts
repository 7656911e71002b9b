import { hash, randomBytes } from 'node:crypto';

/** A random, URL-safe secret of 256 bits, for session cookies and emailed links. */
export function createToken(): string {
  return randomBytes(32).toString('base64url');
}

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** Whether a value has the shape createToken gives (32 bytes, base64url), so junk needs no database lookup. */
export function isWellFormedToken(value: string): boolean {
  return TOKEN_SHAPE.test(value);
}

/** What the database keeps of a token: a leaked table then grants no access. */
export function hashToken(token: string): string {
  // The one-shot form: every signed-in page asks for it, and it costs a third of a hash object's.
  return hash('sha256', token, 'hex');
}

/** Text with the token of every emailed link replaced, for copies of mails shown to anyone but the recipient. */
export function withoutLinkTokens(text: string): string {
  return text.replace(/([?&]token=)[^\s&"'<>]+/g, '$1[removed]');
}
