/**
 * A PDF's viewing copy (issue 15): the file re-written by pdf-lib (the maintained @cantoo fork,
 * pure JS, offline) without the document's metadata: the trailer's Info dictionary (Author,
 * Producer, Creator, dates) and every XMP metadata stream (the catalog's, and any on a page,
 * image or font: any dictionary's /Metadata). pdf-lib writes every object it holds, named or
 * not, so the metadata objects are deleted from the document, not only unlinked. Pages, text
 * and images are kept as they are: an image embedded in the PDF keeps whatever its own bytes
 * hold (not re-encoded here).
 */
import type { PDFDocument } from '@cantoo/pdf-lib';

/** The metadata-free copy, or null when pdf-lib cannot read the file (encrypted, damaged). */
export async function cleanPdf(bytes: Uint8Array): Promise<Uint8Array | null> {
  // Loaded on the first PDF only: pdf-lib is ~450 KB, installed beside the dedupe bundle (FunctionDef.nodeModules),
  // so a cold start without a PDF does not parse it.
  const { PDFDict, PDFDocument, PDFName, PDFRef, PDFStream } = await import('@cantoo/pdf-lib');
  const METADATA = PDFName.of('Metadata');
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
  for (const [, object] of context.enumerateIndirectObjects()) {
    const dict = object instanceof PDFStream ? object.dict : object instanceof PDFDict ? object : undefined;
    const metadata = dict?.get(METADATA);
    if (dict === undefined || metadata === undefined) continue;
    if (metadata instanceof PDFRef) context.delete(metadata);
    dict.delete(METADATA);
  }
  // save() writes a new file (no incremental update), so nothing of the old trailer or xref survives.
  return doc.save({ useObjectStreams: false, updateFieldAppearances: false });
}
