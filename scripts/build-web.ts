import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { en as consoleEnglish } from '../web/src/i18n/console/en.ts';

/**
 * Builds the web front end: web/src → web/dist (index.html, console.html,
 * assets/*.js|css with content hashes, assets/config.json). No inline script
 * or style anywhere, so the pages run under the site's strict CSP.
 *
 *   npm run build:web      (node scripts/build-web.ts)
 */
const ROOT = resolve(import.meta.dirname, '..');

export interface BuildWebOptions {
  readonly root?: string;
  /** Output folder; default web/dist. */
  readonly outDir?: string;
  readonly sourcemap?: boolean;
}

const PAGES = [
  { name: 'public', entry: 'web/src/public/main.ts', html: 'web/src/index.html', out: 'index.html', texts: {} },
  // The console page's static words (`%t('key')%`) are its English catalogue's, so each is defined once.
  { name: 'console', entry: 'web/src/console/main.ts', html: 'web/src/console.html', out: 'console.html', texts: consoleEnglish },
] as const;

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Fills `%t('key')%` with the catalogue's text; an unknown key fails the build. */
function fillTexts(template: string, texts: Readonly<Record<string, unknown>>): string {
  return template.replace(/%t\('(\w+)'\)%/g, (_, key: string) => {
    const text = texts[key];
    if (typeof text !== 'string') throw new Error(`no text for %t('${key}')%`);
    return escapeHtml(text);
  });
}

export async function buildWeb(options: BuildWebOptions = {}): Promise<{ outDir: string; files: string[] }> {
  const root = options.root ?? ROOT;
  const outDir = options.outDir ?? join(root, 'web/dist');
  const assets = join(outDir, 'assets');
  await rm(outDir, { recursive: true, force: true });
  await mkdir(assets, { recursive: true });

  const result = await build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(PAGES.map((page) => [page.name, page.entry])),
    outdir: assets,
    entryNames: '[name]-[hash]',
    chunkNames: 'chunk-[hash]',
    assetNames: '[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    sourcemap: options.sourcemap ?? false,
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
    charset: 'utf8',
  });

  const files: string[] = [];
  for (const page of PAGES) {
    const { js, css } = outputsFor(result.metafile, root, join(root, page.entry));
    const template = await readFile(join(root, page.html), 'utf8');
    const html = fillTexts(template, page.texts).replace('%JS%', `/assets/${basename(js)}`).replace('%CSS%', css === undefined ? '' : `/assets/${basename(css)}`);
    if (css === undefined) throw new Error(`${page.entry} produced no CSS bundle`);
    await writeFile(join(outDir, page.out), html);
    files.push(page.out);
  }
  await copyFile(join(root, 'web/src/config.json'), join(assets, 'config.json'));
  files.push(...Object.keys(result.metafile.outputs).map((file) => relative(outDir, resolve(root, file))), 'assets/config.json');
  return { outDir, files };
}

function outputsFor(metafile: Metafile, root: string, entry: string): { js: string; css: string | undefined } {
  for (const [file, output] of Object.entries(metafile.outputs)) {
    if (output.entryPoint !== undefined && resolve(root, output.entryPoint) === entry) {
      return { js: file, css: output.cssBundle };
    }
  }
  throw new Error(`no output for ${entry}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { outDir, files } = await buildWeb();
  console.log(`web build → ${relative(process.cwd(), outDir) || outDir}: ${files.join(', ')}`);
}
