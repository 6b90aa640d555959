// A strict Turtle reader for the subset kg's own writer emits (prefix header, then subject blocks of IRIs and literals), turning each triple into its canonical N-Triples line, exactly as n3's Writer writes it, refusing whatever it is not sure of.
import { isUtf8 } from 'node:buffer';
import type { ChunkLines } from './ntriples-lines.js';
import { ABSOLUTE, escapeCanonical, ILLEGAL_IRI, unescape } from './ntriples-syntax.js';

/*
 * What is accepted (a subset of what n3, the one reader of src/rdf/read.ts, accepts):
 *   - a header: lines that are blank, start with `#` (a comment), or are `@prefix name: <absolute IRI> .`;
 *   - then statements, each starting at column 0: `S p o, o; p o.` where S and p are `<absolute IRI>` or
 *     `prefix:local` (a declared prefix, a local name of ASCII letters, digits, `_`, `-` and inner `.`), p also `a`;
 *     objects are those, or `"…"` (ECHAR and UCHAR escapes) with `@tag` or `^^datatype`, or bare `true`, `false`,
 *     integers, decimals and doubles. `;` ends its line (the next one indented), `.` ends its line, `,` does not.
 * Anything else (blank nodes, collections, comments or directives after the header, `@base`, relative IRIs,
 * `'…'` and `"""…"""` strings, a lone CR, a statement spread otherwise over lines, bytes that are not UTF-8, a
 * chunk that does not end a statement) is refused, so that the caller can hand the file to the one reader, whose
 * verdict (and error message) then stands. Each triple gives the line n3's Writer (N-Triples) writes for it:
 * `<s> <p> <o> .`, `… "lexical form"@lang .` (the tag in lower case), `… "lexical form"^^<datatype> .` (xsd:string left
 * out), with U+0000–U+001F, `"`, `\`, U+007F, U+FFFE and U+FFFF escaped (\t \b \n \r \f \" \\ or \uXXXX in upper case).
 */

const RDF_NS = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const XSD = 'http://www.w3.org/2001/XMLSchema#';
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

const TYPE_BYTES = encoder.encode(`<${RDF_NS}type>`);
const REIFIES_BYTES = encoder.encode(`<${RDF_NS}reifies>`);
const STRING_BYTES = encoder.encode(`<${XSD}string>`);
const REFUSED_DATATYPES = [`<${RDF_NS}langString>`, `<${RDF_NS}dirLangString>`].map((d) => encoder.encode(d));
const BOOLEAN_TAIL = encoder.encode(`"^^<${XSD}boolean>`);
const INTEGER_TAIL = encoder.encode(`"^^<${XSD}integer>`);
const DECIMAL_TAIL = encoder.encode(`"^^<${XSD}decimal>`);
const DOUBLE_TAIL = encoder.encode(`"^^<${XSD}double>`);
const TRUE = encoder.encode('true');
const FALSE = encoder.encode('false');


