import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { functions } from '#shared/resources.ts';
import { TiplineNagChecks } from '#infra/nag-suppressions.ts';
import { buildTipline } from '#infra/tipline.ts';
import { cdkJsonContext } from './helpers.ts';

const outdir = mkdtempSync(join(tmpdir(), 'tipline-synth-'));
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

/** What `cdk synth` does: esbuild bundles every function and cdk-nag validates. */
describe('full synth', () => {
  it('bundles every function as an ESM asset and passes cdk-nag', { timeout: 180_000 }, () => {
    // Prepare
    const app = new App({ outdir, context: { ...cdkJsonContext } });
    Validations.of(app).addPlugins(new TiplineNagChecks(app));
    const { stateless } = buildTipline(app, { region: 'eu-west-1' });
    // Act
    const assembly = app.synth();
    // Assess
    const manifest = JSON.parse(readFileSync(join(outdir, `${stateless.artifactId}.assets.json`), 'utf8')) as {
      files: Record<string, { source: { path: string } }>;
    };
    const bundles = Object.values(manifest.files).filter((file) => existsSync(join(outdir, file.source.path, 'index.mjs')));
    const validation = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8')) as {
      pluginReports: { violations?: unknown[] }[];
    };
    expect({
      bundles: bundles.length,
      stacks: assembly.stacks.length,
      violations: validation.pluginReports.flatMap((report) => report.violations ?? []),
    }).toEqual({ bundles: Object.keys(functions).length, stacks: 4, violations: [] });
  });
});
