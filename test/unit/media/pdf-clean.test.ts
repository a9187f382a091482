/**
 * A PDF's viewing copy (issue 15): what investigators download is a re-written file with the
 * document's metadata gone (the Info dictionary: Author, Producer, Creator, …; every XMP
 * metadata stream), its pages and text layer kept. The original is left as uploaded.
 */
import { describe, expect, it } from 'vitest';
import { pdfText } from '#shared/media/pdf.ts';
import { processAttachment } from '#shared/media/process.ts';
import { pdfWithTextAndMetadata } from '../../support/files.ts';

const XMP =
  '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
  '<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Jane Tipster</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>';
const INFO = { Author: 'Jane Tipster', Producer: 'TipsterWriter 9.1', Creator: 'Home-PC-of-Jane', Title: 'receipt' };
const LINE = 'Supermercado Pingo Doce, Lisboa, Portugal. Total 12,40 EUR';

describe('the viewing copy of a PDF', () => {
  it('holds no Info dictionary and no XMP, and keeps the text layer', async () => {
    // Prepare
    const original = pdfWithTextAndMetadata(LINE, { info: INFO, xmp: XMP });
    for (const marker of ['/Author', '/Producer', 'Jane Tipster', 'TipsterWriter', 'x:xmpmeta']) expect(original.includes(marker), `the test PDF must carry ${marker}`).toBe(true);

    // Act
    const processed = await processAttachment('attachments/2026-12-03/abc.pdf', original, 'application/pdf', 'local');

    // Assess
    expect(processed.record).toMatchObject({ type: 'application/pdf', viewingKey: 'viewing/2026-12-03/abc.pdf', viewingType: 'application/pdf' });
    const copy = Buffer.from(processed.viewing!.bytes);
    expect(copy.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    for (const marker of ['/Author', '/Producer', '/Creator', '/Info', '/Metadata', 'Jane Tipster', 'TipsterWriter', 'Home-PC-of-Jane', 'xmpmeta', 'xpacket']) {
      expect(copy.includes(marker), `the viewing copy must not contain ${marker}`).toBe(false);
    }
    expect(await pdfText(copy, 1000)).toBe(LINE);
    expect(processed.text).toBe(LINE);
  });

  it('is made for a PDF without metadata too, and the original is not touched', async () => {
    // Prepare
    const original = pdfWithTextAndMetadata(LINE);
    const before = Buffer.from(original);

    // Act
    const processed = await processAttachment('attachments/2026-12-03/def.pdf', original, 'application/pdf', 'local');

    // Assess
    expect(processed.viewing?.contentType).toBe('application/pdf');
    expect(await pdfText(processed.viewing!.bytes, 1000)).toBe(LINE);
    expect(original.equals(before)).toBe(true);
  });
});
