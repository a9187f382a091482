/**
 * A PDF's viewing copy keeps no metadata of the images inside it (issue 15): a phone photo pasted
 * into a PDF is a DCTDecode stream holding the whole JPEG, EXIF GPS included. The copy must hold
 * the same picture without its EXIF/XMP, and any /Metadata stream on any object must be gone.
 */
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, decodePDFRawStream } from '@cantoo/pdf-lib';
import exifr from 'exifr';
import sharp from 'sharp';
import { getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { processAttachment } from '#shared/media/process.ts';
import { photoWithGps } from '../../support/files.ts';

const LISBON = { lat: 38.7223, lon: -9.1393 };

/** Every stream of a PDF, decompressed where pdf-lib can (Flate, LZW, ...), raw otherwise (DCT, JPX). */
async function streamsOf(bytes: Uint8Array): Promise<{ filter: string; data: Buffer }[]> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const out: { filter: string; data: Buffer }[] = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream)) continue;
    const filter = String(object.dict.get(PDFName.of('Filter')) ?? '');
    const data = filter === '' || filter.includes('DCT') || filter.includes('JPX') ? object.contents : decodePDFRawStream(object).decode();
    out.push({ filter, data: Buffer.from(data) });
  }
  return out;
}

async function pdfWithPhoto(jpeg: Buffer, options: { imageXmp?: boolean } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const image = await doc.embedJpg(jpeg);
  const page = doc.addPage([400, 300]);
  page.drawImage(image, { x: 40, y: 30, width: 320, height: 240 });
  if (options.imageXmp === true) {
    // A /Metadata stream on the image XObject itself, as Acrobat writes for placed photos.
    const xmp = doc.context.stream('<x:xmpmeta xmlns:x="adobe:ns:meta/"><exif:GPSLatitude>38,43.338N</exif:GPSLatitude></x:xmpmeta>', { Type: 'Metadata', Subtype: 'XML' });
    await doc.save(); // embeds the image so its ref resolves
    const stream = doc.context.lookup(image.ref) as PDFRawStream;
    stream.dict.set(PDFName.of('Metadata'), doc.context.register(xmp));
  }
  return doc.save();
}

