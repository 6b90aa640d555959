// Code-point offsets, slugs and text spans: the fast helpers agree with their straightforward definitions (arrays of code points, the full NFKD fold) on random texts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { slugOf, SpanBuilder, textSpan } from '../src/mapping/dataset.js';
import { foldToAscii } from '../src/mapping/slug.js';
import { codePointLength, codePointOffset, countOccurrences, locate, occursTwice, sliceCodePoints, utf16Index } from '../src/mapping/text.js';

/** The code points of a text as `for…of` reads them (a lone surrogate is one). */
const cps = (text: string): string[] => [...text];

/** The straightforward definitions the helpers must agree with. */
const oracle = {
  length: (text: string): number => cps(text).length,
  slice: (text: string, start: number, end: number): string | undefined => {
    const all = cps(text);
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > all.length) return undefined;
    return all.slice(start, end).join('');
  },
  offset: (text: string, unit: number): number => cps(text.slice(0, unit)).length,
  unit: (text: string, offset: number): number => cps(text).slice(0, offset).join('').length,
  fold: (text: string): string => text.normalize('NFKD').replace(/\p{M}+/gu, '')
    .replace(/ß/g, 'ss').replace(/[Ææ]/g, 'ae').replace(/[Øø]/g, 'o').replace(/[Łł]/g, 'l').replace(/[Đđ]/g, 'd').toLowerCase(),
};

/** Pieces texts are made of: ASCII, Latin with diacritics, other BMP scripts, astral characters, lone and reversed surrogates. */
const PIECES = ['a', 'B', ' ', 'x y', '-', "'", '’', '\n', 'é', 'e\u0301', 'ß', 'Æ', 'ø', 'Ł', 'đ', 'ﬁ', 'Ⅻ', 'שלום', 'Ελ', '“', '🚀', '😀x', '𝔘', '\uD83D', '\uDE00', '\uDE00\uD83D', 'date'];
const piece = fc.constantFrom(...PIECES);
/** Short texts (not cached) and long ones (cached): both paths of the helpers. */
const text = fc.oneof(fc.array(piece, { maxLength: 12 }).map((p) => p.join('')), fc.array(piece, { minLength: 30, maxLength: 80 }).map((p) => p.join('')));

describe('code-point helpers agree with arrays of code points', () => {
  it('codePointLength, sliceCodePoints, codePointOffset and utf16Index, on short and long texts, with calls interleaved', () => {
    fc.assert(fc.property(text, text, fc.array(fc.integer({ min: -2, max: 120 }), { minLength: 4, maxLength: 4 }), (t, other, [a, b, c, d]) => {
      for (const [x, y] of [[t, other], [other, t], [t, t]] as const) {
        expect(codePointLength(x)).toBe(oracle.length(x));
        expect(sliceCodePoints(x, a as number, b as number)).toBe(oracle.slice(x, a as number, b as number));
        expect(codePointLength(y)).toBe(oracle.length(y));
        const unit = Math.max(0, Math.min(x.length, c as number));
        expect(codePointOffset(x, unit)).toBe(oracle.offset(x, unit));
        const offset = Math.max(0, Math.min(oracle.length(x), d as number));
        expect(utf16Index(x, offset)).toBe(oracle.unit(x, offset));
        expect(sliceCodePoints(x, 0, oracle.length(x))).toBe(x);
      }
    }), { numRuns: 400 });
  });

  it('sliceCodePoints refuses reversed, negative, fractional and out-of-range offsets', () => {
    const t = `${'🚀ab'.repeat(30)}`;
    for (const [s, e] of [[3, 2], [-1, 2], [0.5, 2], [0, oracle.length(t) + 1], [Number.NaN, 1]] as const) expect(sliceCodePoints(t, s, e)).toBeUndefined();
    expect(sliceCodePoints(t, 0, oracle.length(t))).toBe(t);
  });

  it('locate and occursTwice agree with searching the code points', () => {
    fc.assert(fc.property(text, fc.array(piece, { minLength: 1, maxLength: 3 }).map((p) => p.join('')), fc.nat(2), (t, quote, n) => {
      expect(occursTwice(t, quote)).toBe(countOccurrences(t, quote) > 1);
      let at = -1;
      for (let i = 0; i <= n && (i === 0 || at >= 0); i++) at = t.indexOf(quote, at + 1);
      if (at < 0) expect(() => locate(t, quote, n)).toThrow(/not found/);
      else expect(locate(t, quote, n)).toEqual({ start: oracle.offset(t, at), end: oracle.offset(t, at) + oracle.length(quote) });
    }), { numRuns: 400 });
  });
});

