/**
 * What a file is, from its first bytes (magic numbers), never from the type
 * the uploader declared: S3 checks the declared Content-Type against the
 * presigned policy, but any bytes can be sent under `image/jpeg`. A renamed
 * executable or an SVG (which carries script) must be refused by name.
 *
 * HEIC is not accepted: sharp's prebuilt libvips decodes AVIF only (HEVC is
 * not in it), and no maintained pure-JS HEIC decoder runs offline here, so
 * Tipline could neither strip a HEIC photo's metadata nor show it.
 */

/** The attachment types Tipline accepts (shared/resources.ts `limits.attachmentTypes`). */
export type AttachmentType = 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf';

/** Bytes enough to tell every type below apart (WebP needs 12, an SVG's root element may follow a prolog). */
export const SNIFF_BYTES = 512;

export type Sniffed =
  | { readonly ok: true; readonly type: AttachmentType }
  | { readonly ok: false; /** What the bytes look like, for the refusal message ("a Windows executable"). */ readonly looksLike: string };

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0): boolean =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);
const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

/** Known types that are refused, named so the tipster learns what went wrong. */
const REFUSED: readonly { readonly signature: readonly number[]; readonly at?: number; readonly name: string }[] = [
  { signature: ascii('MZ'), name: 'a Windows executable' },
  { signature: [0x7f, ...ascii('ELF')], name: 'an ELF executable' },
  { signature: [0xcf, 0xfa, 0xed, 0xfe], name: 'a macOS executable' },
  { signature: [0xca, 0xfe, 0xba, 0xbe], name: 'a macOS or Java executable' },
  { signature: ascii('#!'), name: 'a script' },
  { signature: ascii('PK'), name: 'a ZIP archive (or Office document)' },
  { signature: ascii('ftyp'), at: 4, name: 'a HEIC/AVIF or video file (not supported)' },
  { signature: ascii('GIF8'), name: 'a GIF image (not supported)' },
];

export function sniffType(bytes: Uint8Array): Sniffed {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { ok: true, type: 'image/jpeg' };
  if (startsWith(bytes, [0x89, ...ascii('PNG\r\n'), 0x1a, 0x0a])) return { ok: true, type: 'image/png' };
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return { ok: true, type: 'image/webp' };
  if (startsWith(bytes, ascii('%PDF-'))) return { ok: true, type: 'application/pdf' };
  for (const refused of REFUSED) if (startsWith(bytes, refused.signature, refused.at)) return { ok: false, looksLike: refused.name };
  // Text after an optional BOM and whitespace: an SVG or other XML/HTML is markup that can run script.
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, SNIFF_BYTES)).replace(/^\uFEFF/, '').trimStart().toLowerCase();
  if (/^<(\?xml|svg|!doctype svg)/.test(head) || head.includes('<svg')) return { ok: false, looksLike: 'an SVG image (it can carry script)' };
  if (head.startsWith('<')) return { ok: false, looksLike: 'an HTML or XML document' };
  return { ok: false, looksLike: 'an unknown type' };
}

/** The refusal a tipster reads: what was expected, what the bytes are, and whether the declared type disagreed. */
export function typeProblem(bytes: Uint8Array, declared: string | undefined): string | null {
  const sniffed = sniffType(bytes);
  if (!sniffed.ok) return `is not a JPEG, PNG, WebP or PDF file: its bytes are ${sniffed.looksLike}`;
  if (declared !== undefined && declared !== sniffed.type) return `was declared as ${declared} but its bytes are ${sniffed.type}`;
  return null;
}
