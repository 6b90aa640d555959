// Validates RDF files in a stream: syntax (every error, with line and column), strict decoding and checks per entity, then SHACL.
import { DIRECT_EXTENSIONS, FORMATS } from '../rdf/formats.js';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import type { Quad } from '@rdfjs/types';
import { createReadStream } from 'node:fs';
import { PassThrough } from 'node:stream';
import { DataFactory, StreamParser } from 'n3';
import { entityProblems, type CheckContext } from '../mapping/check.js';
import { CLASSES, type Entity } from '../model/classes.js';
import { decodeQuads } from '../mapping/decode.js';
import { DataError } from '../errors.js';
import { ancestorsOf, propertiesOf, type ClassDecl } from '../model/schema.js';
import { ShaclChecker, type Violation } from './shacl.js';
import { HashIndex } from '../mapping/hashindex.js';
import { KG_NS, RDF } from '../model/vocab.js';

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

/** The outcome of validating one file. */
export interface FileReport {
  readonly file: string;
  readonly status: 'valid' | 'invalid' | 'unreadable';
  readonly triples: number;
  readonly entities: number;
  /** Whether the SHACL engine ran (it is skipped above `shaclMaxTriples`, and says so). */
  readonly shacl: 'ran' | 'skipped' | 'not reached';
  readonly findings: readonly Finding[];
}

/** Options of validation. */
export interface ValidateOptions {
  readonly base: string;
  /** The shapes to validate with (parsed from ontology/shapes.ttl unless the user gives others). */
  readonly shapes: readonly Quad[];
  /** Overrides the format the file extension implies: ttl, nt, nq or trig. */
  readonly inputFormat?: string;
  /** Above this many triples the SHACL engine (which holds the graph in memory) is skipped; decoding and checks still run. */
  readonly shaclMaxTriples: number;
  /** At most this many syntax errors are reported per file. */
  readonly maxSyntaxErrors?: number;
}