/** The line opening a TriG file's one graph block: `<absolute IRI> {`. */
const GRAPH_LINE = /^<([^\x00-\x20<>\\"{}|^`]*)>[ \t]*\{[ \t]*\r?$/;

/** Where the statements inside a TriG graph block start, when the line at `from` of `bytes` opens the block (`<g> {`); -1 otherwise. */
export function trigGraphStart(bytes: Uint8Array, from: number): number {
  const lf = bytes.indexOf(10, from);
  if (lf < 0) return -1;
  const raw = bytes.subarray(from, lf);
  if (!isUtf8(raw)) return -1;
  const m = GRAPH_LINE.exec(decoder.decode(raw));
  return m && ABSOLUTE.test(m[1] as string) ? lf + 1 : -1;
}

/** The canonical text (between `<` and `>`) of an IRI as Turtle writes it between brackets, or null when refused. */
function canonicalIri(written: string): string | null {
  const iri = written.includes('\\') ? unescape(written, false) : written;
  if (iri === null || ILLEGAL_IRI.test(iri) || !ABSOLUTE.test(iri)) return null;
  return escapeCanonical(iri);
}

/** The prefixes a Turtle file declares, ready for canonicalTurtleChunk. */
export interface TurtlePrefixes {
  /** `[name, IRI]` as declared (the IRI resolved), in order; a later declaration of a name wins. */
  readonly declared: ReadonlyArray<readonly [string, string]>;
  /** By a hash of the name's bytes: the name's bytes and the IRI's canonical bytes (without brackets). */
  readonly table: Map<number, Array<{ name: Uint8Array; iri: Uint8Array }>>;
}

/** A hash of bytes [from, to). */
function hashBytes(b: Uint8Array, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ (b[i] as number), 16777619);
  return h;
}

/** The prefix table of `[name, IRI]` declarations (IRIs absolute, as read). */
export function turtlePrefixes(declared: ReadonlyArray<readonly [string, string]>): TurtlePrefixes {
  const table = new Map<number, Array<{ name: Uint8Array; iri: Uint8Array }>>();
  const last = new Map<string, string>();
  for (const [name, iri] of declared) last.set(name, iri);
  for (const [name, iri] of last) {
    const n = encoder.encode(name);
    const h = hashBytes(n, 0, n.length);
    const list = table.get(h) ?? [];
    list.push({ name: n, iri: encoder.encode(escapeCanonical(iri)) });
    table.set(h, list);
  }
  return { declared, table };
}

/** Whether a byte may be in a prefix name after its first letter (ASCII PN_CHARS and `.`). */
function isNameByte(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45 || c === 46;
}

/** Whether a byte ends a term here: space, tab, `,`, `;`, `.`, LF or CR. */
function isEnd(c: number | undefined): boolean {
  return c === 32 || c === 9 || c === 44 || c === 59 || c === 46 || c === 10 || c === 13;
}

/**
 * The header of a Turtle file (UTF-8, the BOM left out): its prefix declarations and where its first statement
 * starts (a byte offset), or null when a header line is outside the subset or the header does not end within `bytes`
 * (unless `whole`, the bytes being the whole file).
 */
export function turtleHeader(bytes: Uint8Array, whole: boolean): { prefixes: Array<[string, string]>; end: number } | null {
  const prefixes: Array<[string, string]> = [];
  const DECLARATION = /^@prefix[ \t]+((?:[A-Za-z](?:[-\w.]*[-\w])?)?):[ \t]*<([^\x00-\x20<>\\"{}|^`]*)>[ \t]*\.[ \t]*$/;
  for (let from = 0; ;) {
    if (from === bytes.length) return whole ? { prefixes, end: from } : null;
    const lf = bytes.indexOf(10, from);
    if (lf < 0 && !whole) return null;
    const to = lf < 0 ? bytes.length : lf;
    const c = bytes[from];
    if (c !== 35 && c !== 64 && c !== 10 && c !== 13) return { prefixes, end: from };
    const raw = bytes.subarray(from, to);
    if (!isUtf8(raw)) return null;
    let line = decoder.decode(raw);
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (line.includes('\r') || line.includes('\uFEFF')) return null;
    if (c === 64) {
      const m = DECLARATION.exec(line);
      if (!m || !ABSOLUTE.test(m[2] as string) || escapeCanonical(m[2] as string) !== m[2]) return null;
      prefixes.push([m[1] as string, m[2] as string]);
    } else if (c !== 35 && line !== '') return null;
    if (lf < 0) return { prefixes, end: bytes.length };
    from = lf + 1;
  }
}

/** A growable byte buffer. */
class Out {
  buf: Uint8Array;
  pos = 0;
  constructor(size: number) {
    this.buf = new Uint8Array(Math.max(1024, size));
  }
  /** Makes room for `n` more bytes. */
  room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const bigger = new Uint8Array(Math.max(this.buf.length * 2, this.pos + n));
    bigger.set(this.buf.subarray(0, this.pos));
    this.buf = bigger;
  }
  /** Appends bytes [from, to) of `src`. */
  copy(src: Uint8Array, from: number, to: number): void {
    const n = to - from;
    this.room(n);
    const buf = this.buf;
    let p = this.pos;
    if (n > 24) buf.set(src.subarray(from, to), p);
    else for (let i = from; i < to; i++) buf[p++] = src[i] as number;
    this.pos += n;
  }
  /** Appends all of `src`. */
  all(src: Uint8Array): void {
    if (src.length <= 24) { this.copy(src, 0, src.length); return; }
    this.room(src.length);
    this.buf.set(src, this.pos);
    this.pos += src.length;
  }
  /** Appends one byte. */
  byte(c: number): void {
    this.room(1);
    this.buf[this.pos++] = c;
  }
  /** Appends a string as UTF-8. */
  text(s: string): void {
    this.all(encoder.encode(s));
  }
}

/** Thrown inside the reader when the input is refused. */
const REFUSED = -1;

/**
 * Reads one IRI term at `i` of `b` (`<…>` or a prefixed name) into `out` as `<canonical IRI>`; returns the position
 * after it, or REFUSED.
 */
function readIriTerm(b: Uint8Array, i: number, end: number, prefixes: TurtlePrefixes, out: Out): number {
  const c = b[i];
  if (c === 60) { // <
    let j = i + 1;
    let slow = false;
    for (; ; j++) {
      if (j >= end) return REFUSED;
      const d = b[j] as number;
      if (d === 62) break;
      if (d < 0x80) {
        if (d <= 0x20 || d === 60 || d === 34 || d === 123 || d === 125 || d === 124 || d === 94 || d === 96) return REFUSED;
        if (d === 92 || d === 127) slow = true;
      } else if (d === 0xef && b[j + 1] === 0xbf && (b[j + 2] === 0xbe || b[j + 2] === 0xbf)) slow = true;
    }
    if (slow) {
      const iri = canonicalIri(decoder.decode(b.subarray(i + 1, j)));
      if (iri === null) return REFUSED;
      out.byte(60);
      out.text(iri);
      out.byte(62);
      return j + 1;
    }
    // An absolute IRI: a scheme (a letter, then letters, digits, + . -) and a colon.
    let k = i + 1;
    let s = b[k] ?? 0;
    if (!((s >= 97 && s <= 122) || (s >= 65 && s <= 90))) return REFUSED;
    for (k++; k < j; k++) {
      s = b[k] as number;
      if (!((s >= 97 && s <= 122) || (s >= 65 && s <= 90) || (s >= 48 && s <= 57) || s === 43 || s === 46 || s === 45)) break;
    }
    if (s !== 58 || k >= j) return REFUSED;
    out.copy(b, i, j + 1);
    return j + 1;
  }
  // A prefixed name: PN_PREFIX? ':' local.
  let j = i;
  if (c !== 58) {
    if (!(c !== undefined && ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)))) return REFUSED;
    for (j++; j < end && isNameByte(b[j] as number); j++);
    if (b[j] !== 58 || b[j - 1] === 46) return REFUSED;
  }
  const list = prefixes.table.get(hashBytes(b, i, j));
  let iri: Uint8Array | undefined;
  if (list) {
    for (const p of list) {
      if (p.name.length !== j - i) continue;
      let k = 0;
      while (k < p.name.length && p.name[k] === b[i + k]) k++;
      if (k === p.name.length) { iri = p.iri; break; }
    }
  }
  if (!iri) return REFUSED;
  const from = j + 1;
  let k = from;
  const first = b[k] as number;
  if ((first >= 97 && first <= 122) || (first >= 65 && first <= 90) || (first >= 48 && first <= 57) || first === 95) {
    for (k++; k < end && isNameByte(b[k] as number); k++);
    while (b[k - 1] === 46) k--;
  }
  if (!isEnd(b[k])) return REFUSED;
  out.byte(60);
  out.all(iri);
  out.copy(b, from, k);
  out.byte(62);
  return k;
}

