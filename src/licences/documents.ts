import { randomBytes } from 'node:crypto';
import type { FileStorage } from '#src/storage/storage.ts';
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

// Under licences/ of the store's file storage: DATA_DIR/licences on disk (readable by this process's user only),
// or the private bucket. The store serves a document only through the routes that check who asks.
function keyOf(name: string): string {
  return `licences/${name}`;
}

/** Stores a document under a random name and returns the name. */
export async function storeLicenceDocument(
  storage: FileStorage,
  bytes: Uint8Array,
  kind: DocumentKind,
): Promise<string> {
  const name = `${randomBytes(16).toString('hex')}.${kind.ext}`;
  await storage.put(keyOf(name), bytes, kind.type);
  return name;
}

/** The stored document's bytes, or undefined when the name is not one of ours or the file is gone. */
export async function readLicenceDocument(storage: FileStorage, name: string): Promise<Uint8Array | undefined> {
  if (!STORED_NAME.test(name)) return undefined;
  return (await storage.get(keyOf(name)))?.bytes;
}

/** Removes stored documents; call it after the transaction that stopped referring to them has committed. */
export async function deleteLicenceDocuments(storage: FileStorage, names: readonly string[]): Promise<void> {
  for (const name of names) {
    if (STORED_NAME.test(name)) await storage.delete(keyOf(name));
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
