/**
 * How the local stack serves a stored upload (object images under /media and
 * presigned downloads under /_s3) from the site's own origin, where a signed-in
 * investigator's token lives. An upload is the uploader's bytes, whatever type
 * it declared: only bytes that really are a JPEG, PNG or WebP are shown
 * inline, as that type; anything else is a download of an opaque type. Every
 * answer forbids sniffing and runs in a sandbox with no permissions, so even
 * a file a browser opened as a page could run nothing on this origin.
 */

export const MEDIA_CSP = "default-src 'none'; sandbox";

/** Raster formats a browser only ever decodes as an image, and their leading bytes. */
const RASTER_SIGNATURES: readonly { readonly type: string; readonly matches: (head: Uint8Array) => boolean }[] = [
  { type: 'image/jpeg', matches: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { type: 'image/png', matches: (b) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((byte, index) => b[index] === byte) },
  {
    type: 'image/webp',
    matches: (b) => ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP',
  },
];

/** Types that no browser executes, kept on a download so the file opens in the right program. */
const DOWNLOAD_TYPES = new Set(['application/pdf', 'text/csv', 'application/x-ndjson']);

/** Bytes needed to recognise a raster format. */
export const SNIFF_BYTES = 12;

function ascii(bytes: Uint8Array, start: number, end: number): string {
  return String.fromCharCode(...bytes.subarray(start, end));
}

/** The raster type the bytes start with, or null. */
export function rasterTypeOf(head: Uint8Array): string | null {
  return RASTER_SIGNATURES.find((signature) => signature.matches(head))?.type ?? null;
}

/** A filename safe inside a quoted header parameter, or the fallback. */
function safeFilename(disposition: string | undefined, fallback: string): string {
  const name = /filename="([A-Za-z0-9._-]{1,100})"/.exec(disposition ?? '')?.[1];
  return name ?? fallback;
}

/**
 * Response headers for a stored object: `storedType` and `storedDisposition`
 * are what the uploader (or an export) recorded, `head` the object's first
 * bytes, `key` its name (the fallback filename).
 */
export function mediaHeaders(storedType: string | undefined, storedDisposition: string | undefined, head: Uint8Array, key: string): Record<string, string> {
  const declared = (storedType ?? '').split(';')[0]!.trim().toLowerCase();
  const raster = rasterTypeOf(head);
  const common = { 'x-content-type-options': 'nosniff', 'content-security-policy': MEDIA_CSP, 'referrer-policy': 'no-referrer', 'cross-origin-resource-policy': 'same-origin' };
  // Bytes that are a raster image are served as what they are, whatever was declared.
  if (raster !== null) return { 'content-type': raster, ...common };
  const type = DOWNLOAD_TYPES.has(declared) ? declared : 'application/octet-stream';
  const fallback = (key.split('/').pop() ?? 'download').replace(/[^A-Za-z0-9._-]/g, '_') || 'download';
  return { 'content-type': type, 'content-disposition': `attachment; filename="${safeFilename(storedDisposition, fallback)}"`, ...common };
}
