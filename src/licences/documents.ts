import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Licence } from './schema.ts';
import { LICENCE_TYPE_LABELS } from './validators.ts';

/** The largest licence document accepted: a phone photo or a scanned PDF fits well within it. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

export type DocumentKind = { type: 'application/pdf' | 'image/jpeg' | 'image/png'; ext: 'pdf' | 'jpg' | 'png' };

// The first bytes decide the type: a file's name and declared type are whatever the sender chose.
const SIGNATURES: { kind: DocumentKind; magic: number[] }[] = [
  { kind: { type: 'application/pdf', ext: 'pdf' }, magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { kind: { type: 'image/jpeg', ext: 'jpg' }, magic: [0xff, 0xd8, 0xff] },
  { kind: { type: 'image/png', ext: 'png' }, magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

// Only names this module made are ever opened, so a stored value can never point outside the folder.
const STORED_NAME = /^[0-9a-f]{32}\.(pdf|jpg|png)$/;

/** The document's real type judged from its content, or undefined when it is not a PDF, JPEG or PNG. */
export function detectDocumentKind(bytes: Uint8Array): DocumentKind | undefined {
  return SIGNATURES.find(({ magic }) => magic.every((byte, i) => bytes[i] === byte))?.kind;
}

function folderOf(dataDir: string): string {
  return join(dataDir, 'licences');
}

/** Writes a document under DATA_DIR/licences with a random name, readable by this process's user only. */
export async function storeLicenceDocument(dataDir: string, bytes: Uint8Array, kind: DocumentKind): Promise<string> {
  const folder = folderOf(dataDir);
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const name = `${randomBytes(16).toString('hex')}.${kind.ext}`;
  await writeFile(join(folder, name), bytes, { mode: 0o600, flag: 'wx' });
  return name;
}

/** The stored document's bytes, or undefined when the name is not one of ours or the file is gone. */
export async function readLicenceDocument(dataDir: string, name: string): Promise<Buffer | undefined> {
  if (!STORED_NAME.test(name)) return undefined;
  try {
    return await readFile(join(folderOf(dataDir), name));
  } catch {
    return undefined;
  }
}

/** Removes stored documents; call it after the transaction that stopped referring to them has committed. */
export async function deleteLicenceDocuments(dataDir: string, names: readonly string[]): Promise<void> {
  for (const name of names) {
    if (STORED_NAME.test(name)) await rm(join(folderOf(dataDir), name), { force: true });
  }
}

/** The name a downloaded document is saved under: what it is, never the random name it is stored under. */
export function documentDownloadName(l: Pick<Licence, 'type' | 'number' | 'documentFile'>): string {
  const ext = l.documentFile?.split('.').pop() ?? 'pdf';
  const part = (text: string) => text.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `licence-${part(LICENCE_TYPE_LABELS[l.type])}-${part(l.number)}.${ext}`;
}

/** Headers that keep a served document from being taken for a page of the store or kept in a cache. */
export function documentHeaders(l: Licence, disposition: 'inline' | 'attachment'): Record<string, string> {
  return {
    'Content-Type': l.documentType ?? 'application/octet-stream',
    'Content-Disposition': `${disposition}; filename="${documentDownloadName(l)}"`,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, no-store',
  };
}
