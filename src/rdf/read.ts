// The one reader of RDF files: formats by name or extension, a leading UTF-8 BOM skipped, UTF-8 and syntax checked with file:line:column, every syntax error reported (parsing resumes at the next statement), quads streamed.
import { closeSync, createReadStream, mkdtempSync, openSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PassThrough } from 'node:stream';
import { isUtf8 } from 'node:buffer';
import type { Quad } from '@rdfjs/types';
import { DataFactory, StreamParser } from 'n3';
import { cannotRead, DataError, InputError, UsageError, type DataProblem } from '../errors.js';
import { formatNamed, FORMATS, READ_EXTENSIONS } from './format-registry.js';
import { checkLanguageTag } from '../mapping/lexical.js';
import { pathText, positionsOf, scanJson, type TextPosition } from './json.js';

/** The media type read for each file extension (or `--input-format`). */
export const INPUT_FORMATS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.values(FORMATS).filter((f) => f.direct).flatMap((f) => f.aliases.map((a) => [a, f.mediaType])),
);

/** One thing wrong with a file. */
export interface Finding {
  /** `read` and `syntax` mean the file could not be read or parsed; the others that its data is invalid. */
  readonly kind: 'read' | 'syntax' | 'empty' | 'decode' | 'check' | 'shacl';
  readonly line?: number;
  readonly column?: number;
  /** The focus node (SHACL) or entity id (decoding and checks). */
  readonly focus?: string;
  /** The SHACL path or the entity field. */
  readonly path?: string;
  /** The SHACL constraint component. */
  readonly constraint?: string;
  readonly value?: string;
  readonly message: string;
}

const CHUNK = 1 << 16;
export const RDF_REIFIES = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#reifies';

/** The UTF-8 byte order mark. */
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * The length in bytes of the UTF-8 byte order mark a file starts with (3), or 0. The one BOM rule of every reader
 * (RDF files, JSON-LD, JSON datasets): a leading U+FEFF is skipped, and lines and columns are counted after it. RDF
 * 1.1 Turtle and N-Triples leave the BOM out of their grammars; RFC 8259 §8.1 lets a JSON parser ignore it; n3,
 * Jena, rdflib and Oxigraph skip it. A U+FEFF anywhere else is a character like any other. `at` looks for one at
 * another byte offset instead.
 */
export function bomLength(path: string, at = 0): number {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(3);
    return readSync(fd, head, 0, 3, at) === 3 && head.equals(BOM) ? 3 : 0;
  } finally {
    closeSync(fd);
  }
}

/** The lines of a file (a leading BOM left out), streamed, each with the byte offset where it starts. */
function* lines(path: string): Generator<{ text: string; offset: number }> {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(CHUNK);
    let pending: Buffer = Buffer.alloc(0);
    let offset = 0;
    let first = true;
    const text = (b: Buffer): string => {
      const t = b.toString('utf8');
      if (!first) return t;
      first = false;
      return t.charCodeAt(0) === 0xfeff ? t.slice(1) : t;
    };
    for (;;) {
      const n = readSync(fd, buffer, 0, CHUNK, null);
      let data = n ? Buffer.concat([pending, buffer.subarray(0, n)]) : pending;
      let nl: number;
      while ((nl = data.indexOf(10)) >= 0) {
        yield { text: text(data.subarray(0, nl)), offset };
        offset += nl + 1;
        data = data.subarray(nl + 1);
      }
      pending = Buffer.from(data);
      if (n === 0) { if (pending.length) yield { text: text(pending), offset }; return; }
    }
  } finally {
    closeSync(fd);
  }
}

/** Where bytes stop being UTF-8: the line and column (in code points, a leading BOM not counted) and the offending lead byte. */
export interface Utf8Error {
  readonly line: number;
  readonly column: number;
  readonly byte: number;
}

/** A streaming UTF-8 check (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF) that counts lines and columns. */
class Utf8Check {
  private line = 1;
  private column = 1;
  private need = 0;
  private cp = 0;
  private min = 0;
  private lead = 0;

