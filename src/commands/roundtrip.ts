// Re-reads an export and compares it, as a set of triples and in bounded memory, with what the entities produce now.
import { directMediaType, formatNamed, FORMATS, READ_EXTENSIONS } from '../rdf/formats.js';
import { asDirectFile, ParseError, parseFile, type Finding } from '../rdf/read.js';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import type { Quad } from '@rdfjs/types';
import { DataFactory, Writer } from 'n3';
import type { Dataset } from '../mapping/dataset.js';
import { entitiesQuads, sortedById } from '../mapping/encode.js';
import { renderInOrder, type RenderSource } from './jobs.js';
import { cannotRead, UsageError } from '../errors.js';
import { hash53 } from './validate.js';

/** Triples on one side only: how many, and the first few in sorted order. */
export interface TripleDifference {
  readonly count: number;
  /** The smallest `maxDifferences` of them (N-Triples lines, sorted by code unit). */
  readonly first: readonly string[];
}

/** The outcome of a round-trip check. */
export interface RoundtripReport {
  readonly fileTriples: number;
  readonly expectedTriples: number;
  /** True when the file holds exactly the expected triples, as a set (in whatever order, duplicates ignored). */
  readonly same: boolean;
  /** True when they also come in the same order, one for one (as the exporter writes them). */
  readonly sameOrder: boolean;
  /** Expected triples the file lacks. */
  readonly missing: TripleDifference;
  /** Triples of the file that are not expected. */
  readonly extra: TripleDifference;
}

/**
 * Where the expected datasets come from: an iterable, a function giving them afresh (needed to list differences of a
 * one-shot generator), or the synthetic corpus of a seed, rendered on worker threads (`jobs`, default 1).
 */
export type DatasetSource = Iterable<Dataset> | (() => Iterable<Dataset>) | (RenderSource & { readonly jobs?: number });

const MOD = 2 ** 52;
const decoder = new TextDecoder();
/** At most this many triples (both sides together, about) are held in memory while differences are listed. */
const BUCKET_TRIPLES = 50_000;
/** Lines buffered per bucket before they are appended to its file. */
const FLUSH_CHARS = 32 * 1024;

/** An order-independent fingerprint of a multiset of lines: two sums of 52-bit hashes. */
class MultisetHash {
  a = 0;
  b = 0;
  /** Adds one line. */
  add(line: string): void {
    this.a = (this.a + (hash53(line) % MOD)) % MOD;
    this.b = (this.b + (hash53(`~${line}`) % MOD)) % MOD;
  }
  /** Whether two fingerprints are equal. */
  equals(other: MultisetHash): boolean {
    return this.a === other.a && this.b === other.b;
  }
}

/** The smallest `max` strings offered, sorted, and how many distinct were offered. */
class FirstSorted {
  count = 0;
  readonly items: string[] = [];
  constructor(private readonly max: number) {}
  /** Offers one string (each is offered once). */
  offer(s: string): void {
    this.count++;
    if (this.max === 0) return;
    if (this.items.length === this.max && s >= (this.items[this.max - 1] as string)) return;
    let i = this.items.length;
    while (i > 0 && (this.items[i - 1] as string) > s) i--;
    this.items.splice(i, 0, s);
    if (this.items.length > this.max) this.items.pop();
  }
  /** The result. */
  done(): TripleDifference {
    return { count: this.count, first: [...this.items] };
  }
}

/** Checks that a path names a readable file of a known RDF format (.ttl, .nt, .nq, .trig, .jsonld); returns its media type or throws an InputError (unreadable: `cannot read x: is a directory (EISDIR)`, …) or a UsageError (unknown format); `inputFormat` overrides the extension. */
export function rdfFileFormat(path: string, inputFormat?: string, shown = path): string {
  let isFile: boolean;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    isFile = stat.isFile();
  } catch (error) {
    throw cannotRead(shown, error);
  }
  if (!isFile) throw cannotRead(shown, new Error('not a regular file'));
  const format = directMediaType(path, inputFormat) ?? (formatNamed(inputFormat ?? extname(path)) === 'jsonld' ? FORMATS.jsonld.mediaType : undefined);
  if (!format) throw new UsageError(`cannot compare ${shown}: unknown RDF format, use ${READ_EXTENSIONS}${inputFormat !== undefined ? ' with --input-format' : ''}`);
  return format;
}

