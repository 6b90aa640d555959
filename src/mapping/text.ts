// Code-point offsets into source texts: slicing, counting, and finding a quote to make a text span.

/**
 * What offsets in code points need of a text: its length in code points and, only when it holds surrogates (astral
 * characters or lone surrogates), the UTF-16 index of every code-point offset (`toUnit`, plus one past the end) and
 * the code-point offset at every UTF-16 index (`toCp`, plus one past the end; an index inside a surrogate pair counts
 * the pair's lone high surrogate as one code point, as `text.slice(0, index)` would).
 */
interface Indexed {
  readonly text: string;
  readonly length: number;
  readonly toUnit: Uint32Array | undefined;
  readonly toCp: Uint32Array | undefined;
}

/** Texts shorter than this are indexed on every call instead of replacing the cached (long) source text. */
const CACHE_FROM = 64;

let cached: Indexed | undefined;

/** Whether a code unit is a high (leading) surrogate. */
function isHigh(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

/** Whether a code unit is a low (trailing) surrogate. */
function isLow(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** The index of the first surrogate code unit of a text, or -1 when it has none (then code points are code units). */
function firstSurrogate(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    if (u >= 0xd800 && u <= 0xdfff) return i;
  }
  return -1;
}

/** Builds the index of a text (see Indexed): a pair is one code point, a lone surrogate is one too (as `for…of` reads them). */
function buildIndex(text: string): Indexed {
  const first = firstSurrogate(text);
  if (first < 0) return { text, length: text.length, toUnit: undefined, toCp: undefined };
  const toUnit = new Uint32Array(text.length + 1);
  const toCp = new Uint32Array(text.length + 1);
  let n = 0;
  let i = 0;
  while (i < text.length) {
    toUnit[n] = i;
    toCp[i] = n;
    if (isHigh(text.charCodeAt(i)) && i + 1 < text.length && isLow(text.charCodeAt(i + 1))) {
      toCp[i + 1] = n + 1;
      i += 2;
    } else i += 1;
    n++;
  }
  toUnit[n] = i;
  toCp[i] = n;
  return { text, length: n, toUnit: toUnit.subarray(0, n + 1), toCp };
}

/** The index of a text; a long text's index is kept until another long text is indexed. */
function indexed(text: string): Indexed {
  if (cached !== undefined && cached.text === text) return cached;
  const index = buildIndex(text);
  if (text.length >= CACHE_FROM) cached = index;
  return index;
}

/** The length of a text in Unicode code points (a surrogate pair counts once, a lone surrogate once). */
export function codePointLength(text: string): number {
  if (text.length >= CACHE_FROM) return indexed(text).length;
  let n = text.length;
  for (let i = 0; i + 1 < text.length; i++) {
    if (isHigh(text.charCodeAt(i)) && isLow(text.charCodeAt(i + 1))) { n--; i++; }
  }
  return n;
}

/** The number of code points in the first `utf16Index` code units of a text (0 ≤ utf16Index ≤ text.length), i.e. `codePointLength(text.slice(0, utf16Index))`. */
export function codePointOffset(text: string, utf16Index: number): number {
  const { toCp } = indexed(text);
  return toCp === undefined ? utf16Index : (toCp[utf16Index] as number);
}

/** The UTF-16 index at which code point `offset` of a text starts (0 ≤ offset ≤ codePointLength(text)). */
export function utf16Index(text: string, offset: number): number {
  const { toUnit } = indexed(text);
  return toUnit === undefined ? offset : (toUnit[offset] as number);
}

/** The text between two code-point offsets, or undefined when they fall outside the text or are reversed. */
export function sliceCodePoints(text: string, start: number, end: number): string | undefined {
  const { length, toUnit } = indexed(text);
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > length) return undefined;
  return toUnit === undefined ? text.slice(start, end) : text.slice(toUnit[start], toUnit[end]);
}

/** Code-point offsets of the n-th (0-based) occurrence of a quote in a text; throws naming the quote when there is none. */
export function locate(text: string, exact: string, occurrence = 0): { start: number; end: number } {
  let at = -1;
  for (let n = 0; n <= occurrence; n++) {
    at = text.indexOf(exact, at + 1);
    if (at < 0) throw new Error(`quote ${JSON.stringify(exact)} (occurrence ${occurrence}) not found in the source text`);
  }
  const start = codePointOffset(text, at);
  return { start, end: start + codePointLength(exact) };
}

/** How many times a quote occurs in a text (overlapping occurrences counted). */
export function countOccurrences(text: string, exact: string): number {
  let n = 0;
  for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) n++;
  return n;
}

/** Whether a quote occurs more than once in a text (overlapping occurrences counted), i.e. `countOccurrences(text, exact) > 1`, without counting them all. */
export function occursTwice(text: string, exact: string): boolean {
  const at = text.indexOf(exact);
  return at >= 0 && text.indexOf(exact, at + 1) >= 0;
}