const CHUNK = 1 << 16;
const RDF_REIFIES = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#reifies';

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
async function* parseFile(path: string, format: string, findings: Finding[], maxErrors: number): AsyncGenerator<Quad> {
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

/** A 53-bit hash of a string (cyrb53): collisions among a few million IRIs are vanishingly unlikely. */
export function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** The entity an IRI belongs to: the IRI itself, or the part before `#` for nodes embedded in an entity. */
function entityKey(iri: string): string {
  const hash = iri.indexOf('#');
  return hash < 0 ? iri : iri.slice(0, hash);
}

const CLASS_LIST: readonly ClassDecl[] = CLASSES;
const CLASS_INDEX: ReadonlyMap<string, number> = new Map(CLASS_LIST.map((c, i) => [c.iri, i]));
/** Abstract classes of ours (kg:Item, kg:Agent …): asserted with an entity's class, never its class, so not indexed. */
const ABSTRACT: ReadonlySet<string> = new Set(CLASS_LIST.filter((c) => c.abstract).map((c) => c.iri));
/** Index 255 stands for a type that is not a class of ours. */
const NOT_OURS = 255;

/**
 * Of two types of one subject (indexes into CLASS_LIST), the one that names its class: an entity is typed with its
 * class and each of its superclasses of ours, so the more specific one wins; a class of ours beats a stranger. For
 * unrelated types (invalid data, reported by decoding) the one with more superclasses wins, then the first.
 */
function moreSpecific(a: number, b: number): number {
  const ca = CLASS_LIST[a];
  const cb = CLASS_LIST[b];
  if (!ca) return b;
  if (!cb) return a;
  if (ancestorsOf(ca).includes(cb)) return a;
  if (ancestorsOf(cb).includes(ca)) return b;
  return ancestorsOf(cb).length > ancestorsOf(ca).length ? b : a;
}
const REFERENCED_BY: ReadonlyArray<{ cls: string; prop: string; iri: string }> = (CLASSES as readonly ClassDecl[]).flatMap((c) => {
  if (!c.referencedBy) return [];
  const by = (CLASSES as readonly ClassDecl[]).find((d) => d.name === c.referencedBy?.cls);
  const via = by && propertiesOf(by).find((p) => p.key === c.referencedBy?.prop);
  return via ? [{ cls: c.referencedBy.cls, prop: c.referencedBy.prop, iri: via.prop.iri }] : [];
});

/** Validates one file; never throws for bad input, which is reported as findings. */
export async function validateFile(path: string, options: ValidateOptions): Promise<FileReport> {
  const report = (status: FileReport['status'], findings: Finding[], triples = 0, entities = 0, shacl: FileReport['shacl'] = 'not reached'): FileReport =>
    ({ file: path, status, triples, entities, shacl, findings });
  const ext = (options.inputFormat ?? extname(path).slice(1)).toLowerCase();
  const format = INPUT_FORMATS[ext];
  if (!format) return report('unreadable', [{ kind: 'read', message: `unknown RDF format "${ext}": use ${DIRECT_EXTENSIONS}, or --input-format` }]);
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) return report('unreadable', [{ kind: 'read', message: 'is a directory, not a file' }]);
    closeSync(openSync(path, 'r'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code ?? String(error);
    return report('unreadable', [{ kind: 'read', message: `cannot read: ${why}` }]);
  }

  // Pass 1: syntax, and what checking an entity needs to know of the others (classes, document texts, back references).
  // The index holds 53-bit hashes of IRIs, not the IRIs, so that its memory stays small for large files.
  const findings: Finding[] = [];
  const classOf = new HashIndex();
  const texts = new Map<string, string>();
  const referenced = new HashIndex();
  let triples = 0;
  let star = false;
  for await (const q of parseFile(path, format, findings, options.maxSyntaxErrors ?? 50)) {
    triples++;
    if (q.subject.termType === 'Quad' || q.object.termType === 'Quad' || q.predicate.value === RDF_REIFIES) star = true;
    if (q.predicate.value === RDF.type && q.object.termType === 'NamedNode' && !ABSTRACT.has(q.object.value)) classOf.add(hash53(q.subject.value), CLASS_INDEX.get(q.object.value) ?? NOT_OURS);
    else if (q.predicate.value === `${KG_NS}text` && q.object.termType === 'Literal') texts.set(q.subject.value, q.object.value);
    for (const r of REFERENCED_BY) if (q.predicate.value === r.iri) referenced.add(hash53(`${r.cls} ${r.prop} ${q.object.value}`), 1);
  }
  if (star) findings.push({ kind: 'syntax', ...starLocation(path), message: 'RDF-star / RDF 1.2 triple terms (<< … >>) are not supported: the data must be plain RDF 1.1' });
  if (findings.length) return report('unreadable', findings, triples);
  if (triples === 0) return report('invalid', [{ kind: 'empty', message: 'the file holds no triples' }]);
  classOf.freeze(moreSpecific); // an entity has several types (its class and its superclasses): keep its class
  referenced.freeze();

  // Pass 2: decode and check entity by entity (each entity's triples, with its embedded nodes, come together).
  const context: CheckContext = {
    classOf: (id) => CLASS_LIST[classOf.get(hash53(options.base + id)) ?? NOT_OURS],
    sourceText: (id) => texts.get(options.base + id),
    isReferenced: (id, cls, prop) => referenced.get(hash53(`${cls} ${prop} ${options.base}${id}`)) !== undefined,
  };
  const keepForShacl = triples <= options.shaclMaxTriples;
  const all: Quad[] = [];
  const done = new HashIndex();
  let group: Quad[] = [];
  let key = '';
  let entities = 0;
  let scattered = false;
  const flush = (): void => {
    if (!group.length) return;
    done.add(hash53(key), 0);
    entities++;
    checkGroup(group);
    group = [];
  };
  const checkGroup = (quads: Quad[]): void => {
    let decoded: Entity[];
    try {
      decoded = decodeQuads(quads.map(defaultGraph), { base: options.base });
    } catch (error) {
      if (!(error instanceof DataError)) throw error;
      for (const p of error.problems) findings.push({ kind: 'decode', focus: p.entity, path: p.field, message: p.message });
      return;
    }
    for (const e of decoded) for (const p of entityProblems(e, context)) findings.push({ kind: 'check', focus: p.entity, path: p.field, message: p.message });
  };
  for await (const q of parseFile(path, format, findings, 1)) {
    if (keepForShacl) all.push(q);
    const k = q.subject.termType === 'NamedNode' ? entityKey(q.subject.value) : `_:${q.subject.value}`;
    if (k !== key) { flush(); key = k; }
    group.push(q);
  }
  flush();
  scattered = done.freeze();
  if (scattered) {
    // An entity's triples were spread over the file: decode the whole graph at once instead (in memory).
    findings.splice(0, findings.length);
    if (!keepForShacl) findings.push({ kind: 'check', message: `the triples of some entities are not together and the file has more than ${options.shaclMaxTriples} triples: only checked entity by entity` });
    else checkGroup(all);
  }

  let shacl: FileReport['shacl'] = 'skipped';
  if (keepForShacl) {
    shacl = 'ran';
    const violations: Violation[] = await checkerFor(options.shapes).check(all.map(defaultGraph));
    for (const v of violations) findings.push({ kind: 'shacl', focus: v.focus, path: v.path, constraint: v.constraint, ...(v.value ? { value: v.value } : {}), message: v.message });
  }
  return report(findings.length ? 'invalid' : 'valid', findings, triples, entities, shacl);
}

const checkers = new WeakMap<readonly Quad[], ShaclChecker>();

/** One SHACL checker per shapes graph, reused across files. */
function checkerFor(shapes: readonly Quad[]): ShaclChecker {
  let checker = checkers.get(shapes);
  if (!checker) checkers.set(shapes, (checker = new ShaclChecker(shapes)));
  return checker;
}

/** A quad moved into the default graph (named graphs are merged for validation and import). */
export function defaultGraph(q: Quad): Quad {
  return q.graph.termType === 'DefaultGraph' ? q : DataFactory.quad(q.subject, q.predicate, q.object);
}

/** The line and column of the first `<<` outside strings and IRIs, for reporting RDF-star syntax. */
function starLocation(path: string): { line?: number; column?: number } {
  let n = 0;
  for (const { text } of lines(path)) {
    n++;
    const stripped = text.replace(/"(?:[^"\\]|\\.)*"|<[^<>\s]*>/g, (m) => ' '.repeat(m.length));
    const at = stripped.indexOf('<<');
    if (at >= 0) return { line: n, column: at + 1 };
  }
  return {};
}

