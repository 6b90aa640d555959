// One linear pass over JSON text (RFC 8259) for what JSON.parse does not tell: the place of a syntax error, keys given twice in one object, numbers a double rounds, where each top-level member starts, where the values of given keys are.

/** Where a value sits in a JSON document: the keys and array indexes from the top. */
export type JsonPath = readonly (string | number)[];

/** A place in a text: line (1-based, lines end at LF) and column (1-based, in code points). */
export interface TextPosition {
  readonly line: number;
  readonly column: number;
}

/** What one scan of a JSON text found. */
export interface JsonScan {
  /** The first syntax error: its offset (UTF-16 code units into the text) and what was expected. */
  readonly error?: { readonly offset: number; readonly message: string };
  /** Keys given twice in one object (RFC 8259 §4: names SHOULD be unique; JSON.parse keeps the last silently): the object's path and the offset of the second key. */
  readonly duplicates: ReadonlyArray<{ readonly key: string; readonly path: JsonPath; readonly offset: number }>;
  /** Numbers that a double (RFC 8259 §6, IEEE 754) cannot hold as written: integers it rounds, and overflows to infinity; `text` is the number as written. */
  readonly inexact: ReadonlyArray<{ readonly text: string; readonly path: JsonPath; readonly offset: number }>;
  /** `\u` escapes of a lone surrogate (JSON allows them, RFC 8259 §8.2; Unicode text cannot hold them), as written: `\ud800`. */
  readonly loneSurrogates: ReadonlyArray<{ readonly text: string; readonly path: JsonPath; readonly offset: number }>;
  /** Each member of a top-level object by key (the first, when given twice): the offset of its key and, for an array value, of each element. */
  readonly members: ReadonlyMap<string, { readonly offset: number; readonly elements: readonly number[] }>;
  /** Every string that is the value of a key named in `scanJson`'s `keys` (JSON-LD's "@language"): as written (quotes and escapes included), its path and offset. */
  readonly keyed: ReadonlyArray<{ readonly key: string; readonly written: string; readonly path: JsonPath; readonly offset: number }>;
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const INTEGER = /^-?(?:0|[1-9][0-9]*)$/;
const HEX4 = /^[0-9a-fA-F]{4}$/;

/** A character as messages show it: `'x'`, `U+0000` for one that does not print, or `the end of the text`. */
function shown(text: string, offset: number): string {
  if (offset >= text.length) return 'the end of the text';
  const cp = text.codePointAt(offset) ?? 0;
  const c = String.fromCodePoint(cp);
  return /[\p{L}\p{N}\p{P}\p{S}]/u.test(c) ? `'${c}'` : `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Whether a number as written is held exactly by a double: integers within what a double represents exactly, anything finite otherwise. */
function exact(token: string): boolean {
  const value = Number(token);
  if (!Number.isFinite(value)) return false;
  if (!INTEGER.test(token)) return true; // fractions and exponents: JSON itself says nothing exact; only overflow is refused
  return Number.isSafeInteger(value) || BigInt(token) === BigInt(value);
}

interface Frame {
  readonly array: boolean;
  readonly keys: Set<string>;
  key: string;
  index: number;
}

/**
 * Scans JSON text once (linear in its length, no recursion, so any nesting depth) for its first syntax error, its
 * duplicate keys, its inexact numbers and its escaped lone surrogates (RFC 8259); a text it finds no error in is one
 * JSON.parse accepts. `maxReports` caps each of those lists. The path of a string that is a key is its object's.
 * The string values of the members named in `keys` are all listed (`keyed`), wherever they are.
 */
export function scanJson(text: string, maxReports = 50, keys: ReadonlySet<string> = new Set()): JsonScan {
  const keyed: Array<{ key: string; written: string; path: JsonPath; offset: number }> = [];
  const duplicates: Array<{ key: string; path: JsonPath; offset: number }> = [];
  const inexact: Array<{ text: string; path: JsonPath; offset: number }> = [];
  const loneSurrogates: Array<{ text: string; path: JsonPath; offset: number }> = [];
  const members = new Map<string, { offset: number; elements: number[] }>();
  const stack: Frame[] = [];
  const n = text.length;
  let i = 0;
  const done = (error?: { offset: number; message: string }): JsonScan => ({ ...(error ? { error } : {}), duplicates, inexact, loneSurrogates, members, keyed });
  let inKey = false;
  const path = (): Array<string | number> => {
    const p = stack.map((f) => (f.array ? f.index : f.key));
    return inKey ? p.slice(0, -1) : p;
  };
  const skip = (): void => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else return;
    }
  };
  /** Scans a string starting at the quote at `i`; returns an error message, or undefined with `i` past the closing quote. */
  const string = (): string | undefined => {
    const start = i;
    i++;
    for (;;) {
      if (i >= n) { i = start; return 'a string is not closed: expected \'"\' before the end of the text'; }
      const c = text.charCodeAt(i);
      if (c === 0x22) { i++; return undefined; }
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!HEX4.test(text.slice(i + 2, i + 6))) return `expected four hexadecimal digits after '\\u', found ${JSON.stringify(text.slice(i + 2, i + 6))}`;
          const unit = parseInt(text.slice(i + 2, i + 6), 16);
          const next = text[i + 6] === '\\' && text[i + 7] === 'u' ? parseInt(text.slice(i + 8, i + 12), 16) : NaN;
          if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) i += 6; // a pair: both escapes at once
          else if (unit >= 0xd800 && unit <= 0xdfff && loneSurrogates.length < maxReports) loneSurrogates.push({ text: text.slice(i, i + 6), path: path(), offset: i });
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else { i++; return `expected an escape ('\\"', '\\\\', '\\/', '\\b', '\\f', '\\n', '\\r', '\\t' or '\\uXXXX') after '\\', found ${shown(text, i)}`; }
        continue;
      }
      if (c < 0x20) return `a control character (${shown(text, i)}) must be escaped in a string`;
      i++;
    }
  };

  let state: 'value' | 'after' | 'key' = 'value';
  skip();
  if (i >= n) return done({ offset: i, message: 'the text is empty: expected a JSON value' });
  for (;;) {
    if (state === 'value') {
      skip();
      const top = stack[0];
      if (stack.length === 2 && top && !top.array && stack[1]?.array) members.get(top.key)?.elements.push(i);
      const c = text[i];
      if (c === '{' || c === '[') {
        stack.push({ array: c === '[', keys: new Set(), key: '', index: 0 });
        i++;
        skip();
        if (text[i] === (c === '{' ? '}' : ']')) { i++; stack.pop(); state = 'after'; }
        else state = c === '{' ? 'key' : 'value';
        continue;
      }
      if (c === '"') {
        const start = i;
        const problem = string();
        if (problem) return done({ offset: i, message: problem });
        const owner = stack[stack.length - 1];
        if (keys.size && owner && !owner.array && keys.has(owner.key)) keyed.push({ key: owner.key, written: text.slice(start, i), path: path(), offset: start });
      } else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
        NUMBER.lastIndex = i;
        const m = NUMBER.exec(text);
        if (!m) return done({ offset: i, message: `expected a digit after '-', found ${shown(text, i + 1)}` });
        const token = m[0];
        const after = text[i + token.length];
        if (/^-?0$/.test(token) && after !== undefined && after >= '0' && after <= '9') return done({ offset: i, message: 'a number does not start with 0 followed by digits (RFC 8259 §6)' });
        if (after === '.' || after === 'e' || after === 'E') return done({ offset: i + token.length + 1, message: `expected a digit after ${JSON.stringify(after)}, found ${shown(text, i + token.length + 1)}` });
        if (!exact(token) && inexact.length < maxReports) inexact.push({ text: token, path: path(), offset: i });
        i += token.length;
      } else {
        const word = c === 't' ? 'true' : c === 'f' ? 'false' : c === 'n' ? 'null' : undefined;
        if (!word || text.slice(i, i + word.length) !== word) return done({ offset: i, message: `expected a value (an object, array, string, number, true, false or null), found ${shown(text, i)}` });
        i += word.length;
      }
      state = 'after';
      continue;
    }
    if (state === 'key') {
      skip();
      const top = stack[stack.length - 1] as Frame;
      if (text[i] !== '"') return done({ offset: i, message: `expected a member name in double quotes, found ${shown(text, i)}` });
      const start = i;
      inKey = true;
      const problem = string();
      inKey = false;
      if (problem) return done({ offset: i, message: problem });
      const raw = text.slice(start + 1, i - 1);
      const key = raw.includes('\\') ? (JSON.parse(text.slice(start, i)) as string) : raw;
      if (top.keys.has(key)) { if (duplicates.length < maxReports) duplicates.push({ key, path: path().slice(0, -1), offset: start }); }
      else top.keys.add(key);
      top.key = key;
      if (stack.length === 1 && !members.has(key)) members.set(key, { offset: start, elements: [] });
      skip();
      if (text[i] !== ':') return done({ offset: i, message: `expected ':' after the member name ${JSON.stringify(key)}, found ${shown(text, i)}` });
      i++;
      state = 'value';
      continue;
    }
    // After a value: the end of the text, or what continues or closes the container it is in.
    skip();
    const top = stack[stack.length - 1];
    if (!top) return i >= n ? done() : done({ offset: i, message: `expected the end of the text after the JSON value, found ${shown(text, i)}` });
    const c = text[i];
    if (c === ',') { i++; if (top.array) { top.index++; state = 'value'; } else state = 'key'; continue; }
    if (c === (top.array ? ']' : '}')) { i++; stack.pop(); continue; }
    return done({ offset: i, message: top.array ? `expected ',' or ']' after an array element, found ${shown(text, i)}` : `expected ',' or '}' after the value of ${JSON.stringify(top.key)}, found ${shown(text, i)}` });
  }
}

/** The line and column (in code points) of each offset (UTF-16 code units) into a text, in one pass over it. */
export function positionsOf(text: string, offsets: readonly number[]): TextPosition[] {
  const order = offsets.map((o, k) => [o, k] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<TextPosition>(offsets.length);
  let line = 1;
  let column = 1;
  let i = 0;
  for (const [offset, k] of order) {
    while (i < offset && i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x0a) { line++; column = 1; i++; continue; }
      const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
      i += pair ? 2 : 1;
      column++;
    }
    out[k] = { line, column };
  }
  return out;
}

/** The line and column (in code points) of one offset into a text. */
export function positionOf(text: string, offset: number): TextPosition {
  return positionsOf(text, [offset])[0] as TextPosition;
}

/** A JSON path as people read it: `entities[3].label[0]` (`$` for the top). */
export function pathText(path: JsonPath): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : /^[A-Za-z_$@][\w$@]*$/.test(p) ? `${out ? '.' : ''}${p}` : `[${JSON.stringify(p)}]`;
  return out || '$';
}
