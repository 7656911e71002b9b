import { acknowledgeFinding, publishArticle, restoreRevision, saveArticle } from '#src/content/admin-service.ts';
import type { Article } from '#src/content/schema.ts';
import { recordAudit } from '#src/staff/audit.ts';
import { actorOf } from '#src/staff/current.ts';
import type { StaffUser } from '#src/staff/schema.ts';
import type { AppContext } from '#src/web/context.ts';

// What the audit log keeps of an article; the text itself is kept in its revisions.
function auditView(a: Article | undefined, revision?: number) {
  if (!a) return null;
  return {
    title: a.title,
    slug: a.slug,
    status: a.status,
    publishedAt: a.publishedAt?.toISOString() ?? null,
    ...(revision ? { revision } : {}),
  };
}

type Ctx = Pick<AppContext, 'db' | 'cache'>;

// The pages and the API act through these: each change, its revision and its audit entry commit together.

/** Creates (without `id`) or changes an article as a staff member. */
export function saveArticleAs(ctx: Ctx, staff: StaffUser, o: { id?: string; changes: unknown }) {
  return ctx.db.transaction(async (tx) => {
    const saved = await saveArticle(
      { tx, cache: ctx.cache },
      { ...(o.id ? { id: o.id } : {}), changes: o.changes, actorEmail: staff.email },
    );
    await recordAudit(tx, {
      staff: actorOf(staff),
      action: saved.before ? 'article.update' : 'article.create',
      entityType: 'article',
      entityId: saved.after.id,
      before: auditView(saved.before),
      after: auditView(saved.after, saved.revision),
    });
    return saved;
  });
}

export function publishArticleAs(ctx: Ctx, staff: StaffUser, id: string) {
  return ctx.db.transaction(async (tx) => {
    const saved = await publishArticle({ tx, cache: ctx.cache }, { id, actorEmail: staff.email });
    await recordAudit(tx, {
      staff: actorOf(staff),
      action: 'article.publish',
      entityType: 'article',
      entityId: id,
      before: auditView(saved.before),
      after: auditView(saved.after, saved.revision),
    });
    return saved;
  });
}

export function restoreRevisionAs(ctx: Ctx, staff: StaffUser, o: { id: string; number: number }) {
  return ctx.db.transaction(async (tx) => {
    const saved = await restoreRevision({ tx, cache: ctx.cache }, { ...o, actorEmail: staff.email });
    await recordAudit(tx, {
      staff: actorOf(staff),
      action: 'article.restore-revision',
      entityType: 'article',
      entityId: o.id,
      before: auditView(saved.before),
      after: { ...auditView(saved.after, saved.revision), restoredRevision: o.number },
    });
    return saved;
  });
}

/** Accepts a compliance finding with a reason; the audit log keeps the sentence, the rule and the reason. */
export function acknowledgeFindingAs(ctx: Ctx, staff: StaffUser, o: { id: string; findingId: string; reason: string }) {
  return ctx.db.transaction(async (tx) => {
    const done = await acknowledgeFinding({ tx, cache: ctx.cache }, { ...o, actorEmail: staff.email });
    await recordAudit(tx, {
      staff: actorOf(staff),
      action: 'article.acknowledge-finding',
      entityType: 'article',
      entityId: o.id,
      before: null,
      after: { findingId: done.finding.id, rule: done.finding.rule, sentence: done.finding.sentence, reason: o.reason },
    });
    return done;
  });
}