/** The exit code for a set of reports: 2 if a file could not be read or parsed, else 1 if any is invalid, else 0. */
export function exitCodeOf(reports: readonly FileReport[]): number {
  if (reports.some((r) => r.status === 'unreadable')) return 2;
  return reports.some((r) => r.status === 'invalid') ? 1 : 0;
}

/** Prints reports as text: `file:line:column: message` for syntax, one line per violation otherwise. */
export function formatReportsText(reports: readonly FileReport[]): string {
  const out: string[] = [];
  for (const r of reports) {
    const shacl = r.shacl === 'skipped' ? '; SHACL skipped: too many triples for the in-memory engine (see --shacl-max-triples)' : '';
    if (r.status === 'valid') { out.push(`${r.file}: valid (${r.triples} triples, ${r.entities} entities${shacl})`); continue; }
    if (r.status === 'unreadable') {
      for (const f of r.findings) out.push(`${r.file}${f.line !== undefined ? `:${f.line}:${f.column ?? 1}` : ''}: ${f.message}`);
      continue;
    }
    out.push(`${r.file}: invalid (${r.findings.length} problem${r.findings.length === 1 ? '' : 's'} in ${r.triples} triples${shacl})`);
    for (const f of r.findings) {
      const where = f.kind === 'shacl'
        ? [f.focus && `focus <${f.focus}>`, f.path && `path <${f.path}>`].filter(Boolean).join(', ')
        : [f.focus && `entity ${f.focus}`, f.path && `field ${f.path}`].filter(Boolean).join(', ');
      const what = f.kind === 'shacl' ? `${f.constraint?.replace(/^.*#/, 'sh:')}: ${f.message}` : f.message;
      out.push(`  ${f.kind}: ${where ? `${where}: ` : ''}${what}${f.value !== undefined ? ` (value ${f.value})` : ''}`);
    }
  }
  return out.join('\n') + '\n';
}
