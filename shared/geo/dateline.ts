/**
 * Datelines: a report opens with its place, then a comma and the date ("Danzig, 14. März.",
 * "Paris, 3 juin. —", "LONDON, Jan. 5"). The shape, not the place, is the evidence that the
 * name is the report's place, so it is read only right after a name at the start of a line.
 * Month names are CLDR's (generated/months.json, built by scripts/geo-data/months.ts).
 */
import monthJson from './generated/months.json' with { type: 'json' };
import { editDistance } from '../edit-distance.ts';
import { fold } from '../text/fold.ts';
import { unpackLines } from './unpack.ts';

let months: { names: ReadonlySet<string>; long: readonly string[] } | null = null;

function monthTable(): { names: ReadonlySet<string>; long: readonly string[] } {
  if (months === null) {
    const names = new Set<string>();
    for (const line of unpackLines(monthJson.months)) for (const w of line.slice(line.indexOf('\t') + 1).split(' ')) names.add(w);
    months = { names, long: [...names].filter((w) => w.length >= MIN_FUZZY) };
  }
  return months;
}

/** Shortest abbreviation read as a month ("Oct.", "Febr."): three letters. */
const MIN_ABBREVIATION = 3;
/** Month words this long may differ by OCR noise ("novernbre", "octobrc"): 1 edit, 2 from 8 letters. */
const MIN_FUZZY = 5;
const TWO_EDITS = 8;
const MAX_DAY = 31;

/** A month name in some language, an abbreviation of one, or (long words) one with OCR noise. */
export function isMonthWord(word: string): boolean {
  const w = fold(word);
  const { names, long } = monthTable();
  if (names.has(w)) return true;
  if (w.length < MIN_ABBREVIATION) return false;
  for (const n of long) {
    if (n.startsWith(w)) return true;
    if (w.length >= MIN_FUZZY && Math.abs(n.length - w.length) <= 2 && editDistance(w, n, w.length >= TWO_EDITS ? 2 : 1) <= (w.length >= TWO_EDITS ? 2 : 1)) return true;
  }
  return false;
}

// ", 14. März", ", 3 juin", ", le 3 juin", ", den 14. März" (an optional "(Leopol)" before the comma).
const DAY_MONTH_RE = /^[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?,[ \t]*(?:(?:den|am|le|el|il)[ \t]+)?(\d{1,2})(?:\.|er|e|o|º)?[ \t]+(\p{L}+)/u;
// ", Jan. 5", ", March 14"
const MONTH_DAY_RE = /^[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?,[ \t]*(\p{L}+)\.?[ \t]+(\d{1,2})(?!\d)/u;

/** The text right after a name (`after`) opens with a date: the name is a dateline's place. */
export function dateFollows(after: string): boolean {
  const dm = DAY_MONTH_RE.exec(after);
  if (dm && Number(dm[1]) >= 1 && Number(dm[1]) <= MAX_DAY && isMonthWord(dm[2]!)) return true;
  const md = MONTH_DAY_RE.exec(after);
  return !!md && Number(md[2]) >= 1 && Number(md[2]) <= MAX_DAY && isMonthWord(md[1]!);
}
