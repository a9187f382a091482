import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, csvHeader, csvLine, toExportRow } from '#shared/tips/export.ts';

/** The cell's content as a spreadsheet reads it (quotes removed). */
const unquote = (cell: string): string => cell.slice(1, -1).replace(/""/g, '"');

/** Characters a spreadsheet would start a formula with, directly or as NFKC folds them. */
const FORMULA_LEADS = ['=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20', '\uFE66', '\uFE62', '\uFE63'];
/** Invisible characters a cell can start with: zero-width space/joiners, word joiner, BOM, bidi marks, soft hyphen, no-break space. */
const INVISIBLE = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u200E', '\u200F', '\u202A', '\u202E', '\u2066', '\u00AD', '\u00A0', '\u3000'];

describe('CSV cells', () => {
  it('neutralises a formula behind any run of invisible characters, in ASCII or full width', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...INVISIBLE), { maxLength: 4 }),
        fc.constantFrom(...FORMULA_LEADS),
        fc.string(),
        (invisible, lead, rest) => {
          // Act
          const cell = unquote(csvCell(`${invisible.join('')}${lead}${rest}`));

          // Assess
          expect(cell.startsWith("'")).toBe(true);
        },
      ),
    );
  });

  it('leaves text that starts with a letter, digit or quote as it is', () => {
    fc.assert(
      fc.property(fc.constantFrom('a', 'Z', '7', 'é', '"', '('), fc.string(), (lead, rest) => {
        // Act
        const cell = unquote(csvCell(`${lead}${rest}`));

        // Assess
        expect(cell).toBe(`${lead}${rest}`);
      }),
    );
  });

  it('quotes every cell and doubles inner quotes', () => {
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell(0.5)).toBe('"0.5"');
    expect(csvCell(null)).toBe('');
  });
});

describe('export rows', () => {
  it('carry the candidates, the routed country\'s evidence, the notes, the assignee and the duplicate count, formula-safe', () => {
    // Prepare
    const item = {
      tipId: 'T1',
      objectId: 'obj-towel',
      submittedAt: '2026-12-01T10:00:00Z',
      queue: 'PT',
      country: 'PT',
      confidence: 0.91,
      status: 'in_review',
      assignee: 'ines',
      duplicates: 2,
      text: '=1+1 Bought in Porto',
      candidates: [
        { country: 'PT', score: 0.91, evidence: [{ kind: 'place', text: 'Porto', start: 10, end: 15 }] },
        { country: 'ES', score: 0.05, evidence: [{ kind: 'language', text: '', start: 0, end: 0 }] },
      ],
      notes: [{ at: '2026-12-01T11:00:00Z', by: 'ines', text: '=HYPERLINK("x")' }],
    };

    // Act
    const row = toExportRow(item);
    const line = csvLine(row);

    // Assess
    expect(csvHeader()).toContain('candidates,evidence,notes');
    expect(row).toMatchObject({ assignee: 'ines', duplicates: 2, candidates: 'PT 0.91; ES 0.05', evidence: 'place: Porto' });
    expect(row.notes).toBe('2026-12-01T11:00:00Z ines: =HYPERLINK("x")');
    expect(line).toContain('"ines"');
    expect(line).toContain(`"'=1+1 Bought in Porto"`);
  });
});
