/**
 * Number tokens by value (analyse.ts writes them): a resubmission rewrites a number without changing
 * it — "35,000" / "3만5천", "120.000" / "120k", "₹250" / "250", "07700 900461" / "+44 7700 900461" —
 * while one changed digit is always another claim. Pure; data from lexicon.ts.
 *
 * Token shapes: `#<digits, one "." at most>` (plain), `#<amount>¤<currency class>` (a price),
 * `#<number><letters>` (letters glued to it: "120k", "1980s", "5b"), `#<number>^<power>` (a compact
 * number word after it: "850 هزار" → `#850^3`).
 */
import { CALLING_CODES, MAGNITUDES } from './lexicon.ts';

const PLAIN_RE = /^#-?\d+(?:\.\d+)?$/;
/** Between a price's amount and its currency class: `#12.5¤€`. */
export const PRICE_MARK = '¤';
const PRICE_RE = /^#(-?\d+(?:\.\d+)?)¤(.+)$/u;
const PHONE_DIGITS = 7;

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

/** A decimal string without trailing fraction zeros ("12.50" → "12.5", "6.0" → "6"). */
const trimmed = (v: string): string => (v.includes('.') ? v.replace(/0+$/, '').replace(/\.$/, '') : v);

interface Reading {
  /** The values the token can stand for. */
  readonly values: ReadonlySet<string>;
  /** Its currency class, when a price. */
  readonly currency?: string;
}

/**
 * What a number token can mean. A single mark before exactly three digits may group thousands
 * ("35,000" = 35000) or be a decimal mark ("1,450" = 1.45 in a decimal-comma locale), unless those
 * digits are zeros (nobody writes 850.000 for 850); before one or two digits it is a decimal mark.
 * A compact word multiplies ("120k" = 120000); written apart from the number ("850 هزار") it may also
 * be an ordinary word, so the bare number is a reading too. `undefined`: not a number by value.
 */
function reading(t: string): Reading | undefined {
  if (PLAIN_RE.test(t)) {
    const v = t.slice(1);
    const m = /^(-?\d+)\.(\d+)$/.exec(v);
    if (!m) return { values: new Set([v]) };
    if (m[2]!.length !== 3) return { values: new Set([trimmed(v)]) };
    return { values: new Set(/^0+$/.test(m[2]!) ? [m[1]! + m[2]!] : [trimmed(v), m[1]! + m[2]!]) };
  }
  const apart = /^#(-?\d+(?:\.\d+)?)\^(\d+)$/.exec(t);
  if (apart) {
    const base = reading(`#${apart[1]}`)!;
    return { values: new Set([...base.values, ...[...base.values].map((v) => shiftDecimal(v, Number(apart[2])))]) };
  }
  const price = PRICE_RE.exec(t);
  if (price) return { values: new Set([price[1]!]), currency: price[2]! };
  const glued = /^#(-?\d+(?:\.\d+)?)(\p{L}+)$/u.exec(t);
  const power = glued ? MAGNITUDES.get(glued[2]!) : undefined;
  if (power !== undefined) return { values: new Set([...reading(`#${glued![1]}`)!.values].map((v) => shiftDecimal(v, power))) };
  return undefined;
}

/**
 * One phone, written nationally and internationally: the longer is a calling code followed by the
 * shorter, less the shorter's national (trunk) prefix when its country dials one ("07700 900461" /
 * "+44 7700 900461", "954 21 33 87" / "+34 954213387").
 */
function samePhone(x: string, y: string): boolean {
  return international(x, y) || international(y, x);
}

/**
 * Is `b` the national number `a` (trunk prefix and all) written with its calling code? Only when `b`
 * is the longer: where code and trunk prefix are as long ("8 843…" / "+7 843…" in Russia), the two
 * differ in their first digit alone, which is also how one mistyped digit looks.
 */
function international(a: string, b: string): boolean {
  if (!/^\d+$/.test(a) || !/^\d+$/.test(b) || a.length < PHONE_DIGITS || b.length <= a.length) return false;
  for (let n = 1; n <= 3; n++) {
    const prefixes = CALLING_CODES.get(b.slice(0, n));
    if (!prefixes) continue;
    const rest = b.slice(n);
    if (rest === a || prefixes.some((p) => p + rest === a)) return true;
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

/**
 * Two number tokens of one claim: the same phone, or a value both can stand for with no two
 * different currencies. A bare amount stands for a price only in a tip that names no currency at
 * all ("₹250" / "250 रुपये"): in "paid 5 euros in Ghent, 10 in Bruges" the 10 is euros too, so it
 * is not "10 euros" of another tip. Letters glued alike to both ("1,450යි" / "1450යි") leave the
 * numbers before them to compare.
 */
export function sameNumber(x: string, y: string, priced: Priced = { x: false, y: false }): boolean {
  if (x === y) return true;
  if (samePhone(x.slice(1), y.slice(1))) return true;
  const gx = /^(#.*\d)(\p{L}[\p{L}\p{M}]*)$/u.exec(x);
  const gy = /^(#.*\d)(\p{L}[\p{L}\p{M}]*)$/u.exec(y);
  if (gx && gy && gx[2] === gy[2] && MAGNITUDES.get(gx[2]!) === undefined) return sameNumber(gx[1]!, gy[1]!, priced);
  const rx = reading(x);
  const ry = reading(y);
  if (!rx || !ry) return false;
  if (rx.currency !== undefined && ry.currency !== undefined && rx.currency !== ry.currency) return false;
  if ((rx.currency === undefined && ry.currency !== undefined && priced.x) || (ry.currency === undefined && rx.currency !== undefined && priced.y)) return false;
  for (const v of rx.values) if (ry.values.has(v)) return true;
  return false;
}

/**
 * A number's bucket key (lsh.ts): what every way of writing it keeps — its digits, the last
 * PHONE_DIGITS of a long one (a phone's national number ends both forms), trailing zeros dropped
 * (120000 / 120k / 120.000, 12.50 / 12.5). Coarse on purpose: sameNumber decides.
 */
export function numberKey(t: string): string {
  const digits = t.replace(/\^\d+$/, '').replace(/\D/g, '');
  const tail = digits.length > PHONE_DIGITS ? digits.slice(-PHONE_DIGITS) : digits;
  return `#${tail.replace(/0+$/, '') || '0'}`;
}
