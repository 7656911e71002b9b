import { mailPasswordReset, PASSWORD_RESET_MAIL_JOB } from '#src/accounts/password-reset.ts';
import { mailVerificationLink, VERIFY_EMAIL_MAIL_JOB } from '#src/accounts/registration.ts';
import { LICENCE_EXPIRY_JOB, runLicenceExpiry } from '#src/licences/expiry-job.ts';
import { deliverMail } from '#src/mail/deliver.ts';
import { SEND_MAIL_JOB } from '#src/mail/outbox.ts';
import type { DailyJob, JobHandler } from './worker.ts';

/** Every kind of background job the worker knows how to run. */
export const JOB_HANDLERS: Record<string, JobHandler> = {
  [SEND_MAIL_JOB]: deliverMail,
  [PASSWORD_RESET_MAIL_JOB]: mailPasswordReset,
  [VERIFY_EMAIL_MAIL_JOB]: mailVerificationLink,
  [LICENCE_EXPIRY_JOB]: async (ctx) => {
    const result = await runLicenceExpiry(ctx);
    ctx.log.info(result, 'licence expiry run');
  },
};

/** Jobs enqueued once a day. */
export const DAILY_JOBS: DailyJob[] = [{ kind: LICENCE_EXPIRY_JOB }];
