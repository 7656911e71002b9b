import { z } from 'zod';

export const BLOG_PAGE_SIZE = 9;
const MAX_PAGE = 10_000;

export const articleSlugSchema = z
  .string()
  .max(200)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lowercase letters, digits and single dashes.');

const pageNumber = z.coerce
  .number({ error: 'Enter a whole page number.' })
  .int('Enter a whole page number.')
  .min(1, 'Pages start at 1.')
  .max(MAX_PAGE, `Pages stop at ${MAX_PAGE}.`)
  .default(1);

/** Query of the /blog page. */
export const blogListQuery = z.object({ page: pageNumber });

/** Query of GET /api/store/articles. */
export const articleListApiQuery = z.object({
  page: pageNumber,
  limit: z.coerce
    .number({ error: 'Enter a whole number from 1 to 100.' })
    .int('Enter a whole number from 1 to 100.')
    .min(1, 'The limit is at least 1.')
    .max(100, 'The limit is at most 100.')
    .default(20),
});
