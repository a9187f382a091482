import sharp from 'sharp';

/** Degrees to the EXIF rational triple libvips writes ("38/1 43/1 2028/100"). */
function rational(value: number): string {
  const abs = Math.abs(value);
  const degrees = Math.floor(abs);
  const minutes = Math.floor((abs - degrees) * 60);
  const seconds = Math.round(((abs - degrees) * 60 - minutes) * 60 * 100);
  return `${degrees}/1 ${minutes}/1 ${seconds}/100`;
}

/**
 * A photo made in the test: a few coloured shapes (so a perceptual hash has structure), with
 * EXIF GPS, capture time and camera make written by sharp (libvips' EXIF writer), and an XMP packet.
 */
export async function photoWithGps(options: { lat: number; lon: number; seed?: number; quality?: number; make?: string }): Promise<Buffer> {
  const seed = options.seed ?? 1;
  const svg = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="240"><rect width="320" height="240" fill="rgb(${(seed * 70) % 255},120,200)"/>` +
      `<circle cx="${80 + ((seed * 37) % 160)}" cy="120" r="60" fill="rgb(250,${(seed * 90) % 255},40)"/><rect x="200" y="${30 + ((seed * 53) % 120)}" width="90" height="70" fill="rgb(20,40,60)"/></svg>`,
  );
  return sharp(svg)
    .jpeg({ quality: options.quality ?? 90 })
    .withExif({
      IFD0: { Make: options.make ?? 'TiplineTestCam', DateTime: '2026:05:01 10:11:12' },
      IFD2: { DateTimeOriginal: '2026:05:01 10:11:12' },
      IFD3: {
        GPSLatitudeRef: options.lat >= 0 ? 'N' : 'S',
        GPSLatitude: rational(options.lat),
        GPSLongitudeRef: options.lon >= 0 ? 'E' : 'W',
        GPSLongitude: rational(options.lon),
      },
    })
    .withXmp('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmp:CreatorTool="tipline-test"/></rdf:RDF></x:xmpmeta>')
    .toBuffer();
}

/** The same picture re-encoded at another quality and size, metadata dropped: what a messenger app sends on. */
export async function recompressed(jpeg: Buffer, quality = 55): Promise<Buffer> {
  return sharp(jpeg).resize({ width: 280 }).jpeg({ quality }).toBuffer();
}

/** A one-page PDF with a text layer (Helvetica, one line), byte offsets computed so PDF.js needs no repair. */
export function pdfWithText(line: string): Buffer {
  return pdfWithTextAndMetadata(line);
}

/**
 * The same PDF, optionally with what a word processor leaves in a file: an Info dictionary
 * (`info`: Author, Producer, …) and an XMP metadata stream named by the catalog (`xmp`).
 */
export function pdfWithTextAndMetadata(line: string, metadata: { info?: Record<string, string>; xmp?: string } = {}): Buffer {
  const escaped = line.replace(/[\\()]/g, (c) => `\\${c}`);
  const stream = `BT /F1 12 Tf 40 700 Td (${escaped}) Tj ET`;
  const pdfString = (value: string) => `(${value.replace(/[\\()]/g, (c) => `\\${c}`)})`;
  const extra: string[] = [];
  if (metadata.xmp !== undefined) extra.push(`<< /Type /Metadata /Subtype /XML /Length ${Buffer.byteLength(metadata.xmp)} >>\nstream\n${metadata.xmp}\nendstream`);
  if (metadata.info !== undefined) extra.push(`<< ${Object.entries(metadata.info).map(([k, v]) => `/${k} ${pdfString(v)}`).join(' ')} >>`);
  const xmpRef = metadata.xmp === undefined ? '' : ' /Metadata 6 0 R';
  const infoRef = metadata.info === undefined ? '' : ` /Info ${metadata.xmp === undefined ? 6 : 7} 0 R`;
  const objects = [
    `<< /Type /Catalog /Pages 2 0 R${xmpRef} >>`,
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    ...extra,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${infoRef} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