/** Whether bytes [from, to) of `b` equal `word`. */
function bytesEqual(b: Uint8Array, from: number, to: number, word: Uint8Array): boolean {
  if (to - from !== word.length) return false;
  for (let i = 0; i < word.length; i++) if (b[from + i] !== word[i]) return false;
  return true;
}

/** Reads a literal at `i` (`"`) into `out` canonically; returns the position after it, or REFUSED. */
function readLiteral(b: Uint8Array, i: number, end: number, prefixes: TurtlePrefixes, out: Out, scratch: Out): number {
  if (b[i + 1] === 34 && b[i + 2] === 34) return REFUSED; // """
  let j = i + 1;
  let slow = false;
  for (; ; j++) {
    if (j >= end) return REFUSED;
    const d = b[j] as number;
    if (d === 34) break;
    if (d < 0x20 || d === 127) {
      if (d === 10 || d === 13) return REFUSED;
      slow = true;
    } else if (d === 92) {
      slow = true;
      j++;
      if (b[j] === 10 || b[j] === 13) return REFUSED;
    } else if (d === 0xef && b[j + 1] === 0xbf && (b[j + 2] === 0xbe || b[j + 2] === 0xbf)) slow = true;
  }
  const start = out.pos;
  out.byte(34);
  if (slow) {
    const value = unescape(decoder.decode(b.subarray(i + 1, j)), true);
    if (value === null) return REFUSED;
    out.text(escapeCanonical(value));
  } else out.copy(b, i + 1, j);
  j++;
  const next = b[j];
  if (next === 64) { // @: a language tag, lower-cased
    let k = j + 1;
    let subtag = 0;
    let first = true;
    out.byte(34);
    out.byte(64);
    for (; k < end; k++) {
      let c = b[k] as number;
      if (c >= 65 && c <= 90) c += 32;
      if (c >= 97 && c <= 122) subtag++;
      else if (c >= 48 && c <= 57 && !first) subtag++;
      else if (c === 45 && subtag > 0) { if (subtag > 8) return REFUSED; subtag = 0; first = false; }
      else break;
      out.byte(c);
    }
    if (subtag === 0 || subtag > 8 || !isEnd(b[k])) return REFUSED;
    if (k - j - 1 === 7 && decoder.decode(out.buf.subarray(out.pos - 7, out.pos)) === 'version') return REFUSED;
    return k;
  }
  if (next === 94) { // ^^datatype
    if (b[j + 1] !== 94) return REFUSED;
    const at = scratch.pos = 0;
    const k = readIriTerm(b, j + 2, end, prefixes, scratch);
    if (k < 0) return REFUSED;
    const d = scratch.buf;
    for (const refused of REFUSED_DATATYPES) if (bytesEqual(d, at, scratch.pos, refused)) return REFUSED;
    if (bytesEqual(d, at, scratch.pos, STRING_BYTES)) { out.byte(34); return isEnd(b[k]) ? k : REFUSED; }
    out.byte(34);
    out.byte(94);
    out.byte(94);
    out.copy(d, at, scratch.pos);
    return isEnd(b[k]) ? k : REFUSED;
  }
  if (!isEnd(next)) { out.pos = start; return REFUSED; }
  out.byte(34);
  return j;
}

