import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Issue 17: the pages mirror for right-to-left languages because their styles
 * name sides by reading direction (inline-start/end), never by left/right. A
 * physical side in any stylesheet would stay put when `dir="rtl"` flips the rest.
 */
const STYLES = resolve(import.meta.dirname, '../../../web/src/styles');

/** Declarations that pin something to a physical side of the screen. */
const PHYSICAL = [
  /(?:^|[;{\s])(?:margin|padding|border)-(?:left|right)(?:-\w+)?\s*:/,
  /(?:^|[;{\s])(?:left|right)\s*:/,
  /(?:^|[;{\s])(?:text-align|float|clear)\s*:\s*(?:left|right)\b/,
  /(?:^|[;{\s])border-(?:top|bottom)-(?:left|right)-radius\s*:/,
];

/** A four-value `margin`/`padding`/`inset` whose right and left differ ("0 1rem 0 0") is a physical side too. */
function asymmetricShorthand(line: string): boolean {
  for (const match of line.matchAll(/(?:^|[;{\s])(?:margin|padding|inset)\s*:\s*([^;}!]+)/g)) {
    const values = match[1]!.trim().split(/\s+/);
    if (values.length === 4 && values[1] !== values[3]) return true;
  }
  return false;
}

const isPhysical = (line: string): boolean => PHYSICAL.some((pattern) => pattern.test(line)) || asymmetricShorthand(line);

/** A stylesheet's declarations, comments removed, as `file:line: text`. */
function physicalDeclarations(file: string): string[] {
  const css = readFileSync(join(STYLES, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '));
  return css.split('\n').flatMap((line, index) => (isPhysical(line) ? [`${file}:${index + 1}: ${line.trim()}`] : []));
}

describe('stylesheets', () => {
  it('finds a physical side when there is one (the check can fail)', () => {
    // Prepare / Act: the patterns against a few declarations, physical and logical.
    const flagged = ['.a { margin-left: 1rem; }', '.b { padding-right: 0 }', '.c { text-align: left; }', '.d { left: 0; }', '.e{border-right-width:1px}', '.f { margin: 0.25rem 1rem 0.25rem 0; }'];
    const allowed = ['.a { margin-inline-start: 1rem; }', '.c { text-align: start; }', '.d { inset-inline-start: 0; }', '.e { border-inline-end: 1px solid; }', '.f { top: 0; }', '.g { margin: 0 1rem 0 1rem; }', '.h { padding: 0.5rem 1rem; }'];

    // Assess
    for (const line of flagged) expect(isPhysical(line), line).toBe(true);
    for (const line of allowed) expect(isPhysical(line), line).toBe(false);
  });

  it.each(readdirSync(STYLES).filter((file) => file.endsWith('.css')))('%s names sides by reading direction only (logical properties)', (file) => {
    expect(physicalDeclarations(file)).toEqual([]);
  });
});