  /** Checks the next bytes; returns the first error, or undefined. */
  push(bytes: Uint8Array): Utf8Error | undefined {
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i] ?? 0;
      if (this.need === 0) {
        if (b < 0x80) { if (b === 10) { this.line++; this.column = 1; } else this.column++; continue; }
        this.lead = b;
        if (b >= 0xc2 && b <= 0xdf) { this.need = 1; this.cp = b & 0x1f; this.min = 0x80; }
        else if (b >= 0xe0 && b <= 0xef) { this.need = 2; this.cp = b & 0x0f; this.min = 0x800; }
        else if (b >= 0xf0 && b <= 0xf4) { this.need = 3; this.cp = b & 0x07; this.min = 0x10000; }
        else return this.error(b);
      } else {
        if ((b & 0xc0) !== 0x80) return this.error(this.lead);
        this.cp = (this.cp << 6) | (b & 0x3f);
        if (--this.need === 0) {
          if (this.cp < this.min || this.cp > 0x10ffff || (this.cp >= 0xd800 && this.cp <= 0xdfff)) return this.error(this.lead);
          this.column++;
        }
      }
    }
    return undefined;
  }

  /** The error at the end of the input: a sequence cut short. */
  end(): Utf8Error | undefined {
    return this.need ? this.error(this.lead) : undefined;
  }

  private error(byte: number): Utf8Error {
    return { line: this.line, column: this.column, byte };
  }
}

/**
 * Whether a file is all UTF-8, by Node's native check (buffer.isUtf8: RFC 3629, as Utf8Check), chunk by chunk: a
 * chunk is cut before a sequence its end may split, which starts the next one.
 */
function isUtf8File(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(CHUNK);
    for (let position = 0; ;) {
      const n = readSync(fd, buffer, 0, CHUNK, position);
      if (n === 0) return true;
      let end = n;
      let i = n - 1;
      while (i > 0 && n - i < 4 && ((buffer[i] ?? 0) & 0xc0) === 0x80) i--;
      if ((buffer[i] ?? 0) >= 0xc0 && n === CHUNK) end = i;
      if (!isUtf8(buffer.subarray(0, end))) return false;
      position += end;
    }
  } finally {
    closeSync(fd);
  }
}

