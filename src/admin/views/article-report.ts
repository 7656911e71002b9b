import type { Context } from 'hono';
import { html, raw } from 'hono/html';
import type { ComplianceReport, ReportedFinding } from '#src/content/admin-queries.ts';
import { COMPLIANCE_RULES } from '#src/content/compliance/check.ts';
import type { FieldErrors } from '#src/lib/errors.ts';
import type { AppEnv } from '#src/web/context.ts';
import { csrfField } from '#src/web/forms.ts';

export type AckFormState = { findingId: string; reason: string; errors: FieldErrors };

function ackForm(c: Context<AppEnv>, articleId: string, f: ReportedFinding, failed: AckFormState | undefined) {
  const id = `ack-${f.id.replace(/\W/g, '-')}`;
  const error = failed?.findingId === f.id ? failed.errors.reason : undefined;
  return html`<form method="post" action="/admin/articles/${articleId}/findings/${f.id}/acknowledge" class="ack-form">
    ${csrfField(c)}
    <label for="${id}">Acknowledge with a reason</label>
    <input id="${id}" name="reason" type="text" maxlength="500" required value="${failed?.findingId === f.id ? failed.reason : ''}"${error ? raw(` aria-invalid="true" aria-describedby="${id}-error"`) : ''}>
    ${error ? html`<p class="field-error" id="${id}-error">${error}</p>` : ''}
    <button type="submit" class="button-secondary">Acknowledge</button>
  </form>`;
}

function findingItem(c: Context<AppEnv>, f: ReportedFinding, o: { articleId?: string; failed?: AckFormState }) {
  const ack = f.acknowledgement;
  return html`<li class="finding ${ack ? 'finding-acknowledged' : 'finding-open'}" id="finding-${f.id}">
    <p class="finding-rule"><strong>${COMPLIANCE_RULES[f.rule]}</strong>${ack ? ' (acknowledged)' : ''}</p>
    ${f.sentence ? html`<blockquote class="finding-sentence">${f.sentence}</blockquote>` : ''}
    <p class="finding-message">${f.message}</p>
    ${
      ack
        ? html`<p class="muted">Acknowledged by ${ack.actorEmail}: “${ack.reason}”</p>`
        : f.acknowledgeable
          ? o.articleId
            ? ackForm(c, o.articleId, f, o.failed)
            : html`<p class="muted">Save the article to acknowledge this finding.</p>`
          : html`<p class="muted">Fix this in the text; it cannot be acknowledged.</p>`
    }
  </li>`;
}

/** The compliance report beside the editor: each finding, its sentence and rule, and how to clear it. */
export function renderComplianceReport(
  c: Context<AppEnv>,
  report: ComplianceReport,
  o: { articleId?: string; failed?: AckFormState; isUnsaved?: boolean } = {},
) {
  const open = report.blocking.length;
  return html`<section class="compliance-report" aria-labelledby="compliance-heading" id="compliance-report">
    <h2 id="compliance-heading">Compliance</h2>
    ${
      report.findings.length === 0
        ? html`<p class="notice notice-success">No findings: this text may be published.</p>`
        : open
          ? html`<p class="notice notice-error">${open} open ${open === 1 ? 'finding blocks' : 'findings block'} publishing. Fix the text or acknowledge each finding with a reason.</p>`
          : html`<p class="notice notice-success">Every finding is acknowledged: this text may be published.</p>`
    }
    ${o.isUnsaved ? html`<p class="muted">Checked on the text as typed, not yet saved.</p>` : ''}
    ${report.findings.length ? html`<ol class="findings plain">${report.findings.map((f) => findingItem(c, f, o))}</ol>` : ''}
  </section>`;
}
