import type { Db } from '#src/db/client.ts';

/**
 * A domain that shows uploaded pictures outside the one removing a picture: files are named by their content,
 * so the same photo uploaded for a product and for an article is one set of files, kept while anything shows it.
 */
export type ImageUser = { name: string; isUsing(db: Db, hash: string): Promise<boolean> };

const users = new Map<string, ImageUser>();

/** Registers a domain's check of whether it still shows a picture; once per name (app.ts wires them). */
export function defineImageUser(user: ImageUser): void {
  users.set(user.name, user);
}

/** Whether any registered domain still shows the picture with this content hash. */
export async function isImageUsedElsewhere(db: Db, hash: string): Promise<boolean> {
  for (const user of users.values()) if (await user.isUsing(db, hash)) return true;
  return false;
}