/**
 * Compares a file (.ttl, .nt, .nq, .trig, .jsonld; graphs ignored) with the quads of some datasets, holding one article
 * at a time. A first pass compares both in order and fingerprints both as multisets; only when they differ does a
 * second pass list the missing and extra triples, hash-partitioning both sides into buckets on disk so that memory
 * stays bounded. The file is read by the one reader (a leading BOM skipped, UTF-8 and syntax checked); `name` is how
 * it is named in errors (`<stdin>`).
 * @throws InputError for a file that cannot be read, ParseError (an InputError) for one that cannot be parsed, each
 *   problem as file:line:column; UsageError for an unknown format.
 */
export async function roundtrip(path: string, datasets: DatasetSource, options: { base: string; maxDifferences?: number; bucketTriples?: number; inputFormat?: string; name?: string }): Promise<RoundtripReport> {
  const shown = options.name ?? path;
  rdfFileFormat(path, options.inputFormat, shown);
  // The one reader: the same UTF-8 and syntax checks as kg validate, errors as file:line:column; JSON-LD read as its graph.
  const direct = await asDirectFile(path, options.inputFormat ?? extname(path).slice(1), shown);
  if (!direct) throw new UsageError(`cannot compare ${shown}: unknown RDF format`);
  try {
    return await compare(direct.path, direct.mediaType);
  } finally {
    direct.cleanup();
  }

  async function compare(file: string, format: string): Promise<RoundtripReport> {
  const line = new Writer({ format: 'N-Triples' });
  const toLine = (q: Quad): string => line.quadToString(q.subject, q.predicate, q.object, DataFactory.defaultGraph()).trimEnd();
  let used = false;
  /** The expected triples as N-Triples lines, in runs (an await per run, not per line). */
  async function* expected(): AsyncGenerator<string[]> {
    if (typeof datasets !== 'function' && 'kind' in datasets) {
      // N-Triples lines rendered by the workers: the same canonical form as toLine gives.
      const render = { base: options.base, formats: ['ntriples' as const], graph: '', prefixes: [] };
      for await (const batch of renderInOrder(datasets, render, datasets.jobs ?? 1)) {
        const lines = decoder.decode(batch.bytes.ntriples).split('\n');
        lines.pop();
        yield lines;
      }
      return;
    }
    let source: Iterable<Dataset>;
    if (typeof datasets === 'function') source = datasets();
    else {
      const oneShot = (datasets[Symbol.iterator]() as unknown) === datasets;
      if (used && oneShot) throw new Error('roundtrip: the datasets are needed twice to list differences: pass a function that gives them afresh');
      source = datasets;
    }
    used = true;
    let run: string[] = [];
    for (const d of source) {
      for (const q of entitiesQuads(sortedById(d.entities), options)) run.push(toLine(q));
      if (run.length >= 10_000) { yield run; run = []; }
    }
    if (run.length) yield run;
  }
  async function* inFile(): AsyncGenerator<string> {
    const findings: Finding[] = [];
    for await (const q of parseFile(file, format, findings, 1)) yield toLine(q);
    if (findings.length) throw new ParseError(shown, findings);
  }

  // Pass 1: in order, one triple at a time.
  const runs = expected();
  let run: string[] = [];
  let at = 0;
  const want = async (): Promise<string | undefined> => {
    while (at === run.length) {
      const next = await runs.next();
      if (next.done) return undefined;
      run = next.value;
      at = 0;
    }
    return run[at++];
  };
  const fileHash = new MultisetHash();
  const wantHash = new MultisetHash();
  let inOrder = true;
  let fileTriples = 0;
  let expectedTriples = 0;
  for await (const got of inFile()) {
    fileTriples++;
    fileHash.add(got);
    const next = at < run.length ? run[at++] : await want();
    if (next === undefined) { inOrder = false; continue; }
    expectedTriples++;
    wantHash.add(next);
    if (got !== next) inOrder = false;
  }
  for (let next = await want(); next !== undefined; next = await want()) {
    expectedTriples++;
    wantHash.add(next);
    inOrder = false;
  }
  const none: TripleDifference = { count: 0, first: [] };
  if (fileTriples === expectedTriples && fileHash.equals(wantHash)) {
    return { fileTriples, expectedTriples, same: true, sameOrder: inOrder, missing: none, extra: none };
  }

  // Pass 2: the differences, as sets, bucket by bucket.
  const { missing, extra } = await setDifference(inFile(), expected(), Math.ceil((fileTriples + expectedTriples) / (options.bucketTriples ?? BUCKET_TRIPLES)), options.maxDifferences ?? 10);
  const same = missing.count === 0 && extra.count === 0;
  return { fileTriples, expectedTriples, same, sameOrder: false, missing, extra };
  }
}

