import { sql } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import type { ImageUser } from '#src/media/image-users.ts';
import { articleRevisions, articles } from './schema.ts';

/**
 * Articles show an uploaded picture as their cover or by its address in their text; a kept revision may bring
 * either back, so a picture one of them names is still in use.
 */
export const articlePictureUse: ImageUser = {
  name: 'articles',
  async isUsing(db: Db, hash: string) {
    const path = `/media/images/${hash}/`;
    const rows = await db.execute(sql`
      select 1 from ${articles}
        where ${articles.coverImage} -> 'upload' ->> 'hash' = ${hash} or strpos(${articles.body}, ${path}) > 0
      union all
      select 1 from ${articleRevisions}
        where ${articleRevisions.snapshot} -> 'coverImage' -> 'upload' ->> 'hash' = ${hash}
          or strpos(${articleRevisions.snapshot} ->> 'body', ${path}) > 0
      limit 1`);
    return rows.rows.length > 0;
  },
};
