import { z } from 'zod';
import { uuidSchema } from '#src/lib/ids.ts';

/** The kind of job that publishes a scheduled article at its time; its handler is in publish-job.ts. */
export const publishScheduled = {
  kind: 'content-publish-scheduled',
  payload: z.object({ articleId: uuidSchema }),
  maxAttempts: 5,
};
