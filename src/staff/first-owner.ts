import type { Db } from '#src/db/client.ts';
import { staffUsers } from './schema.ts';

/** True once any staff account exists, active or not: someone has set up the admin console. */
export async function hasStaff(db: Db): Promise<boolean> {
  const rows = await db.select({ id: staffUsers.id }).from(staffUsers).limit(1);
  return rows.length > 0;
}

/**
 * What a store without staff prints as it starts: how to create the owner's account and where to sign in. The
 * embedded database lets one process at a time open its folder, so there the store has to stop first.
 */
export function firstOwnerSteps(o: { baseUrl: string; isEmbedded: boolean }): string {
  const command = "  npx medstore admin create --email you@example.com --password '<10 or more characters>'";
  const admin = `${o.baseUrl}/admin`;
  const lines = o.isEmbedded
    ? [
        'No staff account exists yet. To create the owner, stop the store (Ctrl+C) and run, with the same settings:',
        command,
        `then start it again and sign in at ${admin}`,
      ]
    : [
        'No staff account exists yet. To create the owner, run with the same settings (the store may keep running):',
        command,
        `then sign in at ${admin}`,
      ];
  return `\n${lines.join('\n')}\n\n`;
}
