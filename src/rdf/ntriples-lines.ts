// A strict N-Triples / N-Quads line reader (RDF 1.1 grammar) that turns each triple into its canonical N-Triples line, exactly as n3's Writer writes it, refusing whatever it is not sure of.
import { isUtf8 } from 'node:buffer';
import { ABSOLUTE, escapeAt, escapeCanonical, ILLEGAL_IRI } from './ntriples-syntax.js';

/*
 * The canonical line of a triple is what n3's Writer (format N-Triples) gives for it in the default graph, without
 * the line end: `<s> <p> <o> .`, `<s> <p> "lexical form" .`, `… "lexical form"@lang .` (the tag in lower case),
 * `… "lexical form"^^<datatype> .` (xsd:string left out); in IRIs and lexical forms U+0000–U+001F, `"`, `\`,
 * U+007F, U+FFFE and U+FFFF are escaped (\t \b \n \r \f \" \\ or \uXXXX in upper case), nothing else.
 *
 * What is accepted is a subset of what n3 (the one reader, src/rdf/read.ts) accepts in its line mode: one triple a
 * line, subject and predicate IRIs, an IRI or literal object, in N-Quads an optional graph IRI (dropped). Anything
 * else (blank nodes, RDF-star or RDF 1.2 syntax, rdf:reifies, a direction on a language tag, a relative IRI, a
 * second triple on a line, a lone CR, bytes that are not UTF-8) is refused, so that the caller can hand the file to
 * the one reader, whose verdict (and error message) then stands.
 */

const RDF_NS = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';
const REFUSED_DATATYPES = new Set([`${RDF_NS}langString`, `${RDF_NS}dirLangString`]);
const RDF_REIFIES = `${RDF_NS}reifies`;

/** What a refused line gives. */
const REFUSE = null;


/** A position in a line being read, and the value last read. */
interface Cursor { at: number; value: string }

/** Skips spaces and tabs. */
function skipSpace(line: string, at: number): number {
  while (at < line.length) {
    const c = line.charCodeAt(at);
    if (c !== 32 && c !== 9) break;
    at++;
  }
  return at;
}

/** Reads an absolute IRIREF at `c.at` (which holds `<`) into `c.value` (escapes resolved); false when it is not one. */
function readIri(line: string, c: Cursor): boolean {
  let at = c.at + 1;
  let value = '';
  let from = at;
  for (;;) {
    if (at >= line.length) return false;
    const ch = line.charCodeAt(at);
    if (ch === 62) break; // >
    if (ch === 92) { // \
      const escape = escapeAt(line, at, false);
      if (!escape || ILLEGAL_IRI.test(escape.text)) return false;
      value += line.slice(from, at) + escape.text;
      at += escape.length;
      from = at;
      continue;
    }
    if (ch <= 0x20 || ch === 60 || ch === 34 || ch === 123 || ch === 125 || ch === 124 || ch === 94 || ch === 96) return false;
    at++;
  }
  value += line.slice(from, at);
  if (!ABSOLUTE.test(value)) return false;
  c.value = value;
  c.at = at + 1;
  return true;
}

/** Reads a STRING_LITERAL_QUOTE at `c.at` (which holds `"`) into `c.value` (escapes resolved); false when it is not one. */
function readString(line: string, c: Cursor): boolean {
  let at = c.at + 1;
  let value = '';
  let from = at;
  for (;;) {
    if (at >= line.length) return false;
    const ch = line.charCodeAt(at);
    if (ch === 34) break; // "
    if (ch === 10 || ch === 13) return false;
    if (ch === 92) {
      const escape = escapeAt(line, at, true);
      if (!escape) return false;
      value += line.slice(from, at) + escape.text;
      at += escape.length;
      from = at;
      continue;
    }
    at++;
  }
  c.value = value + line.slice(from, at);
  c.at = at + 1;
  return true;
}

/**
 * The canonical N-Triples line (no line end) of one line of an N-Triples file (`quads`: N-Quads, the graph dropped),
 * '' for a line without a triple (blank, or only a comment), or null when the line is refused (not plain RDF 1.1
 * N-Triples this reader is sure of: see the top of this file). The line holds no line end.
 */
