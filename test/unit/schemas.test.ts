import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SubmitTipRequest } from '#shared/schemas/tip.ts';

describe('SubmitTipRequest', () => {
  it('trims the text and keeps it otherwise unchanged', () => {
    const parsed = SubmitTipRequest.parse({ objectId: 'obj-1', text: '  Zürich, Schweiz 🇨🇭 \n' });
    expect(parsed.text).toBe('Zürich, Schweiz 🇨🇭');
  });

  it('rejects text made only of invisible characters', () => {
    const result = SubmitTipRequest.safeParse({ objectId: 'obj-1', text: '\u200B\u200D \u2060' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['text']);
  });

  it('counts characters, not UTF-16 units, against the 5,000 limit', () => {
    expect(SubmitTipRequest.safeParse({ objectId: 'o', text: '😀'.repeat(5000) }).success).toBe(true);
    expect(SubmitTipRequest.safeParse({ objectId: 'o', text: '😀'.repeat(5001) }).success).toBe(false);
  });

  it('rejects an object id with path characters', () => {
    const result = SubmitTipRequest.safeParse({ objectId: '../etc', text: 'hello' });
    expect(result.error?.issues[0]?.path).toEqual(['objectId']);
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expect(() => SubmitTipRequest.safeParse(value)).not.toThrow();
      }),
    );
  });

  it('accepts any non-blank text up to the limit and returns it trimmed', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 200 }).filter((text) => /\S/u.test(text) && /[^\s\u200B-\u200D\u2060\uFEFF\u00AD]/u.test(text)), (text) => {
        const parsed = SubmitTipRequest.parse({ objectId: 'obj', text });
        expect(parsed.text).toBe(text.trim());
      }),
    );
  });
});
