// The one reader of RDF files: formats by name or extension, UTF-8 and syntax checked with file:line:column, every syntax error reported (parsing resumes at the next statement), quads streamed.
import { closeSync, createReadStream, mkdtempSync, openSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PassThrough } from 'node:stream';
import type { Quad } from '@rdfjs/types';
import { DataFactory, StreamParser } from 'n3';
import { cannotRead, DataError, UsageError } from '../errors.js';
import { formatNamed, FORMATS, READ_EXTENSIONS } from './format-registry.js';

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

/** The lines of a file, streamed, each with the byte offset where it starts. */
function* lines(path: string): Generator<{ text: string; offset: number }> {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(CHUNK);
    let pending: Buffer = Buffer.alloc(0);
    let offset = 0;
    for (;;) {
      const n = readSync(fd, buffer, 0, CHUNK, null);
      let data = n ? Buffer.concat([pending, buffer.subarray(0, n)]) : pending;
      let nl: number;
      while ((nl = data.indexOf(10)) >= 0) {
        yield { text: data.subarray(0, nl).toString('utf8'), offset };
        offset += nl + 1;
        data = data.subarray(nl + 1);
      }
      pending = Buffer.from(data);
      if (n === 0) { if (pending.length) yield { text: pending.toString('utf8'), offset }; return; }
    }
  } finally {
    closeSync(fd);
  }
}

/** The line and column (in code points) of the first byte that is not valid UTF-8, or undefined when the whole file is valid. */
function utf8Error(path: string): { line: number; column: number; byte: number } | undefined {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(CHUNK);
    let line = 1;
    let column = 1;
    let need = 0;
    let cp = 0;
    let min = 0;
    let lead = 0;
    for (;;) {
      const n = readSync(fd, buffer, 0, CHUNK, null);
      if (n === 0) return need ? { line, column, byte: lead } : undefined;
      for (let i = 0; i < n; i++) {
        const b = buffer[i] ?? 0;
        if (need === 0) {
          if (b < 0x80) { if (b === 10) { line++; column = 1; } else column++; continue; }
          lead = b;
          if (b >= 0xc2 && b <= 0xdf) { need = 1; cp = b & 0x1f; min = 0x80; }
          else if (b >= 0xe0 && b <= 0xef) { need = 2; cp = b & 0x0f; min = 0x800; }
          else if (b >= 0xf0 && b <= 0xf4) { need = 3; cp = b & 0x07; min = 0x10000; }
          else return { line, column, byte: b };
        } else {
          if ((b & 0xc0) !== 0x80) return { line, column, byte: lead };
          cp = (cp << 6) | (b & 0x3f);
          if (--need === 0) {
            if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return { line, column, byte: lead };
            column++;
          }
        }
      }
    }
  } finally {
    closeSync(fd);
  }
}

/** Turns an n3 parser error into a finding with line and column (the column of the quoted token in that line). */
function syntaxFinding(error: Error & { context?: { line?: number; token?: { line?: number; start?: number } } }, lineOffset: number, lineText: (line: number) => string | undefined): Finding {
  const m = /^([\s\S]*?) on line (\d+)\.?$/.exec(error.message);
  const message = m?.[1] ?? error.message;
  const reported = error.context?.line ?? (m ? Number(m[2]) : undefined);
  if (reported === undefined) return { kind: 'syntax', message };
  const line = reported + lineOffset;
  const text = lineText(line) ?? '';
  const quoted = /"((?:[^"\\]|\\.)+)"/.exec(message)?.[1];
  let column = quoted ? text.indexOf(quoted) + 1 : 0;
  if (column <= 0 && error.context?.token?.line === reported && typeof error.context.token.start === 'number') column = error.context.token.start + 1;
  if (column <= 0) column = Math.max(1, text.search(/\S/) + 1);
  return { kind: 'syntax', line, column, message };
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

/** Every quad of a file, streamed; syntax errors are collected (parsing resumes at the next statement) instead of thrown. */
export async function* parseFile(path: string, format: string, findings: Finding[], maxErrors: number): AsyncGenerator<Quad> {
  const bad = utf8Error(path);
  if (bad) {
    findings.push({ kind: 'syntax', line: bad.line, column: bad.column, message: `not valid UTF-8 (byte 0x${bad.byte.toString(16).padStart(2, '0')})` });
    return;
  }
  let from = { line: 1, offset: 0, directives: '' };
  for (;;) {
    const file = createReadStream(path, { start: from.offset });
    const prefix = from.directives ? `${from.directives}\n` : '';
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
    if (at >= 0) return { line: n, column: at + 1 };
  }
  return {};
}