export function canonicalLine(line: string, quads = false): string | null {
  if (line.includes('\r')) return REFUSE; // a line end of N-Triples (EOL), even in a comment
  let at = skipSpace(line, 0);
  if (at === line.length || line.charCodeAt(at) === 35) return '';
  const c: Cursor = { at, value: '' };
  if (line.charCodeAt(c.at) !== 60 || !readIri(line, c)) return REFUSE;
  const subject = c.value;
  c.at = skipSpace(line, c.at);
  if (line.charCodeAt(c.at) !== 60 || !readIri(line, c)) return REFUSE;
  const predicate = c.value;
  if (predicate === RDF_REIFIES) return REFUSE;
  c.at = skipSpace(line, c.at);
  let object: string;
  const first = line.charCodeAt(c.at);
  if (first === 60) {
    if (!readIri(line, c)) return REFUSE;
    object = `<${escapeCanonical(c.value)}>`;
  } else if (first === 34) {
    if (!readString(line, c)) return REFUSE;
    const lexical = `"${escapeCanonical(c.value)}"`;
    const next = line.charCodeAt(c.at);
    if (next === 64) { // @
      const tag = /^@([a-zA-Z]+(?:-[a-zA-Z0-9]+)*)(?=[ \t.<]|$)/.exec(line.slice(c.at, c.at + 200));
      if (!tag || tag[1] === undefined) return REFUSE;
      const lang = tag[1].toLowerCase();
      if (lang.split('-').some((t) => t.length > 8)) return REFUSE;
      object = `${lexical}@${lang}`;
      c.at += tag[0].length;
    } else if (next === 94) { // ^
      if (line.charCodeAt(c.at + 1) !== 94 || line.charCodeAt(c.at + 2) !== 60) return REFUSE;
      c.at += 2;
      if (!readIri(line, c)) return REFUSE;
      if (REFUSED_DATATYPES.has(c.value)) return REFUSE;
      object = c.value === XSD_STRING ? lexical : `${lexical}^^<${escapeCanonical(c.value)}>`;
    } else {
      object = lexical;
    }
  } else {
    return REFUSE;
  }
  c.at = skipSpace(line, c.at);
  if (quads && line.charCodeAt(c.at) === 60) {
    if (!readIri(line, c)) return REFUSE;
    c.at = skipSpace(line, c.at);
  }
  if (line.charCodeAt(c.at) !== 46) return REFUSE; // .
  c.at = skipSpace(line, c.at + 1);
  if (c.at < line.length && line.charCodeAt(c.at) !== 35) return REFUSE;
  return `<${escapeCanonical(subject)}> <${escapeCanonical(predicate)}> ${object} .`;
}

/** The canonical lines of a run of N-Triples (or N-Quads) text, or where it is refused. */
export type ChunkLines =
  | { readonly ok: true; /** The canonical lines, each ending with LF (UTF-8). */ readonly bytes: Uint8Array; readonly lines: number }
  | { readonly ok: false; /** The line refused (1-based, within the chunk), or 0 when the bytes are not UTF-8. */ readonly line: number };

const SPACE_DOT_LF = new Uint8Array([32, 46, 10]);
const LF = new Uint8Array([10]);
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { ignoreBOM: true }); // a U+FEFF that starts a line is a character (the one reader's BOM rule), never dropped
/** `rdf:reifies`, `xsd:string`, `rdf:langString` and `rdf:dirLangString` as UTF-8, for the byte check. */
const REIFIES_BYTES = encoder.encode(RDF_REIFIES);
const SPECIAL_DATATYPES = [XSD_STRING, ...REFUSED_DATATYPES].map((d) => encoder.encode(d));

/** Whether bytes [from, to) of `b` equal `word`. */
function bytesEqual(b: Uint8Array, from: number, to: number, word: Uint8Array): boolean {
  if (to - from !== word.length) return false;
  for (let i = 0; i < word.length; i++) if (b[from + i] !== word[i]) return false;
  return true;
}

/** U+FFFE or U+FFFF (EF BF BE, EF BF BF) at `i`, which canonical N-Triples escapes. */
function isNonCharacter(b: Uint8Array, i: number): boolean {
  return b[i + 1] === 0xbf && (b[i + 2] === 0xbe || b[i + 2] === 0xbf);
}

/** The end of a canonical absolute IRI written at `i` (`<`) of `b` before `end` (just past `>`), or -1. */
function iriEnd(b: Uint8Array, i: number, end: number): number {
  if (b[i] !== 60) return -1;
  i++;
  // The scheme: a letter, then letters, digits, + . - up to the colon.
  let c = b[i] ?? 0;
  if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90))) return -1;
  for (i++; i < end; i++) {
    c = b[i] as number;
    if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 43 || c === 46 || c === 45)) break;
  }
  if (c !== 58) return -1;
  for (i++; i < end; i++) {
    c = b[i] as number;
    if (c === 62) return i + 1;
    if (c < 0x80) {
      if (c <= 0x20 || c === 60 || c === 34 || c === 123 || c === 125 || c === 124 || c === 94 || c === 96 || c === 92 || c === 127) return -1;
    } else if (c === 0xef && isNonCharacter(b, i)) return -1;
  }
  return -1;
}

