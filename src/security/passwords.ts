import { readFileSync } from 'node:fs';

// The native argon2 module is loaded on the first password hashed or checked, not at every start.
const argon2 = () => import('@node-rs/argon2');

// argon2id with the library's defaults (19 MiB, 2 passes): OWASP's minimum recommendation.
const ARGON2ID = 2;

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

const COMMON = new Set(
  readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
    .split('\n')
    .map((line) => line.trim().toLowerCase())
    .filter(Boolean),
);

export async function hashPassword(password: string): Promise<string> {
  const { hash } = await argon2();
  return hash(password, { algorithm: ARGON2ID });
}

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (!passwordHash) return false;
  const { verify } = await argon2();
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verifying against this keeps sign-in of an unknown email as slow as of a known one.
let dummyHash: Promise<string> | undefined;
export async function verifyAgainstDummy(password: string): Promise<void> {
  dummyHash ??= hashPassword('not-a-real-password-for-timing');
  await verifyPassword(await dummyHash, password);
}

/** Why a new password is refused, or undefined when it is acceptable. */
export function describeWeakPassword(password: string, personal: string[] = []): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Use at most ${MAX_PASSWORD_LENGTH} characters.`;
  const lower = password.toLowerCase();
  if (COMMON.has(lower) || /^(.)\1+$/.test(password) || isSequence(lower)) {
    return 'This password is too common and easy to guess. Choose a less predictable one, such as a few unrelated words.';
  }
  for (const part of personal) {
    const p = part.trim().toLowerCase();
    if (p.length >= 4 && lower.includes(p)) return 'Do not use your name or email address in your password.';
  }
  return undefined;
}

function isSequence(s: string): boolean {
  const runs = ['0123456789012345678901234567890', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiopasdfghjklzxcvbnm'];
  return runs.some((run) => run.includes(s) || [...run].reverse().join('').includes(s));
}