describe('the viewing copy of a PDF holding a photo', () => {
  it('keeps the picture and drops the photo’s EXIF GPS and XMP', async () => {
    // Prepare
    const jpeg = await photoWithGps({ ...LISBON, make: 'TipsterPhone' });
    const original = await pdfWithPhoto(jpeg, { imageXmp: true });
    const before = (await streamsOf(original)).map((s) => s.data);
    expect(before.some((d) => d.includes('Exif\0\0')), 'the test PDF must carry the photo’s EXIF').toBe(true);
    expect(before.some((d) => d.includes('GPSLatitude')), 'the test PDF must carry XMP on the image').toBe(true);

    // Act
    const processed = await processAttachment('attachments/2026-12-03/photo.pdf', original, 'application/pdf', 'local');

    // Assess
    expect(processed.viewing?.contentType).toBe('application/pdf');
    const copy = processed.viewing!.bytes;
    const streams = await streamsOf(copy);
    for (const marker of ['Exif\0\0', 'http://ns.adobe.com/xap/1.0/', 'xmpmeta', 'GPSLatitude', 'TipsterPhone', 'tipline-test']) {
      expect(Buffer.from(copy).includes(marker), `the copy's bytes must not contain ${JSON.stringify(marker)}`).toBe(false);
      for (const { data } of streams) expect(data.includes(marker), `no stream of the copy may contain ${JSON.stringify(marker)}`).toBe(false);
    }
    const images = streams.filter((s) => s.filter.includes('DCTDecode'));
    expect(images).toHaveLength(1);
    const picture = images[0]!.data;
    expect(await exifr.gps(picture).catch(() => undefined)).toBeUndefined();
    expect(await sharp(picture).metadata()).toMatchObject({ width: 320, height: 240, format: 'jpeg' });
    // The pixels are the photo's own (no re-encode): the same decoded raster.
    const [a, b] = await Promise.all([sharp(jpeg).raw().toBuffer(), sharp(picture).raw().toBuffer()]);
    expect(a.equals(b)).toBe(true);
    const pdf = await getDocumentProxy(new Uint8Array(copy));
    const page = await pdf.getPage(1);
    const ops = await page.getOperatorList();
    expect(ops.fnArray.length).toBeGreaterThan(0);
  });

  it.each([
    ['a JPEG 2000 image (JPXDecode: its boxes can hold XMP, and nothing here can re-encode it)', ['JPXDecode']],
    ['a JPEG behind another filter ([/FlateDecode /DCTDecode])', ['FlateDecode', 'DCTDecode']],
  ])('has no viewing copy when it holds %s: original-only', async (_, filters) => {
    // Prepare
    const doc = await PDFDocument.create({ updateMetadata: false });
    const page = doc.addPage([200, 200]);
    const image = doc.context.stream(new Uint8Array([0, 0, 0, 12, 0x6a, 0x50, 0x20, 0x20]), {
      Type: 'XObject', Subtype: 'Image', Width: 1, Height: 1, BitsPerComponent: 8, ColorSpace: 'DeviceRGB', Filter: filters.length === 1 ? filters[0]! : filters,
    });
    page.node.setXObject(PDFName.of('Im1'), doc.context.register(image));
    const original = await doc.save();

    // Act
    const processed = await processAttachment('attachments/2026-12-03/jpx.pdf', original, 'application/pdf', 'local');

    // Assess
    expect(processed.record).toMatchObject({ type: 'application/pdf', sha256: expect.any(String) });
    expect(processed.record.viewingKey).toBeUndefined();
    expect(processed.viewing).toBeUndefined();
  });

  it.each([
    ['an inline JPEG image in a page’s content stream (BI /F /DCT … ID … EI)', 'inline'],
    ['an embedded file (a photo attached inside the PDF)', 'attachment'],
  ] as const)('has no viewing copy when it holds %s: original-only', async (_, kind) => {
    // Prepare: the photo's JPEG bytes, GPS EXIF included, where the viewing copy's image walk does not look
    const jpeg = await photoWithGps({ ...LISBON, seed: 5 });
    const doc = await PDFDocument.create({ updateMetadata: false });
    const page = doc.addPage([200, 200]);
    if (kind === 'inline') {
      const operators = Buffer.concat([Buffer.from('q 100 0 0 75 50 50 cm\nBI /W 320 /H 240 /CS /RGB /BPC 8 /F /DCT ID '), jpeg, Buffer.from('\nEI\nQ\n')]);
      page.node.set(PDFName.of('Contents'), doc.context.register(doc.context.flateStream(operators)));
    } else {
      await doc.attach(jpeg, 'towel.jpg', { mimeType: 'image/jpeg' });
    }
    const original = await doc.save();

    // Act
    const processed = await processAttachment('attachments/2026-12-03/hidden.pdf', original, 'application/pdf', 'local');

    // Assess
    expect(processed.record).toMatchObject({ type: 'application/pdf', sha256: expect.any(String) });
    expect(processed.record.viewingKey).toBeUndefined();
    expect(processed.viewing).toBeUndefined();
  });

  it('drops an annotation’s author and date, an editor’s private data and the file’s /ID fingerprint', async () => {
    // Prepare: a comment signed by the tipster, PieceInfo on the page, and a trailer /ID
    const doc = await PDFDocument.create({ updateMetadata: false });
    const page = doc.addPage([200, 200]);
    const note = doc.context.obj({ Type: 'Annot', Subtype: 'Text', Rect: [10, 10, 30, 30], Contents: PDFHexString.fromText('the towel'), T: PDFHexString.fromText('Anna Tipster'), M: PDFHexString.fromText('D:20261203101500') });
    page.node.set(PDFName.of('Annots'), doc.context.obj([doc.context.register(note)]));
    page.node.set(PDFName.of('PieceInfo'), doc.context.obj({ Editor: { Private: PDFHexString.fromText('EditorSecret') } }));
    doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of('0123456789abcdef'), PDFHexString.of('0123456789abcdef')]);
    const original = await doc.save();

    // Act
    const processed = await processAttachment('attachments/2026-12-03/annotated.pdf', original, 'application/pdf', 'local');

    // Assess: the copy keeps the comment's text, nothing of who wrote it, when, or with what
    const copy = await PDFDocument.load(processed.viewing!.bytes, { updateMetadata: false });
    const annots = copy.getPage(0).node.Annots()!;
    const kept = copy.context.lookup(annots.get(0)) as PDFDict;
    expect(kept.get(PDFName.of('Contents'))).toBeDefined();
    expect(kept.get(PDFName.of('T'))).toBeUndefined();
    expect(kept.get(PDFName.of('M'))).toBeUndefined();
    expect(copy.getPage(0).node.get(PDFName.of('PieceInfo'))).toBeUndefined();
    expect(copy.context.trailerInfo.ID).toBeUndefined();
  });

  it('still has a copy when its only images are raw samples (FlateDecode), which hold pixels and nothing else', async () => {
    // Prepare
    const doc = await PDFDocument.create({ updateMetadata: false });
    const page = doc.addPage([200, 200]);
    const image = doc.context.flateStream(new Uint8Array([255, 0, 0]), { Type: 'XObject', Subtype: 'Image', Width: 1, Height: 1, BitsPerComponent: 8, ColorSpace: 'DeviceRGB' });
    page.node.setXObject(PDFName.of('Im1'), doc.context.register(image));

    // Act
    const processed = await processAttachment('attachments/2026-12-03/flate.pdf', await doc.save(), 'application/pdf', 'local');

    // Assess
    expect(processed.viewing?.contentType).toBe('application/pdf');
  });
});