/** Reads a bare number at `i` into `out` as a typed literal; returns the position after it, or REFUSED. */
function readNumber(b: Uint8Array, i: number, end: number, out: Out): number {
  let j = i;
  if (b[j] === 43 || b[j] === 45) j++;
  let digits = 0;
  while (j < end && (b[j] as number) >= 48 && (b[j] as number) <= 57) { j++; digits++; }
  let tail = INTEGER_TAIL;
  if (digits > 0 && b[j] === 46 && (b[j + 1] === 101 || b[j + 1] === 69)) j++; // `1.e3`: a double (then its exponent is required)
  else if (b[j] === 46 && (b[j + 1] as number) >= 48 && (b[j + 1] as number) <= 57) {
    tail = DECIMAL_TAIL;
    for (j++; j < end && (b[j] as number) >= 48 && (b[j] as number) <= 57; j++) digits++;
  }
  if (digits === 0) return REFUSED;
  if (b[j] === 101 || b[j] === 69 || b[j - 1] === 46) {
    if (b[j] !== 101 && b[j] !== 69) return REFUSED;
    let k = j + 1;
    if (b[k] === 43 || b[k] === 45) k++;
    const from = k;
    while (k < end && (b[k] as number) >= 48 && (b[k] as number) <= 57) k++;
    if (k === from) return REFUSED;
    j = k;
    tail = DOUBLE_TAIL;
  }
  if (!isEnd(b[j])) return REFUSED;
  // `1.` then a line end is the integer 1 ending its statement: fine. `1.x` is refused by the caller.
  out.byte(34);
  out.copy(b, i, j);
  out.all(tail);
  return j;
}

/** Skips spaces and tabs. */
function skipSpace(b: Uint8Array, i: number, end: number): number {
  while (i < end && (b[i] === 32 || b[i] === 9)) i++;
  return i;
}

/** The position after a line end (LF or CR LF) at `i`, or REFUSED. */
function lineEnd(b: Uint8Array, i: number): number {
  if (b[i] === 10) return i + 1;
  if (b[i] === 13 && b[i + 1] === 10) return i + 2;
  return REFUSED;
}

/** The canonical lines of a run of Turtle statements (see ChunkLines); in TriG, whether the run closes the graph block. */
export type TurtleChunkLines = ChunkLines & { readonly closed?: boolean };

/**
 * The canonical N-Triples lines of a run of whole statements of a Turtle file (UTF-8, after its header), each triple's
 * line ending with LF, or where it is refused (`line` 1-based within the chunk, 0 for bytes that are not UTF-8).
 * The run must start at the start of a statement and end just after the line end of a statement's `.`. With `graph`
 * (TriG, the statements inside one graph block `<g> {`, whose line is left out), a line `}` may end the run (after a
 * statement's `.`, or after its last object) and then `closed` is true.
 */
