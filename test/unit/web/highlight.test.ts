import { describe, expect, it } from 'vitest';
import { splitHighlights } from '../../../web/src/lib/highlight.ts';

const join = (segments: { text: string }[]): string => segments.map((segment) => segment.text).join('');
const marked = (segments: { text: string; spans: readonly unknown[] }[]): string[] => segments.filter((segment) => segment.spans.length > 0).map((segment) => segment.text);

describe('splitHighlights', () => {
  const text = 'I bought this towel in Porto, Portugal';

  it('returns the whole text as one plain segment without spans', () => {
    expect(splitHighlights(text, [])).toEqual([{ text, start: 0, end: text.length, spans: [] }]);
    expect(splitHighlights('', [])).toEqual([]);
  });

  it('marks each span and keeps every character exactly once', () => {
    const porto = { kind: 'place', start: 23, end: 28 };
    const portugal = { kind: 'country', start: 30, end: 38 };
    const segments = splitHighlights(text, [portugal, porto]);
    expect(join(segments)).toBe(text);
    expect(marked(segments)).toEqual(['Porto', 'Portugal']);
    expect(segments.find((segment) => segment.text === 'Porto')?.spans).toEqual([porto]);
  });

  it('splits overlapping spans at every boundary, listing the spans that cover each piece', () => {
    const outer = { kind: 'place', start: 23, end: 38 }; // "Porto, Portugal"
    const inner = { kind: 'country', start: 30, end: 38 }; // "Portugal"
    const segments = splitHighlights(text, [outer, inner]);
    expect(join(segments)).toBe(text);
    expect(segments.map((segment) => [segment.text, segment.spans.length])).toEqual([
      ['I bought this towel in ', 0],
      ['Porto, ', 1],
      ['Portugal', 2],
    ]);
  });

  it('handles partially overlapping and identical spans', () => {
    const a = { kind: 'a', start: 0, end: 6 };
    const b = { kind: 'b', start: 3, end: 10 };
    const c = { kind: 'c', start: 3, end: 10 };
    const segments = splitHighlights('abcdefghijkl', [a, b, c]);
    expect(segments.map((segment) => [segment.text, segment.spans.map((span) => span.kind).join('')])).toEqual([
      ['abc', 'a'],
      ['def', 'abc'],
      ['ghij', 'bc'],
      ['kl', ''],
    ]);
  });

  it('clips out-of-range spans and ignores empty, reversed and non-numeric ones', () => {
    const segments = splitHighlights('hello world', [
      { start: -5, end: 2 },
      { start: 9, end: 500 },
      { start: 4, end: 4 },
      { start: 7, end: 5 },
      { start: Number.NaN, end: 3 },
      { start: 50, end: 60 },
    ]);
    expect(join(segments)).toBe('hello world');
    expect(marked(segments)).toEqual(['he', 'ld']);
  });

  it('never splits a surrogate pair', () => {
    const emoji = 'a😀b';
    const segments = splitHighlights(emoji, [{ start: 2, end: 4 }]);
    expect(join(segments)).toBe(emoji);
    expect(marked(segments)).toEqual(['😀b']);
  });

  it('keeps markup-looking text as plain characters', () => {
    const hostile = '<img src=x onerror=alert(1)> Lisbon';
    const segments = splitHighlights(hostile, [{ start: 29, end: 35 }]);
    expect(segments.map((segment) => segment.text)).toEqual(['<img src=x onerror=alert(1)> ', 'Lisbon']);
  });
});
