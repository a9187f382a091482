/**
 * Number tokens by value (analyse.ts writes them): a resubmission rewrites a number without changing
 * it — "48,000" / "4만8천", "310.000" / "310 thousand", "₹460" / "460", "01632 960 275" / "+44 1632
 * 960275". Pure; data from lexicon.ts.
 *
 * Token shapes: `#<digits, one "." at most>` (plain; `#+<digits>` when written with "+" or "00"),
 * `#<amount>¤<currency class>` (a price; analyse.ts has already multiplied a compact number word in),
 * `#<number><letters>` (letters glued to it that are no currency and no number word: "1970s", "5b").
 */
import { CALLING_CODES } from './lexicon.ts';

/** A plain number token: digits with one decimal mark at most, "+" for an international number. */
export const PLAIN_NUMBER_RE = /^#\+?-?\d+(?:\.\d+)?$/;
/** Letters (with their marks) glued after a number's last digit: "1970s", "640rb", "2,300යි". */
export const GLUED_RE = /^(.*\d)(\p{L}[\p{L}\p{M}]*)$/u;
/** Between a price's amount and its currency class: `#12.5¤€`. */
export const PRICE_MARK = '¤';
const PRICE_RE = /^#(-?\d+(?:\.\d+)?)¤(.+)$/u;
/** A national number has at least this many digits after its trunk prefix (and so is its bucket key). */
const PHONE_DIGITS = 6;

/** `amount` (digits, one optional "."), times 10^power, as a canonical decimal string. */
export function shiftDecimal(amount: string, power: number): string {
  const neg = amount.startsWith('-');
  const [int = '', frac = ''] = (neg ? amount.slice(1) : amount).split('.');
  const digits = int + frac;
  const point = int.length + power;
  const padded = point >= digits.length ? digits + '0'.repeat(point - digits.length) : digits;
  let whole = padded.slice(0, Math.max(point, 0)).replace(/^0+(?=\d)/, '') || '0';
  let rest = point < 0 ? '0'.repeat(-point) + digits : padded.slice(point);
  rest = rest.replace(/0+$/, '');
  if (point <= 0) whole = '0';
  return (neg ? '-' : '') + whole + (rest ? `.${rest}` : '');
}

interface Reading {
  /** The value the token stands for, as a canonical decimal string. */
  readonly value: string;
  /** Its currency class, when a price. */
  readonly currency?: string;
}

/**
 * What a number token means. A single mark before exactly three digits groups thousands ("48,000" =
 * 48000, "2,300" = 2300): a decimal with three places is rare in tips, and reading it both ways would
 * merge 2,300 m with 2.3 m. Before one or two digits it is a decimal mark, trailing zeros dropped.
 * `undefined`: not a number by value (letters glued to it).
 */
function reading(t: string): Reading | undefined {
  if (PLAIN_NUMBER_RE.test(t)) {
    const v = t.slice(1).replace('+', '');
    const m = /^(-?\d+)\.(\d+)$/.exec(v);
    if (!m) return { value: v };
    if (m[2]!.length === 3) return { value: m[1]! + m[2]! };
    return { value: shiftDecimal(v, 0) };
  }
  const price = PRICE_RE.exec(t);
  return price ? { value: price[1]!, currency: price[2]! } : undefined;
}

/**
 * One phone, written nationally and internationally ("01632 960 275" / "+44 1632 960275", "912 44 18 03"
 * / "+34 912441803"): the international form, written with "+" or "00", is a calling code followed by
 * the national number, less its trunk prefix where the country dials one. Without the "+", a longer
 * number that ends like a shorter one is just another number ("2,500,000" / "12,500,000").
 */
function samePhone(x: string, y: string): boolean {
  return international(x, y) || international(y, x);
}

function international(national: string, written: string): boolean {
  if (!written.startsWith('#+') || !/^#\d+$/.test(national)) return false;
  const a = national.slice(1);
  const b = written.slice(2);
  // As long as the national form where code and trunk prefix are ("8 495…" / "+7 495…", "06 1…" / "+36 1…"):
  // the "+" tells the two apart from one mistyped first digit.
  if (a.length < PHONE_DIGITS + 1 || b.length < a.length) return false;
  for (let n = 1; n <= 3; n++) {
    const prefixes = CALLING_CODES.get(b.slice(0, n));
    if (!prefixes) continue;
    const rest = b.slice(n);
    if (prefixes.length === 0 ? rest === a : prefixes.some((p) => p + rest === a)) return true;
  }
  return false;
}

/** Whether each tip of a pair writes a price anywhere (`x` the first tip, `y` the second). */
export interface Priced {
  readonly x: boolean;
  readonly y: boolean;
}

/** Does a tip's strong set hold a price? */
export const hasPrice = (strong: ReadonlySet<string>): boolean => [...strong].some((t) => t[0] === '#' && t.includes(PRICE_MARK));

/** A currency sign ("₹", "$", "¥"), as opposed to a class written in letters ("KM", "kr", "Rs"). */
const SIGN_RE = /\p{Sc}/u;

/**
 * Two number tokens of one claim: the same phone, or the same value with no two different currencies.
 * A bare amount stands for a price written with a currency sign, and only in a tip that names no
 * currency at all ("₹460" / "460 रुपये"): in "paid 5 euros in Ghent, 10 in Bruges" the 10 is euros too,
 * so it is not "10 euros" of another tip; and a class in letters may be a unit read as one ("5 km" is
 * no convertible mark), so it is never assumed. Letters glued alike to both ("2,300යි" / "2300යි")
 * leave the numbers before them to compare. One changed digit always changes the value, and a phone's national number.
 */
export function sameNumber(x: string, y: string, priced: Priced = { x: false, y: false }): boolean {
  if (x === y) return true;
  // A decimal mark on one side only, punctuation stripped ("4,99" / "499"; but "4.99" ≁ "49.9").
  if (PLAIN_NUMBER_RE.test(x) && PLAIN_NUMBER_RE.test(y) && x.includes('.') !== y.includes('.') && x.replace(/\./g, '') === y.replace(/\./g, '')) return true;
  if (samePhone(x, y)) return true;
  const gx = GLUED_RE.exec(x);
  const gy = GLUED_RE.exec(y);
  if (gx && gy && gx[2] === gy[2]) return sameNumber(gx[1]!, gy[1]!, priced);
  const rx = reading(x);
  const ry = reading(y);
  if (!rx || !ry || rx.value !== ry.value) return false;
  if (rx.currency !== undefined && ry.currency !== undefined) return rx.currency === ry.currency;
  if (rx.currency === undefined && ry.currency !== undefined) return !priced.x && SIGN_RE.test(ry.currency);
  if (ry.currency === undefined && rx.currency !== undefined) return !priced.y && SIGN_RE.test(rx.currency);
  return true;
}

/**
 * A number's bucket key (lsh.ts): what every way of writing it keeps — its value's digits without
 * leading and trailing zeros (310000 / 310 thousand / 310.000, 12.50 / 12.5), the last PHONE_DIGITS of
 * a long one (a phone's national number ends both its forms). Coarse on purpose: sameNumber decides.
 */
export function numberKey(t: string): string {
  const digits = (reading(t)?.value ?? t).replace(/\D/g, '').replace(/^0+/, '').replace(/0+$/, '');
  return `#${digits.length > PHONE_DIGITS ? digits.slice(-PHONE_DIGITS) : digits || '0'}`;
}