export function canonicalTurtleChunk(bytes: Uint8Array, prefixes: TurtlePrefixes, graph = false): TurtleChunkLines {
  if (!isUtf8(bytes)) return { ok: false, line: 0 };
  const b = bytes;
  const end = b.length;
  const out = new Out(end * 4);
  const scratch = new Out(256);
  let lines = 0;
  let i = 0;
  let closed = false;
  /** At `i`, a line `}` (then only blank lines to the end of the run): whether it closes the graph block. */
  const closes = (): boolean => {
    if (!graph || b[i] !== 125) return false;
    let k = lineEnd(b, skipSpace(b, i + 1, end));
    while (k > 0 && k < end) k = lineEnd(b, k);
    if (k !== end) return false;
    i = end;
    closed = true;
    return true;
  };
  const refuse = (): ChunkLines => {
    let line = 1;
    for (let k = b.indexOf(10); k >= 0 && k < i; k = b.indexOf(10, k + 1)) line++;
    return { ok: false, line };
  };
  // Each line is written in place: the subject and predicate are read into the first line that has them, and later
  // lines copy them (`S ` or `S P `) from the line before.
  let previous = 0; // where the line before starts in out
  while (i < end) {
    const blank = lineEnd(b, i);
    if (blank > 0) { i = blank; continue; }
    if (closes()) break;
    previous = out.pos;
    const at = i;
    i = readIriTerm(b, i, end, prefixes, out);
    if (i < 0) { i = at; return refuse(); }
    const subjectEnd = out.pos - previous + 1; // `S ` in the line
    out.byte(32);
    i = skipSpace(b, i, end);
    let firstPredicate = true;
    for (;;) { // predicate-object lists
      if (!firstPredicate) {
        const from = out.pos;
        out.room(subjectEnd);
        out.buf.copyWithin(from, previous, previous + subjectEnd);
        out.pos += subjectEnd;
        previous = from;
      }
      firstPredicate = false;
      const predicateFrom = out.pos;
      if (b[i] === 97 && (b[i + 1] === 32 || b[i + 1] === 9)) { out.all(TYPE_BYTES); i++; }
      else {
        const at = i;
        i = readIriTerm(b, i, end, prefixes, out);
        if (i < 0) { i = at; return refuse(); }
        if (bytesEqual(out.buf, predicateFrom, out.pos, REIFIES_BYTES)) return refuse();
      }
      out.byte(32);
      const predicateEnd = out.pos - previous; // `S P ` in the line
      i = skipSpace(b, i, end);
      for (let firstObject = true; ; firstObject = false) { // objects
        if (!firstObject) {
          const from = out.pos;
          out.room(predicateEnd);
          out.buf.copyWithin(from, previous, previous + predicateEnd);
          out.pos += predicateEnd;
          previous = from;
        }
        const c = b[i] as number;
        let next: number;
        if (c === 34) next = readLiteral(b, i, end, prefixes, out, scratch);
        else if ((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46) next = readNumber(b, i, end, out);
        else if ((c === 116 && bytesEqual(b, i, i + 4, TRUE) && isEnd(b[i + 4])) || (c === 102 && bytesEqual(b, i, i + 5, FALSE) && isEnd(b[i + 5]))) {
          next = i + (c === 116 ? 4 : 5);
          out.byte(34);
          out.copy(b, i, next);
          out.all(BOOLEAN_TAIL);
        } else next = readIriTerm(b, i, end, prefixes, out);
        if (next < 0) return refuse();
        i = next;
        out.room(3);
        out.buf[out.pos++] = 32;
        out.buf[out.pos++] = 46;
        out.buf[out.pos++] = 10;
        lines++;
        i = skipSpace(b, i, end);
        if (b[i] === 44) { i = skipSpace(b, i + 1, end); continue; }
        break;
      }
      if (b[i] === 59) { // ; then a line end and an indented predicate
        i = lineEnd(b, skipSpace(b, i + 1, end));
        if (i < 0 || (b[i] !== 32 && b[i] !== 9)) return refuse();
        i = skipSpace(b, i, end);
        continue;
      }
      if (b[i] !== 46) {
        // In a graph block, the last statement may end without `.`, on the line before the `}`.
        const k = lineEnd(b, i);
        if (k < 0 || !graph || b[k] !== 125) return refuse();
        i = k;
        if (!closes()) return refuse();
        break;
      }
      i = lineEnd(b, skipSpace(b, i + 1, end));
      if (i < 0) return refuse();
      break;
    }
  }
  return { ok: true, bytes: out.buf.subarray(0, out.pos), lines, closed };
}
