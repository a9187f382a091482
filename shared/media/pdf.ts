/**
 * A PDF's text layer (issue 15), classified like tip text: unpdf, PDF.js built for serverless
 * runtimes (pure JS, eval off). Loaded on the first PDF only, so a photo-only batch does not pay
 * for it. A scanned PDF without a text layer yields '' (no OCR). Only the first pages are read.
 */
import { limits } from '../resources.ts';

const MAX_PAGES = 20;
/** Characters of a PDF's text layer passed to the classifier: as many as a tip's own text. */
export const MAX_PDF_TEXT = limits.maxTipChars;

export async function pdfText(bytes: Uint8Array, maxChars: number): Promise<string> {
  try {
    const { getDocumentProxy } = await import('unpdf');
    // PDF.js takes ownership of (detaches) the buffer it is given: hand it a copy.
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    const parts: string[] = [];
    let length = 0;
    for (let page = 1; page <= Math.min(pdf.numPages, MAX_PAGES) && length < maxChars; page++) {
      const content = await (await pdf.getPage(page)).getTextContent();
      const text = content.items.map((item) => ('str' in item ? item.str : '')).join(' ').replace(/\s+/g, ' ').trim();
      if (text !== '') {
        parts.push(text);
        length += text.length + 1;
      }
    }
    await pdf.destroy();
    return parts.join('\n').slice(0, maxChars);
  } catch {
    return ''; // An unreadable PDF has no text to classify; its original is kept all the same.
  }
}
