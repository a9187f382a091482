/**
 * A JPEG's metadata segments removed losslessly (issue 15): the marker segments are walked and
 * copied, the compressed image data byte for byte, so nothing is re-encoded and the picture is
 * exactly the one the tipster sent. Used on the JPEG images inside a PDF (DCTDecode streams),
 * whose viewing copy is the PDF re-written rather than re-rendered.
 *
 * Dropped: APP1 (EXIF with GPS and capture time, XMP), APP13 (Photoshop resources, IPTC), COM
 * (free text), APP0 extensions other than JFIF (JFXX carries a thumbnail), APP2 other than the
 * ICC profile (MPF holds further whole images with their own EXIF; FlashPix), APP3..APP13 and
 * APP15 (vendor blocks: Meta, Samsung, Ricoh, Qualcomm...), and anything after the end-of-image
 * marker (a Motion Photo's MP4, a trailer); a JFIF APP0 that carries a thumbnail goes whole (a
 * decoder does not need it). Kept: JFIF APP0 without a thumbnail (pixel density only), the ICC
 * profile in APP2 (the colours: it describes a colour space, not the photo or its taker, and a
 * CMYK JPEG is unreadable without it), Adobe APP14 (says whether the data is RGB, YCbCr or YCCK;
 * without it CMYK JPEGs decode with wrong colours), and every segment the decoder needs
 * (SOFn, DHT, DQT, DRI, DNL, SOS, DAC, the scans, RSTn).
 */

const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;

const latin1 = (bytes: Uint8Array, from: number, length: number): string => String.fromCharCode(...bytes.subarray(from, from + length));

/** Whether the segment at `at` (its marker byte, its payload after the two length bytes) is kept. */
function keeps(marker: number, payload: Uint8Array): boolean {
  if (marker === 0xfe) return false; // COM
  if (marker < 0xe0 || marker > 0xef) return true; // not APPn: needed to decode
  // JFIF: density only, unless it carries a thumbnail (bytes 12-13, its width and height), which may show the uncropped photo.
  if (marker === 0xe0) return latin1(payload, 0, 5) === 'JFIF\0' && payload.length >= 14 && payload[12] === 0 && payload[13] === 0;
  if (marker === 0xe2) return latin1(payload, 0, 12) === 'ICC_PROFILE\0';
  if (marker === 0xee) return latin1(payload, 0, 5) === 'Adobe';
  return false;
}

/**
 * The same JPEG without its metadata segments, or null when the bytes are not a JPEG this walker
 * can follow to its end-of-image marker (the caller then has no clean copy, rather than a guess).
 */
export function stripJpegMetadata(bytes: Uint8Array): Uint8Array | null {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== SOI) return null;
  const out: Uint8Array[] = [bytes.subarray(0, 2)];
  let at = 2;
  for (;;) {
    // Fill bytes (0xFF repeated) may precede a marker.
    if (at >= bytes.length || bytes[at] !== 0xff) return null;
    while (at < bytes.length && bytes[at] === 0xff) at++;
    if (at >= bytes.length) return null;
    const marker = bytes[at]!;
    at++;
    if (marker === EOI) {
      out.push(Uint8Array.of(0xff, EOI));
      break; // whatever follows the image is not the image
    }
    if (marker === 0x01) {
      out.push(Uint8Array.of(0xff, marker)); // TEM: a marker with no length
      continue;
    }
    // A stuffed zero or a restart outside a scan, a second SOI: not a well-formed stream.
    if (marker === 0x00 || marker === SOI || (marker >= 0xd0 && marker <= 0xd7)) return null;
    if (at + 2 > bytes.length) return null;
    const length = (bytes[at]! << 8) | bytes[at + 1]!;
    if (length < 2 || at + length > bytes.length) return null;
    const payload = bytes.subarray(at + 2, at + length);
    if (keeps(marker, payload)) out.push(bytes.subarray(at - 2, at + length));
    at += length;
    if (marker !== SOS) continue;
    // Entropy-coded data: runs until a 0xFF not followed by a stuffed 0x00 or a restart marker.
    const start = at;
    while (at < bytes.length) {
      if (bytes[at] === 0xff && at + 1 < bytes.length) {
        const next = bytes[at + 1]!;
        if (next === 0x00 || (next >= 0xd0 && next <= 0xd7)) {
          at += 2;
          continue;
        }
        if (next === 0xff) {
          at++;
          continue;
        }
        break;
      }
      at++;
    }
    if (at >= bytes.length) return null;
    out.push(bytes.subarray(start, at));
  }
  const total = out.reduce((n, part) => n + part.length, 0);
  const result = new Uint8Array(total);
  let offset = 0;
  for (const part of out) {
    result.set(part, offset);
    offset += part.length;
  }
  return result;
}