describe('slugs', () => {
  it('foldToAscii is the NFKD fold, for ASCII and other text', () => {
    fc.assert(fc.property(fc.oneof(text, fc.string(), fc.string({ unit: 'binary' })), (t) => {
      expect(foldToAscii(t)).toBe(oracle.fold(t));
    }), { numRuns: 500 });
  });

  it('slugOf gives the same slug however often it is asked (cached or not)', () => {
    const words = fc.array(fc.constantFrom('Alpha', 'beta', 'Gamma’s', 'déjà', 'vu', '2024', 'x', 'a-very-long-word-indeed-longer-than-24'), { maxLength: 14 }).map((w) => w.join(' '));
    fc.assert(fc.property(words, (t) => {
      const first = slugOf(t);
      expect(first).toMatch(/^[a-z0-9]+(?:-{1,2}[a-z0-9]+)*$|^span$/);
      expect(slugOf(t)).toBe(first);
    }), { numRuns: 300 });
  });
});

describe('text spans', () => {
  it('SpanBuilder places sentences and quotes where the code points say, with prefix and suffix only for repeated quotes', () => {
    const sentence = fc.array(piece, { minLength: 3, maxLength: 10 }).map((p) => `${p.join('')}.`);
    fc.assert(fc.property(fc.array(sentence, { minLength: 1, maxLength: 4 }), fc.array(piece, { maxLength: 4 }).map((p) => p.join('')), (sentences, lead) => {
      const full = `${lead}${sentences.join(' ')}`;
      const b = new SpanBuilder('doc/x', full, 'x');
      try { b.sentences(sentences); } catch { return; } // a sentence that repeats inside an earlier one may not be found in order
      let from = 0;
      sentences.forEach((s, i) => {
        const at = full.indexOf(s, from);
        from = at + s.length;
        const span = b.spans[i] as ReturnType<typeof textSpan>;
        expect(span.position).toEqual({ start: oracle.offset(full, at), end: oracle.offset(full, at) + oracle.length(s) });
        expect(span.quote.exact).toBe(oracle.slice(full, span.position.start, span.position.end));
      });
      // Quote every piece of sentence 1 that occurs there once: its offsets count the code points before it.
      const first = b.spans[0] as ReturnType<typeof textSpan>;
      for (const p of PIECES) {
        const inSentence = first.quote.exact;
        const at = inSentence.indexOf(p);
        if (at < 0 || inSentence.indexOf(p, at + 1) >= 0) continue;
        let id: string;
        try { id = b.quote(1, p); } catch { continue; } // two quotes with one slug
        const span = b.spans.find((s) => s.id === id) as ReturnType<typeof textSpan>;
        const startUnit = oracle.unit(full, first.position.start) + at;
        expect(span.position.start).toBe(oracle.offset(full, startUnit));
        const expected = textSpanOracle(full, span.position.start, span.position.start + oracle.length(p));
        expect(JSON.stringify(span.quote)).toBe(JSON.stringify(expected));
      }
    }), { numRuns: 300 });
  });
});

/** The quote of a span as Web Annotation defines it: the exact text, and up to 24 code points either side when it occurs more than once. */
function textSpanOracle(text: string, start: number, end: number): { exact: string; prefix?: string; suffix?: string } {
  const all = cps(text);
  const exact = all.slice(start, end).join('');
  if (countOccurrences(text, exact) <= 1) return { exact };
  const prefix = all.slice(Math.max(0, start - 24), start).join('');
  const suffix = all.slice(end, Math.min(all.length, end + 24)).join('');
  return { exact, ...(prefix ? { prefix } : {}), ...(suffix ? { suffix } : {}) };
}
