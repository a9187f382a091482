/**
 * Splits a tip's text into plain and highlighted segments for the evidence
 * spans the geo-classifier found (UTF-16 offsets into the text). Pure: the
 * console turns the segments into text nodes and <mark> elements, so tip text
 * is never parsed as HTML.
 */
export interface Span {
  readonly start: number;
  readonly end: number;
  readonly kind?: string;
  readonly text?: string;
}

export interface Segment<S extends Span = Span> {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** Spans covering this segment; empty for plain text. */
  readonly spans: readonly S[];
}

/**
 * Overlapping spans produce a segment boundary at every start and end, each
 * segment listing the spans that cover it. Spans out of range are clipped to
 * the text; empty, reversed or non-numeric spans are ignored. Boundaries
 * never split a surrogate pair.
 */
export function splitHighlights<S extends Span>(text: string, spans: readonly S[]): Segment<S>[] {
  const length = text.length;
  const valid: S[] = [];
  const clipped = new Map<S, { start: number; end: number }>();
  for (const span of spans) {
    if (!Number.isFinite(span.start) || !Number.isFinite(span.end)) continue;
    const start = snap(text, clamp(Math.trunc(span.start), 0, length));
    const end = snap(text, clamp(Math.trunc(span.end), 0, length));
    if (end <= start) continue;
    valid.push(span);
    clipped.set(span, { start, end });
  }
  const cuts = new Set<number>([0, length]);
  for (const range of clipped.values()) {
    cuts.add(range.start);
    cuts.add(range.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment<S>[] = [];
  for (let index = 0; index < points.length - 1; index += 1) {
    const start = points[index]!;
    const end = points[index + 1]!;
    if (end <= start) continue;
    const covering = valid.filter((span) => {
      const range = clipped.get(span)!;
      return range.start <= start && range.end >= end;
    });
    const previous = segments.at(-1);
    // Merge neighbours with the same covering spans (e.g. plain text runs).
    if (previous !== undefined && sameSpans(previous.spans, covering)) {
      segments[segments.length - 1] = { text: previous.text + text.slice(start, end), start: previous.start, end, spans: previous.spans };
    } else {
      segments.push({ text: text.slice(start, end), start, end, spans: covering });
    }
  }
  return segments;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** Moves an offset off the middle of a surrogate pair. */
function snap(text: string, offset: number): number {
  if (offset <= 0 || offset >= text.length) return offset;
  const before = text.charCodeAt(offset - 1);
  const at = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && at >= 0xdc00 && at <= 0xdfff ? offset - 1 : offset;
}

function sameSpans<S>(a: readonly S[], b: readonly S[]): boolean {
  return a.length === b.length && a.every((span, index) => span === b[index]);
}
