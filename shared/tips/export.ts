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
    status: str(item.status) ?? 'new',
    assignee: str(item.assignee),
    duplicates: typeof item.duplicates === 'number' ? item.duplicates : 0,
    language: str(item.detectedLanguage) ?? str(item.language),
    text: String(item.text ?? ''),
  };
}

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export const csvHeader = (): string => `${EXPORT_COLUMNS.join(',')}\r\n`;

export const csvLine = (row: ExportRow): string => `${EXPORT_COLUMNS.map((column) => csvCell(row[column])).join(',')}\r\n`;

export const jsonLine = (row: ExportRow): string => `${JSON.stringify(row)}\n`;