/** The first place where a file (its leading BOM skipped) is not valid UTF-8, or undefined when it all is. */
function utf8Error(path: string): Utf8Error | undefined {
  if (isUtf8File(path)) return undefined; // the byte-by-byte check below only places the error (line and column)
  const fd = openSync(path, 'r');
  try {
    const check = new Utf8Check();
    const buffer = Buffer.allocUnsafe(CHUNK);
    let position = bomLength(path);
    for (;;) {
      const n = readSync(fd, buffer, 0, CHUNK, position);
      if (n === 0) return check.end();
      position += n;
      const bad = check.push(buffer.subarray(0, n));
      if (bad) return bad;
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Decodes bytes as UTF-8 text, strictly, a leading BOM skipped (the rule of bomLength).
 * @throws ParseError naming `shown:line:column` and the byte when the bytes are not valid UTF-8.
 */
export function decodeUtf8(bytes: Buffer, shown: string): string {
  const body = bytes.subarray(0, 3).equals(BOM) ? bytes.subarray(3) : bytes;
  const check = new Utf8Check();
  const bad = check.push(body) ?? check.end();
  if (bad) throw new ParseError(shown, [utf8Finding(bad)]);
  return body.toString('utf8');
}

/** The finding for bytes that are not UTF-8. */
function utf8Finding(bad: Utf8Error): Finding {
  return { kind: 'syntax', line: bad.line, column: bad.column, message: `not valid UTF-8 (byte 0x${bad.byte.toString(16).padStart(2, '0')})` };
}

/** A finding as one line: `file:line:column: message` (`file: message` when it has no place). */
export function placed(file: string, f: Finding): string {
  return `${file}${f.line !== undefined ? `:${f.line}:${f.column ?? 1}` : ''}: ${f.message}`;
}

/**
 * A file that cannot be parsed (not UTF-8, a syntax error, not JSON-LD of a graph): each problem on its own line as
 * `file:line:column: message`. An InputError, so the CLI exits 2, as kg validate does for such a file.
 */
export class ParseError extends InputError {
  override name = 'ParseError';
  /** The file as named in messages, and what is wrong with it. */
  constructor(readonly file: string, readonly findings: readonly Finding[]) {
    super(findings.map((f) => placed(file, f)).join('\n'));
  }
}

/** A DataError whose problems each have a place in the file (line and column), in the same order. */
export class PlacedDataError extends DataError {
  /** `places[k]` is where `problems[k]` is (undefined when it has no place). */
  constructor(problems: readonly DataProblem[], readonly places: ReadonlyArray<TextPosition | undefined>) {
    super(problems);
  }
}

/** Characters that do not show when printed (controls other than tab and line ends, format characters such as U+FEFF, odd spaces). */
const INVISIBLE = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\p{Cf}\p{Co}\p{Cs}\p{Zl}\p{Zp}\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\ufffe\uffff]/gu;

/** A text with the characters that do not show written as U+XXXX. */
function visible(text: string): string {
  return text.replace(INVISIBLE, (c) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`);
}

/** The column (1-based, in code points) of a UTF-16 index into a line. */
function codePointColumn(text: string, index: number): number {
  let column = 1;
  for (let i = 0; i < index && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
    column++;
  }
  return column;
}

/** Turns an n3 parser error into a finding with line and column (the column of the quoted token in that line). */
function syntaxFinding(error: Error & { context?: { line?: number; token?: { line?: number; start?: number } } }, lineOffset: number, lineText: (line: number) => string | undefined): Finding {
  const m = /^([\s\S]*?) on line (\d+)\.?$/.exec(error.message);
  const reported = error.context?.line ?? (m ? Number(m[2]) : undefined);
  if (reported === undefined) return { kind: 'syntax', message: visible(m?.[1] ?? error.message) };
  const line = reported + lineOffset;
  const text = lineText(line) ?? '';
  let message = m?.[1] ?? error.message;
  const quoted = /"((?:[^"\\]|\\.)+)"/.exec(message)?.[1];
  let index = quoted ? text.indexOf(quoted) : -1;
  if (message.startsWith('Unexpected ""')) {
    // n3 reads some invisible characters (U+FEFF, U+00A0, …) as white space and then names an empty token: name the character.
    INVISIBLE.lastIndex = 0;
    const odd = INVISIBLE.exec(text);
    if (odd) { index = odd.index; message = `Unexpected ${visible(odd[0])}${message.slice('Unexpected ""'.length)}`; }
  }
  if (index < 0 && error.context?.token?.line === reported && typeof error.context.token.start === 'number') index = error.context.token.start;
  if (index < 0) index = Math.max(0, text.search(/\S/));
  if (/^Detected language tag with subtag longer than 8/.test(message)) {
    // n3 names no tag: the tag as written is the one at the reported place (its "@" or its first letter).
    const tag = /^@?([A-Za-z0-9]+(?:-[A-Za-z0-9]*)*)/.exec(text.slice(index))?.[1];
    if (tag) message = `${message}: @${tag} (as written; RFC 5646 §2.1 allows at most 8)`;
  }
  return { kind: 'syntax', line, column: codePointColumn(text, index), message: visible(message) };
}

/** Where parsing can resume after an error on `line`: the next line that starts a statement, its byte offset, and the directives before it. */
function resumePoint(path: string, line: number): { line: number; offset: number; directives: string } | undefined {
  const directives: string[] = [];
  let n = 0;
  for (const { text, offset } of lines(path)) {
    n++;
    if (n <= line) {
      if (/^\s*(@prefix|@base|PREFIX|BASE)\b/i.test(text)) directives.push(text.trim());
      continue;
    }
    if (/^[^\s#)\]}.,;]/.test(text)) return { line: n, offset, directives: directives.join(' ') };
  }
  return undefined;
}

/** The text of one line of a file (1-based). */
function lineOf(path: string, wanted: number): string | undefined {
  let n = 0;
  for (const { text } of lines(path)) if (++n === wanted) return text;
  return undefined;
}

/**
 * Every quad of a file, streamed; syntax errors are collected in `findings` (parsing resumes at the next statement,
 * up to `maxErrors`) instead of thrown, and so is RDF-star / RDF 1.2 syntax (triple terms, rdf:reifies), found once
 * the file is read through: the data must be plain RDF 1.1.
 */
export async function* parseFile(path: string, format: string, findings: Finding[], maxErrors: number): AsyncGenerator<Quad> {
  let star = false;
  for await (const q of parseQuads(path, format, findings, maxErrors)) {
    if (q.subject.termType === 'Quad' || q.object.termType === 'Quad' || q.predicate.value === RDF_REIFIES) star = true;
    yield q;
  }
  if (star) findings.push({ kind: 'syntax', ...starLocation(path), message: 'RDF-star / RDF 1.2 triple terms (<< … >>) are not supported: the data must be plain RDF 1.1' });
}

/** Every quad of a file (see parseFile), RDF-star not looked for. */
async function* parseQuads(path: string, format: string, findings: Finding[], maxErrors: number): AsyncGenerator<Quad> {
  const bad = utf8Error(path);
  if (bad) {
    findings.push(utf8Finding(bad));
    return;
  }
  let from = { line: 1, offset: bomLength(path), directives: '' };
  for (;;) {
    const file = createReadStream(path, { start: from.offset });
    // n3 drops a U+FEFF that starts its input as a BOM; the reader has skipped the one BOM already, so another one
    // (a doubled BOM) must reach the parser as the character it is: start the parser's input with a line of directives.
    const prefix = from.directives || bomLength(path, from.offset) ? `${from.directives}\n` : '';
    const source = new PassThrough();
    if (prefix) source.write(prefix);
    file.pipe(source);
    const parser = new StreamParser({ format });
    for (const s of [file, source]) s.on('error', () => { /* the parser's error is the one reported */ });
    const lineOffset = from.line - 1 - (prefix ? 1 : 0);
    try {
      for await (const q of source.pipe(parser)) yield q as Quad;
      return;
    } catch (error) {
      file.unpipe(source);
      file.destroy();
      source.destroy();
      const finding = syntaxFinding(error as Error, lineOffset, (l) => lineOf(path, l));
      findings.push(finding);
      const count = findings.filter((f) => f.kind === 'syntax').length;
      if (finding.line === undefined || count >= maxErrors) return;
      const next = resumePoint(path, finding.line);
      if (!next) return;
      from = next;
    }
  }
}

/** A quad moved into the default graph (named graphs are merged for validation and import). */
export function defaultGraph(q: Quad): Quad {
  return q.graph.termType === 'DefaultGraph' ? q : DataFactory.quad(q.subject, q.predicate, q.object);
}

/** The line and column of the first `<<` outside strings and IRIs, for reporting RDF-star syntax. */
export function starLocation(path: string): { line?: number; column?: number } {
  let n = 0;
  for (const { text } of lines(path)) {
    n++;
    const stripped = text.replace(/"(?:[^"\\]|\\.)*"|<[^<>\s]*>/g, (m) => ' '.repeat(m.length));
    const at = stripped.indexOf('<<');
    if (at >= 0) return { line: n, column: codePointColumn(text, at) };
  }
  return {};
}


/** A prefixed name's prefix (PN_PREFIX, approximately) and local part (PN_LOCAL with its escapes), or an IRI in `<>`. */
const MENTION = /<([^<>"{}|^`\\\s]*)>|(?<![\p{L}\p{N}_:.\-])([\p{L}][\p{L}\p{N}_.\-]*)?:((?:[\p{L}\p{N}_:%\-]|\\[^\s])(?:[\p{L}\p{N}_:%\-]|\\[^\s]|\.(?=[\p{L}\p{N}_:%\-\\]))*)?/gu;
/** A prefix directive (Turtle `@prefix`, SPARQL-style `PREFIX`). */
const PREFIX_DIRECTIVE = /(?:@prefix|\bPREFIX)\s+([\p{L}][\p{L}\p{N}_.\-]*)?:\s*<([^<>]*)>/giu;

/**
 * Where each of some IRIs is first written in a Turtle, TriG, N-Triples or N-Quads file, as `<iri>` or as a prefixed
 * name under a prefix declared before it: preferably where it starts a line (a subject, as the exporter writes them),
 * else its first mention anywhere; line and column (in code points) as the reader counts them. IRIs not found are
 * left out (a relative IRI, one inside a string). One pass over the file.
 */
export function firstMentions(path: string, iris: Iterable<string>): Map<string, { line: number; column: number }> {
  const wanted = new Set(iris);
  const atStart = new Map<string, { line: number; column: number }>();
  const anywhere = new Map<string, { line: number; column: number }>();
  if (!wanted.size) return atStart;
  const prefixes = new Map<string, string>();
  let n = 0;
  for (const { text } of lines(path)) {
    n++;
    for (const d of text.matchAll(PREFIX_DIRECTIVE)) prefixes.set(d[1] ?? '', d[2] ?? '');
    const code = text.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|#.*$/g, (m) => (m.startsWith('#') ? '' : ' '.repeat(m.length)));
    const first = code.search(/\S/);
    for (const m of code.matchAll(MENTION)) {
      const index = m.index ?? 0;
      let iri: string | undefined;
      if (m[1] !== undefined) iri = m[1];
      else {
        const ns = prefixes.get(m[2] ?? '');
        if (ns !== undefined) iri = ns + (m[3] ?? '').replace(/\\(.)/gu, '$1');
      }
      if (iri === undefined || !wanted.has(iri)) continue;
      const place = { line: n, column: codePointColumn(text, index) };
      if (index === 0 && index === first) { if (!atStart.has(iri)) atStart.set(iri, place); }
      else if (!anywhere.has(iri)) anywhere.set(iri, place);
    }
    if (atStart.size === wanted.size) break;
  }
  for (const [iri, place] of anywhere) if (!atStart.has(iri)) atStart.set(iri, place);
  return atStart;
}

/**
 * Reads every quad of a file with exactly the checks `kg validate` makes (format, readable, a leading BOM skipped,
 * UTF-8, syntax, RDF-star, not empty), for commands that need the whole graph (import); `name` is how the file is
 * shown (`<stdin>`). `positions` says whether lines and columns refer to the file (not for JSON-LD, read as its graph).
 * @throws UsageError for an unknown format; InputError for an unreadable file; ParseError (an InputError) listing
 *   each encoding or syntax problem as `<file>:<line>:<column>: <message>`; DataError for a file without triples, or
 *   JSON-LD whose keys repeat, whose numbers a double rounds or whose language tags are not BCP 47.
 */
export async function readQuads(path: string, options: { inputFormat?: string; name?: string } = {}): Promise<{ quads: Quad[]; positions: boolean }> {
  const quads: Quad[] = [];
  const read = await readChecked(path, options, { star: false, bytes: false }, (q) => quads.push(q));
  return { quads, positions: read.positions };
}

/**
 * Reads a file for a store that parses RDF itself (kg query's Oxigraph) with the checks of readQuads, except that
 * RDF-star / RDF 1.2 syntax is accepted (such a store reads it); gives the bytes to hand the store, which it can read
 * as they are: the file after its BOM, or for JSON-LD its graph as N-Quads; `quads` is how many the reader found.
 * @throws what readQuads throws, except for RDF-star.
 */
export async function readForStore(path: string, options: { inputFormat?: string; name?: string } = {}): Promise<{ bytes: Buffer; mediaType: string; quads: number; positions: boolean }> {
  const read = await readChecked(path, options, { star: true, bytes: true }, () => {});
  return { bytes: read.bytes ?? Buffer.alloc(0), mediaType: read.mediaType, quads: read.count, positions: read.positions };
}

/** The extension of a file name (after its last dot, in its last segment), or ''. */
function extensionOf(shown: string): string {
  const dot = shown.lastIndexOf('.');
  return dot > shown.lastIndexOf('/') && dot >= 0 ? shown.slice(dot + 1) : '';
}

/** readQuads and readForStore: every quad to `each`, then the refusals; with `bytes`, the bytes the reader read (after a BOM). */
async function readChecked(
  path: string, options: { inputFormat?: string; name?: string }, how: { star: boolean; bytes: boolean }, each: (q: Quad) => void,
): Promise<{ positions: boolean; mediaType: string; count: number; bytes?: Buffer }> {
  const shown = options.name ?? path;
  const ext = options.inputFormat ?? extensionOf(shown);
  if (!formatNamed(ext)) throw new UsageError(`cannot read ${shown}: unknown RDF format "${ext}": use ${READ_EXTENSIONS}, or --input-format`);
  checkReadable(path, shown);
  const direct = await asDirectFile(path, options.inputFormat ?? ext, shown);
  if (!direct) throw new UsageError(`cannot read ${shown}: unknown RDF format "${ext}"`);
  const findings: Finding[] = [];
  let count = 0;
  let bytes: Buffer | undefined;
  try {
    const quads = how.star ? parseQuads(direct.path, direct.mediaType, findings, 50) : parseFile(direct.path, direct.mediaType, findings, 50);
    for await (const q of quads) { count++; each(q); }
    if (how.bytes && !findings.length && count) {
      try {
        const all = readFileSync(direct.path);
        bytes = all.subarray(0, 3).equals(BOM) ? all.subarray(3) : all;
      } catch (error) {
        throw cannotRead(shown, error);
      }
    }
  } finally {
    direct.cleanup();
  }
  if (findings.length) throw new ParseError(shown, direct.positions ? findings : findings.map(inTheGraph));
  if (count === 0) throw new DataError([{ entity: shown, field: '(empty)', message: 'the file holds no triples' }]);
  return { positions: direct.positions, mediaType: direct.mediaType, count, ...(bytes ? { bytes } : {}) };
}

/**
 * Checks that a path names a file that can be opened for reading.
 * @throws InputError `cannot read <shown>: is a directory (EISDIR)`, `no such file (ENOENT)`, … otherwise.
 */
export function checkReadable(path: string, shown = path): void {
  try {
    if (statSync(path).isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    closeSync(openSync(path, 'r'));
  } catch (error) {
    throw cannotRead(shown, error);
  }
}

/**
 * A JSON-LD document's graph as N-Quads text, offline (a remote context is refused); relative IRIs resolve against
 * the file's URL. `source` is the file's bytes (checked as UTF-8) or its text; a leading BOM is skipped either way.
 * `shown` is how the file is named in errors.
 * @throws ParseError with line and column for bytes that are not UTF-8 or text that is not JSON (RFC 8259), and
 *   without for JSON that is not JSON-LD of a graph; DataError naming `file:line:column` and the JSON path for a key
 *   given twice in one object, a number a double cannot hold as written (JSON-LD processors would keep one key
 *   silently, or round the number), or an "@language" that is not a well-formed BCP 47 tag (RFC 5646 §2.1).
 */
export async function jsonLdToNQuads(file: string, source: string | Buffer, shown = file): Promise<string> {
  const text = typeof source === 'string' ? source.replace(/^\uFEFF/, '') : decodeUtf8(source, shown);
  const value = parseJsonStrictly(text, shown);
  const documentLoader = (url: string): never => { throw new Error(`refusing to load the remote context ${url}: embed the context`); };
  const { default: jsonld } = await import('jsonld');
  const ld = jsonld as unknown as { toRDF(input: unknown, options: unknown): Promise<unknown> };
  try {
    const out = await ld.toRDF(value, { format: 'application/n-quads', base: pathToFileURL(file).href, documentLoader });
    return String(out);
  } catch (error) {
    throw new ParseError(shown, [{ kind: 'syntax', message: `not JSON-LD that gives a graph: ${(error as Error).message.split('\n')[0]}` }]);
  }
}

/**
 * Parses JSON-LD text after scanning it (scanJson): syntax errors, repeated keys, rounded numbers, lone surrogates and
 * "@language" values that are not well-formed BCP 47 tags (checkLanguageTag, the one rule) are refused with their places; each problem names the node it is in (the nearest enclosing "@id") when it has one,
 * else the file, line and column.
 */
function parseJsonStrictly(text: string, shown: string): unknown {
  const scan = scanJson(text, 50, new Set(['@language']));
  if (scan.error) {
    const [at] = positionsOf(text, [scan.error.offset]);
    throw new ParseError(shown, [{ kind: 'syntax', ...at, message: `not valid JSON: ${scan.error.message}` }]);
  }
  const value = JSON.parse(text) as unknown;
  const found = [
    ...scan.duplicates.map((d) => ({ path: d.path, offset: d.offset, message: `the key ${JSON.stringify(d.key)} is given twice in one object: a JSON-LD processor would keep one of the two silently (RFC 8259 §4: names should be unique)` })),
    ...scan.inexact.map((d) => ({ path: d.path, offset: d.offset, message: inexactMessage(d.text) })),
    ...scan.loneSurrogates.map((d) => ({ path: d.path, offset: d.offset, message: `${d.text} (as written) is half of a UTF-16 surrogate pair with no other half: RDF text holds Unicode characters only (RDF 1.1 Concepts §3.3, XML 1.0 Char)` })),
    // A tag the N-Quads of the graph could not even carry (@-en) would otherwise be refused there, with no place in this file.
    ...scan.keyed.flatMap((d) => {
      const tag = JSON.parse(d.written) as string;
      const wrong = checkLanguageTag(tag);
      return wrong ? [{ path: d.path, offset: d.offset, message: `${wrong}${d.written === JSON.stringify(tag) ? '' : ` (written ${d.written})`}` }] : [];
    }).slice(0, 50),
  ];
  if (!found.length) return value;
  const places = positionsOf(text, found.map((f) => f.offset));
  const problems: DataProblem[] = found.map((f, k) => {
    const at = `${shown}:${places[k]?.line ?? 1}:${places[k]?.column ?? 1}`;
    const node = nodeIdAt(value, f.path);
    return { entity: node ?? at, field: pathText(f.path), message: node === undefined ? f.message : `${f.message} (at ${at})` };
  });
  throw new PlacedDataError(problems, places);
}

/** The "@id" of the innermost JSON-LD node object on a path through a JSON value (not inside a "@context"), if any. */
function nodeIdAt(value: unknown, path: readonly (string | number)[]): string | undefined {
  let id: string | undefined;
  let here: unknown = value;
  for (let k = 0; ; k++) {
    if (typeof here === 'object' && here !== null && !Array.isArray(here)) {
      const own = (here as Record<string, unknown>)['@id'];
      if (typeof own === 'string') id = own;
    }
    const step = path[k];
    if (step === undefined || step === '@context' || typeof here !== 'object' || here === null) return id; // a context's "@id"s are terms' IRIs
    here = (here as Record<string | number, unknown>)[step];
  }
}

/** Why a JSON number as written cannot be read: a double (RFC 8259 §6, IEEE 754) rounds it or overflows. */
export function inexactMessage(written: string): string {
  const value = Number(written);
  const becomes = Number.isInteger(value) ? BigInt(value).toString() : String(value);
  return `the number ${written} (as written) cannot be read exactly: JSON numbers are read as IEEE 754 doubles (RFC 8259 §6), which hold whole numbers only up to 9007199254740991 (2^53 - 1), so it would become ${becomes}; write it as a string`;
}

/** A finding in the N-Quads a JSON-LD file was turned into: its line there is no place in the file, so it is told in the message. */
export function inTheGraph(f: Finding): Finding {
  return { kind: f.kind, message: `the graph of this JSON-LD cannot be read: ${f.message}${f.line !== undefined ? ` (line ${f.line} of that graph as N-Quads)` : ''}` };
}

/**
 * A file the line-based reader can read: the file itself for Turtle, N-Triples, N-Quads and TriG, or, for JSON-LD,
 * its graph converted to N-Quads in a temporary file (call `cleanup` when done); `positions` is true when lines and
 * columns found in it are the file's own. Undefined for an unknown format.
 * @throws InputError for an unreadable file; for JSON-LD, what jsonLdToNQuads throws.
 */
export async function asDirectFile(path: string, inputFormat?: string, shown = path): Promise<{ path: string; mediaType: string; positions: boolean; cleanup: () => void } | undefined> {
  const dot = shown.lastIndexOf('.');
  const name = formatNamed(inputFormat ?? (dot > shown.lastIndexOf('/') && dot >= 0 ? shown.slice(dot + 1) : ''));
  if (!name) return undefined;
  if (FORMATS[name].direct) return { path, mediaType: FORMATS[name].mediaType, positions: true, cleanup: () => {} };
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw cannotRead(shown, error);
  }
  const nquads = await jsonLdToNQuads(path, bytes, shown);
  const dir = mkdtempSync(join(tmpdir(), 'kg-jsonld-'));
  const nq = join(dir, 'graph.nq');
  // Each entity's quads together (its embedded #nodes with it), as the streaming checks expect: sort by the subject
  // without its fragment, then by line.
  const entityOf = (line: string): string => /^<([^>#]*)/.exec(line)?.[1] ?? line;
  const lines = nquads.split('\n').filter((l) => l.trim() !== '');
  lines.sort((a, b) => { const ea = entityOf(a); const eb = entityOf(b); return ea < eb ? -1 : ea > eb ? 1 : a < b ? -1 : a > b ? 1 : 0; });
  writeFileSync(nq, lines.length ? `${lines.join('\n')}\n` : '');
  return { path: nq, mediaType: FORMATS.nquads.mediaType, positions: false, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