/**
 * The end of the object of a triple whose line [from, end) of `b` is written canonically up to there (`<s> <p> o`, o
 * canonical too), or -1. The caller checks what follows (` .` or, in N-Quads, ` <g> .`).
 */
function canonicalObjectEnd(b: Uint8Array, from: number, end: number): number {
  let i = iriEnd(b, from, end);
  if (i < 0 || b[i] !== 32) return -1;
  const p = i + 1;
  i = iriEnd(b, p, end);
  if (i < 0 || b[i] !== 32) return -1;
  if (bytesEqual(b, p + 1, i - 1, REIFIES_BYTES)) return -1;
  i++;
  if (b[i] === 60) return iriEnd(b, i, end);
  if (b[i] !== 34) return -1;
  for (i++; ; i++) {
    if (i >= end) return -1;
    const c = b[i] as number;
    if (c === 34) break;
    if (c === 92) { // the short escapes canonical N-Triples writes: \\ \" \t \n \r \b \f
      const e = b[++i];
      if (e !== 92 && e !== 34 && e !== 116 && e !== 110 && e !== 114 && e !== 98 && e !== 102) return -1;
      continue;
    }
    if (c < 0x80) { if (c < 0x20 || c === 127) return -1; }
    else if (c === 0xef && isNonCharacter(b, i)) return -1;
  }
  i++;
  if (b[i] === 64) { // @: a lower-case tag, subtags of 1–8 letters (first) or letters and digits
    let subtag = 0;
    let first = true;
    for (i++; i < end; i++) {
      const c = b[i] as number;
      if (c >= 97 && c <= 122) subtag++;
      else if (c >= 48 && c <= 57 && !first) subtag++;
      else if (c === 45 && subtag > 0) { if (subtag > 8) return -1; subtag = 0; first = false; continue; }
      else break;
    }
    if (subtag === 0 || subtag > 8) return -1;
    return i;
  }
  if (b[i] === 94) {
    if (b[i + 1] !== 94) return -1;
    const d = i + 2;
    i = iriEnd(b, d, end);
    if (i < 0) return -1;
    for (const special of SPECIAL_DATATYPES) if (bytesEqual(b, d + 1, i - 1, special)) return -1;
  }
  return i;
}

/**
 * The canonical N-Triples lines of a run of whole lines of an N-Triples (`quads`: N-Quads) file, UTF-8 (a BOM already
 * left out), each triple on its own line (LF, CR LF, or none at the very end); lines without a triple are left out.
 * Lines already canonical are copied as they are (a run written canonically is given back as it is); others are read
 * by canonicalLine. Refused when the bytes are not UTF-8 or a line is refused by canonicalLine.
 */
export function canonicalChunk(bytes: Uint8Array, quads = false): ChunkLines {
  if (!isUtf8(bytes)) return { ok: false, line: 0 };
  const n = bytes.length;
  const parts: Uint8Array[] = [];
  let size = 0;
  let runFrom = 0; // the start of the run of lines kept as they are
  let lines = 0;
  let lineNo = 0;
  const flush = (to: number): void => {
    if (to > runFrom) { parts.push(bytes.subarray(runFrom, to)); size += to - runFrom; }
  };
  for (let from = 0; from < n;) {
    lineNo++;
    let lf = bytes.indexOf(10, from);
    if (lf < 0) lf = n;
    const next = lf + 1;
    const objectEnd = canonicalObjectEnd(bytes, from, lf);
    if (objectEnd >= 0) {
      // `<s> <p> o .` then LF: kept as it is.
      if (lf - objectEnd === 2 && bytes[objectEnd] === 32 && bytes[objectEnd + 1] === 46 && lf < n) { lines++; from = next; continue; }
      let tail = objectEnd;
      if (quads && bytes[tail] === 32) { const g = iriEnd(bytes, tail + 1, lf); if (g > 0) tail = g; }
      let end = lf;
      if (end > tail && bytes[end - 1] === 13) end--;
      if (end - tail === 2 && bytes[tail] === 32 && bytes[tail + 1] === 46) {
        flush(objectEnd);
        parts.push(SPACE_DOT_LF);
        size += 3;
        lines++;
        from = runFrom = next;
        continue;
      }
    }
    let text = decoder.decode(bytes.subarray(from, lf));
    if (text.endsWith('\r')) text = text.slice(0, -1);
    const line = canonicalLine(text, quads);
    if (line === null) return { ok: false, line: lineNo };
    flush(from);
    if (line !== '') {
      const encoded = encoder.encode(line);
      parts.push(encoded, LF);
      size += encoded.length + 1;
      lines++;
    }
    from = runFrom = next;
  }
  if (runFrom === 0 && parts.length === 0) return { ok: true, bytes, lines };
  flush(n);
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return { ok: true, bytes: out, lines };
}