/**
 * Reads every quad of a file with exactly the checks `kg validate` makes (format, readable, UTF-8, syntax, RDF-star,
 * not empty), for commands that need the whole graph (import); `name` is how the file is shown (`<stdin>`).
 * @throws UsageError for an unknown format, InputError for an unreadable file, DataError listing each problem as
 *   `<file>:<line>:<column>` with its message.
 */
export async function readQuads(path: string, options: { inputFormat?: string; name?: string } = {}): Promise<Quad[]> {
  const shown = options.name ?? path;
  const dot = shown.lastIndexOf('.');
  const ext = options.inputFormat ?? (dot > shown.lastIndexOf('/') && dot >= 0 ? shown.slice(dot + 1) : '');
  if (!formatNamed(ext)) throw new UsageError(`cannot read ${shown}: unknown RDF format "${ext}": use ${READ_EXTENSIONS}, or --input-format`);
  try {
    if (statSync(path).isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    closeSync(openSync(path, 'r'));
  } catch (error) {
    throw cannotRead(shown, error);
  }
  const direct = await asDirectFile(path, options.inputFormat, shown);
  if (!direct) throw new UsageError(`cannot read ${shown}: unknown RDF format "${ext}"`);
  const findings: Finding[] = [];
  const quads: Quad[] = [];
  let star = false;
  try {
    for await (const q of parseFile(direct.path, direct.mediaType, findings, 50)) {
      if (q.subject.termType === 'Quad' || q.object.termType === 'Quad' || q.predicate.value === RDF_REIFIES) star = true;
      quads.push(q);
    }
    if (star) findings.push({ kind: 'syntax', ...starLocation(direct.path), message: 'RDF-star / RDF 1.2 triple terms (<< … >>) are not supported: the data must be plain RDF 1.1' });
  } finally {
    direct.cleanup();
  }
  if (!findings.length && quads.length === 0) findings.push({ kind: 'empty', message: 'the file holds no triples' });
  if (findings.length) {
    throw new DataError(findings.map((f) => ({ entity: f.line === undefined ? shown : `${shown}:${f.line}:${f.column ?? 1}`, field: `(${f.kind})`, message: f.message })));
  }
  return quads;
}

/**
 * A JSON-LD file's graph as N-Quads text, offline (a remote context is refused); relative IRIs resolve against the
 * file's URL. `shown` is how the file is named in errors.
 * @throws DataError naming the file and what JSON or JSON-LD rule failed.
 */
export async function jsonLdToNQuads(file: string, text: string, shown = file): Promise<string> {
  const documentLoader = (url: string): never => { throw new Error(`refusing to load the remote context ${url}: embed the context`); };
  const { default: jsonld } = await import('jsonld');
  const ld = jsonld as unknown as { toRDF(input: unknown, options: unknown): Promise<unknown> };
  try {
    const out = await ld.toRDF(JSON.parse(text) as unknown, { format: 'application/n-quads', base: pathToFileURL(file).href, documentLoader });
    return String(out);
  } catch (error) {
    throw new DataError([{ entity: shown, field: '(file)', message: `cannot parse: ${(error as Error).message.split('\n')[0]}` }]);
  }
}

/**
 * A file the line-based reader can read: the file itself for Turtle, N-Triples, N-Quads and TriG, or, for JSON-LD,
 * its graph converted to N-Quads in a temporary file (call `cleanup` when done). Undefined for an unknown format.
 */
export async function asDirectFile(path: string, inputFormat?: string, shown = path): Promise<{ path: string; mediaType: string; cleanup: () => void } | undefined> {
  const dot = shown.lastIndexOf('.');
  const name = formatNamed(inputFormat ?? (dot > shown.lastIndexOf('/') && dot >= 0 ? shown.slice(dot + 1) : ''));
  if (!name) return undefined;
  if (FORMATS[name].direct) return { path, mediaType: FORMATS[name].mediaType, cleanup: () => {} };
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw cannotRead(shown, error);
  }
  const dir = mkdtempSync(join(tmpdir(), 'kg-jsonld-'));
  const nq = join(dir, 'graph.nq');
  // Each entity's quads together (its embedded #nodes with it), as the streaming checks expect: sort by the subject
  // without its fragment, then by line.
  const entityOf = (line: string): string => /^<([^>#]*)/.exec(line)?.[1] ?? line;
  const lines = (await jsonLdToNQuads(path, text, shown)).split('\n').filter((l) => l.trim() !== '');
  lines.sort((a, b) => { const ea = entityOf(a); const eb = entityOf(b); return ea < eb ? -1 : ea > eb ? 1 : a < b ? -1 : a > b ? 1 : 0; });
  writeFileSync(nq, lines.length ? `${lines.join('\n')}\n` : '');
  return { path: nq, mediaType: FORMATS.nquads.mediaType, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
