// A fast strict N-Triples / N-Quads reader straight to RDF/JS terms (the mapping's plain-field terms), byte by byte, refusing whatever it is not sure of so that the caller hands the file to the one reader (src/rdf/read.ts).
import { closeSync, openSync, readSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import type { Literal, NamedNode } from '@rdfjs/types';
import { literal, namedNode } from '../mapping/terms.js';
import { unescape } from './ntriples-syntax.js';

/*
 * What is accepted is what src/rdf/ntriples-lines.ts accepts (a subset of what n3, the one reader, accepts in its
 * line mode): one triple a line, subject and predicate absolute IRIs, an IRI or literal object, in N-Quads an optional
 * graph IRI (dropped), spaces and tabs between terms, a comment after the dot, LF or CR LF line ends, a leading UTF-8
 * BOM. Anything else (blank nodes, RDF-star or RDF 1.2 syntax, rdf:reifies, rdf:langString or rdf:dirLangString as
 * a datatype, a direction on a language tag, a relative IRI, a scheme written with escapes, a second triple on a
 * line, a lone CR, bytes that are not UTF-8, a file without triples) is refused; the terms of what is accepted are
 * those n3 gives (escapes resolved, language tags in lower case, xsd:string for a plain literal).
 */

/** What receives each triple read: the subject IRI (the same string for a run of lines with the same subject), the predicate IRI and the object term. */
export type TripleSink = (subject: string, predicate: string, object: NamedNode | Literal) => void;

const RDF_NS = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';
const RDF_REIFIES = `${RDF_NS}reifies`;
const REFUSED_DATATYPES = new Set([`${RDF_NS}langString`, `${RDF_NS}dirLangString`]);


/** Buffer's own slicers (what `toString('latin1' | 'utf8', start, end)` calls, without its checks), when this Node has them. */
interface Slicers { latin1Slice?(start: number, end: number): string; utf8Slice?(start: number, end: number): string }
const SLICERS = Buffer.prototype as unknown as Slicers;

/** Bytes [start, end) of `b` as Latin-1 (ASCII) text. */
const latin1: (b: Buffer, start: number, end: number) => string = typeof SLICERS.latin1Slice === 'function'
  ? (b, start, end) => (b as unknown as Required<Slicers>).latin1Slice(start, end)
  : (b, start, end) => b.toString('latin1', start, end);

/** Bytes [start, end) of `b` as UTF-8 text. */
const utf8: (b: Buffer, start: number, end: number) => string = typeof SLICERS.utf8Slice === 'function'
  ? (b, start, end) => (b as unknown as Required<Slicers>).utf8Slice(start, end)
  : (b, start, end) => b.toString('utf8', start, end);

/** Whether byte `c` is an ASCII letter. */
function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/** Skips spaces and tabs from `i` up to `end`. */
function skipSpace(b: Uint8Array, i: number, end: number): number {
  while (i < end) {
    const c = b[i] as number;
    if (c !== 32 && c !== 9) break;
    i++;
  }
  return i;
}

/**
 * Reads N-Triples (or, with `quads`, N-Quads) a run of whole lines at a time, calling a sink for each triple. Lines
 * are numbered across runs; `refusedLine` is the first line refused (then nothing more is read).
 */
export class NTriplesTermReader {
  /** The line refused (1-based, counted across every run read), or 0 while none is. */
  refusedLine = 0;
  /** How many triples were read. */
  triples = 0;
  private line = 0;
  /** The bytes of the last subject and its string, given again while lines repeat it. */
  private lastSubjectBytes: Buffer = Buffer.alloc(0);
  private lastSubject = '';
  /** Predicates and datatypes by IRI, made once. */
  private readonly datatypes = new Map<string, NamedNode>();
  /** Language tags as written to their lower-case form. */
  private readonly tags = new Map<string, string>();
  /** Set by iri(): the IRI read. */
  private value = '';

  /** A reader for N-Triples (`quads` false) or N-Quads (`quads` true: an optional graph IRI after the object, dropped) that gives each triple to `sink`. */
  constructor(private readonly quads: boolean, private readonly sink: TripleSink) {}

  /**
   * Reads bytes [from, to) of `b`: whole lines (the last may lack its line end only at the end of the file), UTF-8
   * already checked, no BOM. Returns false (and sets refusedLine) at the first line refused.
   */
  read(b: Buffer, from: number, to: number): boolean {
    if (this.refusedLine) return false;
    while (from < to) {
      this.line++;
      let lf = b.indexOf(10, from);
      if (lf < 0 || lf > to) lf = to;
      const end = lf > from && b[lf - 1] === 13 ? lf - 1 : lf;
      if (!this.readLine(b, from, end)) { this.refusedLine = this.line; return false; }
      from = lf + 1;
    }
    return true;
  }

  /** Reads one line [from, end) (its line end left out); false when it is refused. */
  private readLine(b: Buffer, from: number, end: number): boolean {
    let i = skipSpace(b, from, end);
    if (i === end) return true;
    if (b[i] === 35) return this.commentEnds(b, i, end);
    // The subject: given as the last one when its bytes are the same.
    if (b[i] !== 60) return false;
    let subjectEnd = this.sameSubjectEnd(b, i, end);
    let subject: string;
    if (subjectEnd > 0) subject = this.lastSubject;
    else {
      subjectEnd = this.iri(b, i, end);
      if (subjectEnd < 0) return false;
      subject = this.value;
      this.lastSubject = subject;
      this.lastSubjectBytes = Buffer.from(b.subarray(i, subjectEnd));
    }
    i = skipSpace(b, subjectEnd, end);
    if (b[i] !== 60) return false;
    const predicateEnd = this.iri(b, i, end);
    if (predicateEnd < 0) return false;
    const predicate = this.value;
    if (predicate === RDF_REIFIES) return false;
    i = skipSpace(b, predicateEnd, end);
    let object: NamedNode | Literal;
    const first = b[i];
    if (first === 60) {
      const objectEnd = this.iri(b, i, end);
      if (objectEnd < 0) return false;
      object = namedNode(this.value);
      i = objectEnd;
    } else if (first === 34) {
      // A string: up to the next quote not escaped.
      const start = i + 1;
      let escaped = false;
      let ascii = true;
      for (i = start; ; i++) {
        if (i >= end) return false;
        const c = b[i] as number;
        if (c === 34) break;
        if (c === 92) { escaped = true; i++; continue; }
        if (c === 13) return false;
        if (c >= 0x80) ascii = false;
      }
      let lexical = ascii ? latin1(b, start, i) : utf8(b, start, i);
      if (escaped) {
        const resolved = unescape(lexical, true);
        if (resolved === null) return false;
        lexical = resolved;
      }
      i++;
      const next = b[i];
      if (next === 64) { // @: letters, then subtags of letters and digits, each of at most 8, followed by white space, a dot or an IRI
        const tagStart = i + 1;
        let j = tagStart;
        while (j < end && isLetter(b[j] as number)) j++;
        if (j === tagStart || j - tagStart > 8) return false;
        while (b[j] === 45 && j + 1 < end) {
          const subtag = j + 1;
          j = subtag;
          while (j < end && (isLetter(b[j] as number) || ((b[j] as number) >= 48 && (b[j] as number) <= 57))) j++;
          if (j === subtag || j - subtag > 8) return false;
        }
        if (j < end) { const c = b[j]; if (c !== 32 && c !== 9 && c !== 46 && c !== 60) return false; }
        const written = latin1(b, tagStart, j);
        let tag = this.tags.get(written);
        if (tag === undefined) this.tags.set(written, (tag = written.toLowerCase()));
        object = literal(lexical, tag);
        i = j;
      } else if (next === 94) { // ^^<datatype>
        if (b[i + 1] !== 94 || b[i + 2] !== 60) return false;
        const datatypeEnd = this.iri(b, i + 2, end);
        if (datatypeEnd < 0) return false;
        if (REFUSED_DATATYPES.has(this.value)) return false;
        object = literal(lexical, this.datatype(this.value));
        i = datatypeEnd;
      } else {
        object = literal(lexical, this.datatype(XSD_STRING));
      }
    } else {
      return false;
    }
    i = skipSpace(b, i, end);
    if (this.quads && b[i] === 60) {
      const graphEnd = this.iri(b, i, end);
      if (graphEnd < 0) return false;
      i = skipSpace(b, graphEnd, end);
    }
    if (b[i] !== 46) return false;
    i = skipSpace(b, i + 1, end);
    if (i < end && (b[i] !== 35 || !this.commentEnds(b, i, end))) return false;
    this.triples++;
    this.sink(subject, predicate, object);
    return true;
  }

  /** Whether a comment [i, end) holds no CR (a line end to n3). */
  private commentEnds(b: Buffer, i: number, end: number): boolean {
    for (; i < end; i++) if (b[i] === 13) return false;
    return true;
  }

  /** The end (just past `>`) of the IRI written at `from` when it has the bytes of the last subject, else -1. */
  private sameSubjectEnd(b: Buffer, from: number, end: number): number {
    const last = this.lastSubjectBytes;
    const n = last.length;
    if (n === 0 || from + n > end || b[from + n - 1] !== 62) return -1;
    for (let k = n - 2; k > 0; k--) if (last[k] !== b[from + k]) return -1;
    return from + n;
  }

  /**
   * Reads the IRI written at `i` (`<`) before `end` into `value`, escapes resolved: an absolute IRI whose scheme is
   * written without escapes, holding no character an IRIREF may not hold, written or escaped. Returns its end (just
   * past `>`), or -1 when it is not such an IRI.
   */
  private iri(b: Buffer, i: number, end: number): number {
    const from = i + 1;
    i = from;
    if (!isLetter(b[i] ?? 0)) return -1;
    let c = 0;
    for (i++; i < end; i++) {
      c = b[i] as number;
      if (!(isLetter(c) || (c >= 48 && c <= 57) || c === 43 || c === 46 || c === 45)) break;
    }
    if (c !== 58) return -1;
    let ascii = true;
    let escaped = false;
    for (i++; ; i++) {
      if (i >= end) return -1;
      c = b[i] as number;
      if (c === 62) break;
      if (c <= 0x20 || c === 60 || c === 34 || c === 123 || c === 125 || c === 124 || c === 94 || c === 96) return -1;
      if (c >= 0x80) ascii = false;
      else if (c === 92) escaped = true;
    }
    const raw = ascii ? latin1(b, from, i) : utf8(b, from, i);
    if (escaped) {
      const resolved = unescape(raw, false, true);
      if (resolved === null) return -1;
      this.value = resolved;
    } else {
      this.value = raw;
    }
    return i + 1;
  }

  /** The datatype term of an IRI, made once. */
  private datatype(iri: string): NamedNode {
    let term = this.datatypes.get(iri);
    if (!term) this.datatypes.set(iri, (term = namedNode(iri)));
    return term;
  }
}

/** How much of a file is read at once (a line longer than this grows it). */
const CHUNK = 1 << 20;

/**
 * Reads an N-Triples (or, with `quads`, N-Quads) file, every triple to `sink`, in runs of whole lines: a leading
 * UTF-8 BOM skipped, each run checked as UTF-8. Returns how many triples were read, or undefined when the file is
 * refused (see the top of this file; a file without triples, one that cannot be read, bytes that are not UTF-8, a
 * line refused) or `stop` says to stop (checked after each run): the caller then reads it with the one reader.
 */
export function readNTriplesTerms(path: string, quads: boolean, sink: TripleSink, stop: () => boolean = () => false): number | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return undefined;
  }
  try {
    const reader = new NTriplesTermReader(quads, sink);
    let buffer = Buffer.allocUnsafe(CHUNK);
    let filled = 0;
    let first = true;
    for (;;) {
      if (filled === buffer.length) { // a line longer than the buffer
        const bigger = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(bigger, 0, 0, filled);
        buffer = bigger;
      }
      const n = readSync(fd, buffer, filled, buffer.length - filled, null);
      let total = filled + n;
      if (first) {
        first = false;
        if (total >= 3 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) { buffer.copy(buffer, 0, 3, total); total -= 3; }
      }
      const last = n === 0 ? total : buffer.lastIndexOf(10, total - 1) + 1;
      if (last === 0 && n !== 0) { filled = total; continue; }
      if (!isUtf8(buffer.subarray(0, last))) return undefined;
      if (!reader.read(buffer, 0, last)) return undefined;
      if (stop()) return undefined;
      if (n === 0) break;
      buffer.copy(buffer, 0, last, total);
      filled = total - last;
    }
    return reader.triples > 0 ? reader.triples : undefined;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}
