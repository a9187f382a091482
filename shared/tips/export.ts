import { stripInvisible } from '../text/normalise.ts';
import { statusOf } from './transitions.ts';

/**
 * Export rows as CSV or JSON Lines. Tip text is public input, so a CSV cell
 * that a spreadsheet would read as a formula (=, +, -, @, tab, CR) is
 * neutralised with a leading apostrophe, and every cell is quoted.
 */
export const EXPORT_COLUMNS = [
  'tipId',
  'objectId',
  'submittedAt',
  'queue',
  'country',
  'confidence',
  'status',
  'assignee',
  'duplicates',
  'language',
  'text',
  'candidates',
  'evidence',
  'notes',
] as const;

export type ExportRow = Record<(typeof EXPORT_COLUMNS)[number], string | number | null>;

export function toExportRow(item: Record<string, unknown>): ExportRow {
  const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);
  return {
    tipId: String(item.tipId),
    objectId: String(item.objectId),
    submittedAt: String(item.submittedAt),
    queue: str(item.queue),
    country: str(item.country),
    confidence: typeof item.confidence === 'number' ? item.confidence : null,
    status: statusOf(item.status),
    assignee: str(item.assignee),
    duplicates: typeof item.duplicates === 'number' ? item.duplicates : 0,
    language: str(item.detectedLanguage) ?? str(item.language),
    text: String(item.text ?? ''),
    candidates: candidatesCell(item.candidates),
    evidence: evidenceCell(item.candidates, str(item.queue)),
    notes: notesCell(item.notes),
  };
}

interface StoredCandidate {
  country?: unknown;
  score?: unknown;
  evidence?: { kind?: unknown; text?: unknown }[];
}

const asList = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);

/** The classifier's candidates as `PT 0.91; ES 0.05`. */
function candidatesCell(candidates: unknown): string {
  return asList<StoredCandidate>(candidates)
    .map((candidate) => `${String(candidate.country)} ${typeof candidate.score === 'number' ? candidate.score.toFixed(2) : '–'}`)
    .join('; ');
}

/** The evidence for the country the tip is routed to, as `kind: text; …` (the language prior left out: it is no evidence to act on). */
function evidenceCell(candidates: unknown, queue: string | null): string {
  const routed = asList<StoredCandidate>(candidates).find((candidate) => candidate.country === queue);
  return asList<{ kind?: unknown; text?: unknown }>(routed?.evidence)
    .filter((span) => span.kind !== 'language')
    .map((span) => (typeof span.text === 'string' && span.text !== '' ? `${String(span.kind)}: ${span.text}` : String(span.kind)))
    .join('; ');
}

/** Investigators' notes, oldest first, as `<at> <by>: <text>`, separated by ` | `. */
function notesCell(notes: unknown): string {
  return asList<{ at?: unknown; by?: unknown; text?: unknown }>(notes)
    .map((note) => `${String(note.at)} ${String(note.by)}: ${String(note.text)}`)
    .join(' | ');
}

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * The text from its first visible character on: leading invisible characters
 * (the deduplicator's list: zero-width characters, BOM, bidi marks, soft
 * hyphen, fillers) and spaces of any kind are skipped, but not a tab or CR,
 * which a spreadsheet may itself read as a formula start.
 */
function fromFirstVisible(text: string): string {
  const chars = [...text];
  let start = 0;
  while (start < chars.length && !/[\t\r]/.test(chars[start]!) && stripInvisible(chars[start]!).trim() === '') start += 1;
  return chars.slice(start).join('');
}

/**
 * Whether a spreadsheet could take the cell for a formula: its first visible
 * character, after NFKC (full-width ＝ ＋ － ＠ and small ﹦ ﹢ ﹣ fold to
 * = + - @), starts one.
 */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text) || FORMULA_START.test(fromFirstVisible(text.normalize('NFKC')));
}

export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && looksLikeFormula(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export const csvHeader = (): string => `${EXPORT_COLUMNS.join(',')}\r\n`;

export const csvLine = (row: ExportRow): string => `${EXPORT_COLUMNS.map((column) => csvCell(row[column])).join(',')}\r\n`;

export const jsonLine = (row: ExportRow): string => `${JSON.stringify(row)}\n`;
