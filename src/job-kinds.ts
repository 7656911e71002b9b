import { passwordResetMailJob } from '#src/accounts/auth/password-reset.ts';
import { verifyEmailMailJob } from '#src/accounts/auth/registration.ts';
import { customerAccessSweepJob } from '#src/accounts/sessions/sweep.ts';
import { lowStockMailJob } from '#src/admin/low-stock-mail.ts';
import { productImportJob } from '#src/admin/product-import.ts';
import { publishScheduledJob } from '#src/content/publish-job.ts';
import { storeDayJob, storeDaySchedulerJob } from '#src/inventory/store-day-job.ts';
import type { JobDefinition } from '#src/jobs/definition.ts';
import { jobsSweepJob } from '#src/jobs/sweep.ts';
import { licenceExpiryJob } from '#src/licences/expiry-job.ts';
import { sendMailJob } from '#src/mail/deliver.ts';
import { unpaidOrdersJob } from '#src/orders/unpaid-job.ts';
import { rateLimitSweepJob } from '#src/security/sweep.ts';
import { staffSessionSweepJob } from '#src/staff/sweep.ts';
import type { AppContext } from '#src/web/context.ts';
import { idempotencyKeySweepJob } from '#src/web/idempotency-sweep.ts';

/**
 * Every kind of background job the store runs. Each domain declares its own kinds (payload, handler, lock
 * time) beside its code; they are gathered here, above the domains, so the queue itself knows none of them.
 */
export const JOB_KINDS: readonly JobDefinition<AppContext>[] = [
  sendMailJob,
  passwordResetMailJob,
  verifyEmailMailJob,
  licenceExpiryJob,
  lowStockMailJob,
  customerAccessSweepJob,
  staffSessionSweepJob,
  rateLimitSweepJob,
  jobsSweepJob,
  idempotencyKeySweepJob,
  storeDayJob,
  storeDaySchedulerJob,
  unpaidOrdersJob,
  publishScheduledJob,
  productImportJob,
];
