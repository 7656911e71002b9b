import { html } from 'hono/html';
import type { StoreSettings } from '#src/store/schema.ts';

export type MailContent = {
  /** First line of the mail, e.g. "Hello Dana,". */
  greeting: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  /** A line under the action, e.g. how long the link works. */
  note?: string;
};

/** Builds the plain-text and HTML versions of a store mail from the same words, signed with the store's name. */
export async function composeMail(store: StoreSettings, content: MailContent): Promise<{ text: string; html: string }> {
  const signature = [store.name, store.phone, store.email].filter(Boolean);
  const text = [
    content.greeting,
    '',
    ...content.paragraphs.flatMap((p) => [p, '']),
    ...(content.action ? [`${content.action.label}: ${content.action.url}`, ''] : []),
    ...(content.note ? [content.note, ''] : []),
    '--',
    ...signature,
  ].join('\n');
  const body = await html`<!doctype html>
<html lang="en"><body style="font-family:system-ui,sans-serif;color:#1f2933;line-height:1.5;max-width:560px;margin:0 auto;padding:24px">
<p>${content.greeting}</p>
${content.paragraphs.map((p) => html`<p>${p}</p>`)}
${
  content.action
    ? html`<p><a href="${content.action.url}" style="display:inline-block;background:#0f766e;color:#fff;padding:10px 18px;border-radius:6px;text-decoration:none">${content.action.label}</a></p>
<p style="font-size:13px;color:#52606d">Or open this address: ${content.action.url}</p>`
    : ''
}
${content.note ? html`<p style="font-size:13px;color:#52606d">${content.note}</p>` : ''}
<hr style="border:none;border-top:1px solid #e4e7eb">
<p style="font-size:13px;color:#52606d">${signature.map((line, i) => html`${i ? html`<br>` : ''}${line}`)}</p>
</body></html>`;
  return { text, html: body.toString() };
}
