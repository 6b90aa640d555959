// Code-point offsets into source texts: slicing, and finding a quote to make a text span.

let cached: { text: string; index: number[] } | undefined;

/** The UTF-16 index of every code-point offset of a text (plus one past the end); the last text's index is kept. */
function codePointIndex(text: string): number[] {
  if (cached?.text === text) return cached.index;
  const index: number[] = [];
  let i = 0;
  for (const ch of text) { index.push(i); i += ch.length; }
  index.push(i);
  cached = { text, index };
  return index;
}

/** The length of a text in Unicode code points. */
export function codePointLength(text: string): number {
  return codePointIndex(text).length - 1;
}

/** The text between two code-point offsets, or undefined when they fall outside the text or are reversed. */
export function sliceCodePoints(text: string, start: number, end: number): string | undefined {
  const index = codePointIndex(text);
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end >= index.length) return undefined;
  return text.slice(index[start], index[end]);
}

/** Code-point offsets of the n-th (0-based) occurrence of a quote in a text; throws naming the quote when there is none. */
export function locate(text: string, exact: string, occurrence = 0): { start: number; end: number } {
  let at = -1;
  for (let n = 0; n <= occurrence; n++) {
    at = text.indexOf(exact, at + 1);
    if (at < 0) throw new Error(`quote ${JSON.stringify(exact)} (occurrence ${occurrence}) not found in the source text`);
  }
  const start = codePointLength(text.slice(0, at));
  return { start, end: start + codePointLength(exact) };
}

/** How many times a quote occurs in a text (overlapping occurrences counted). */
export function countOccurrences(text: string, exact: string): number {
  let n = 0;
  for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) n++;
  return n;
}