/** The lines of `expected` not in `file` (missing) and of `file` not in `expected` (extra), as sets, through `buckets` partitions. */
async function setDifference(file: AsyncIterable<string>, expected: AsyncIterable<string[]>, buckets: number, max: number): Promise<{ missing: TripleDifference; extra: TripleDifference }> {
  const missing = new FirstSorted(max);
  const extra = new FirstSorted(max);
  const compare = (have: string[], want: string[]): void => {
    have.sort();
    want.sort();
    let i = 0;
    let j = 0;
    while (i < have.length || j < want.length) {
      const h = have[i];
      const w = want[j];
      if (w === undefined || (h !== undefined && h < w)) extra.offer(h as string);
      else if (h === undefined || w < h) missing.offer(w);
      // Step past every copy of the smaller line (or of both, when equal): duplicates count once.
      const least = w === undefined || (h !== undefined && h <= w) ? h : w;
      while (i < have.length && have[i] === least) i++;
      while (j < want.length && want[j] === least) j++;
    }
  };
  if (buckets <= 1) {
    const fileLines: string[] = [];
    for await (const l of file) fileLines.push(l);
    const wantLines: string[] = [];
    for await (const r of expected) for (const l of r) wantLines.push(l);
    compare(fileLines, wantLines);
    return { missing: missing.done(), extra: extra.done() };
  }
  const dir = mkdtempSync(join(tmpdir(), 'kg-roundtrip-'));
  try {
    const spill = async (side: 'file' | 'want', runs: AsyncIterable<string[]>): Promise<void> => {
      const pending: string[][] = Array.from({ length: buckets }, () => []);
      const sizes = new Array<number>(buckets).fill(0);
      const flush = (b: number): void => {
        appendFileSync(join(dir, `${side}-${b}`), `${(pending[b] as string[]).join('\n')}\n`, 'utf8');
        pending[b] = [];
        sizes[b] = 0;
      };
      for await (const r of runs) {
        for (const l of r) {
          const b = hash53(l) % buckets;
          (pending[b] as string[]).push(l);
          sizes[b] = (sizes[b] as number) + l.length + 1;
          if ((sizes[b] as number) >= FLUSH_CHARS) flush(b);
        }
      }
      for (let b = 0; b < buckets; b++) if ((pending[b] as string[]).length) flush(b);
    };
    await spill('file', (async function* runs() { for await (const l of file) yield [l]; })());
    await spill('want', expected);
    const read = (name: string): string[] => {
      try {
        return readFileSync(join(dir, name), 'utf8').split('\n').filter((l) => l !== '');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw error;
      }
    };
    for (let b = 0; b < buckets; b++) compare(read(`file-${b}`), read(`want-${b}`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { missing: missing.done(), extra: extra.done() };
}
