/**
 * A PDF's viewing copy (issue 15): the file re-written by pdf-lib (the maintained @cantoo fork,
 * pure JS, offline) without the document's metadata: the trailer's Info dictionary (Author,
 * Producer, Creator, dates) and every XMP metadata stream (the catalog's, and any on a page,
 * image or font: any dictionary's /Metadata). pdf-lib writes every object it holds, named or
 * not, so the metadata objects are deleted from the document, not only unlinked.
 *
 * The images inside keep their pixels but not their own metadata: a phone photo pasted into a
 * PDF is a DCTDecode stream holding the whole JPEG, EXIF GPS and all. Its metadata segments are
 * cut out losslessly (jpeg-strip.ts), so the picture is byte for byte the one in the original.
 * Images the copy cannot vouch for make the file original-only (no copy, so the console shows
 * none; coordinators still get the original):
 * - JPXDecode (JPEG 2000): its boxes can hold XMP and EXIF (uuid/xml boxes), and neither sharp's
 *   prebuilt libvips (no OpenJPEG) nor pdf-lib can re-encode or re-write it.
 * - a DCTDecode stream behind another filter ([/FlateDecode /DCTDecode]) or one the walker
 *   cannot follow: rare, and a guess would be worse than no copy.
 * - an inline JPEG image (`BI … /F /DCT … ID … EI` inside a content stream): its bytes sit in the
 *   page's drawing operators, where nothing here re-writes them.
 * - an embedded file (an attachment inside the PDF, /EmbeddedFile or a file specification's /EF):
 *   it is a whole other file, with whatever metadata it carries.
 * Other image encodings (Flate/LZW raw samples, CCITT, JBIG2, RunLength) hold only pixels.
 */
import type { PDFDocument, PDFRawStream as PDFRawStreamType } from '@cantoo/pdf-lib';
import { stripJpegMetadata } from './jpeg-strip.ts';

/** The metadata-free copy, or null when pdf-lib cannot read the file (encrypted, damaged) or an image in it cannot be cleaned. */
export async function cleanPdf(bytes: Uint8Array): Promise<Uint8Array | null> {
  // Loaded on the first PDF only: pdf-lib is ~450 KB, installed beside the dedupe bundle (FunctionDef.nodeModules),
  // so a cold start without a PDF does not parse it.
  const { PDFArray, PDFDict, PDFDocument, PDFInvalidObject, PDFName, PDFRawStream, PDFRef, PDFStream, decodePDFRawStream } = await import('@cantoo/pdf-lib');
  const METADATA = PDFName.of('Metadata');
  const FILTER = PDFName.of('Filter');
  const TYPE = PDFName.of('Type');
  const EMBEDDED_FILE = PDFName.of('EmbeddedFile');
  const EF = PDFName.of('EF');
  const PIECE_INFO = PDFName.of('PieceInfo');
  const RECT = PDFName.of('Rect');
  const SUBTYPE = PDFName.of('Subtype');
  const AUTHOR = PDFName.of('T');
  const MODIFIED = PDFName.of('M');
  let doc: PDFDocument;
  try {
    // updateMetadata: false, or pdf-lib writes its own Producer and dates into a new Info dictionary.
    doc = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: false });
  } catch {
    return null;
  }
  const { context } = doc;
  const info = context.trailerInfo.Info;
  if (info instanceof PDFRef) context.delete(info);
  context.trailerInfo.Info = undefined;
  // The trailer's /ID fingerprints the file: it would link the copy to the tipster's other copies of the document.
  context.trailerInfo.ID = undefined;
  for (const [ref, object] of context.enumerateIndirectObjects()) {
    // An object pdf-lib could not parse would be written back byte for byte, a JPEG with its EXIF perhaps: no copy.
    if (object instanceof PDFInvalidObject) return null;
    const dict = object instanceof PDFStream ? object.dict : object instanceof PDFDict ? object : undefined;
    if (dict === undefined) continue;
    // An editing application's private data, and an annotation's author (/T) and modification date (/M).
    dict.delete(PIECE_INFO);
    if (dict.has(RECT) && dict.has(SUBTYPE)) {
      dict.delete(AUTHOR);
      dict.delete(MODIFIED);
    }
    const metadata = dict.get(METADATA);
    if (metadata !== undefined) {
      if (metadata instanceof PDFRef) context.delete(metadata);
      dict.delete(METADATA);
    }
    if (dict.has(EF) || dict.get(TYPE) === EMBEDDED_FILE) return null;
    if (!(object instanceof PDFRawStream)) continue;
    // Any stream, not only /Subtype /Image: the filter is what says the bytes are a JPEG (a Form or a
    // thumbnail /Thumb can be one too). A filter array names the filters in the order they were applied.
    const filter = context.lookup(dict.get(FILTER));
    const names = filter instanceof PDFName ? [filter] : filter instanceof PDFArray ? filter.asArray().map((f) => context.lookup(f)) : [];
    const filters = names.map((name) => (name instanceof PDFName ? name.decodeText() : ''));
    if (filters.some((name) => name === 'JPXDecode')) return null;
    const dct = filters.findIndex((name) => name === 'DCTDecode' || name === 'DCT');
    if (dct === -1) {
      if (hasInlineJpeg(object, filters, decodePDFRawStream)) return null;
      continue;
    }
    if (filters.length !== 1) return null;
    const stripped = stripJpegMetadata(object.contents);
    if (stripped === null) return null;
    // A new stream object under the same reference: save() writes /Length from the new contents.
    context.assign(ref, PDFRawStream.of(dict, stripped));
  }
  // save() writes a new file (no incremental update), so nothing of the old trailer or xref survives.
  return doc.save({ useObjectStreams: false, updateFieldAppearances: false });
}

/** Filters pdf-lib decodes; a stream behind any other (an image codec) holds no drawing operators. */
const DECODABLE = new Set(['FlateDecode', 'Fl', 'LZWDecode', 'LZW', 'ASCII85Decode', 'A85', 'ASCIIHexDecode', 'AHx', 'RunLengthDecode', 'RL']);

/**
 * Whether a stream's operators hold an inline image whose filter is DCT (a JPEG, with whatever
 * EXIF it had). Any stream, not only a page's /Contents: a Form XObject draws too. A stream that
 * cannot be decoded, or bytes that only look like an inline image, make the file original-only,
 * the safe side.
 */
function hasInlineJpeg(stream: PDFRawStreamType, filters: readonly string[], decode: (s: PDFRawStreamType) => { decode(): Uint8Array }): boolean {
  if (!filters.every((name) => DECODABLE.has(name))) return false;
  let bytes: Uint8Array;
  try {
    bytes = filters.length === 0 ? stream.contents : decode(stream).decode();
  } catch {
    return true;
  }
  // Latin-1 keeps one character per byte, so the operator search cannot be thrown off by invalid UTF-8.
  const text = Buffer.from(bytes).toString('latin1');
  for (const match of text.matchAll(/(?:^|[\s\]>)])BI\s([\s\S]*?)\sID[\s\x00]/g)) {
    if (/\/(?:F|Filter)\s*(?:\[[^\]]*)?\/DCT/.test(match[1]!)) return true;
  }
  return false;
}
