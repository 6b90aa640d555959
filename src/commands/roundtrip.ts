// Re-reads an export and compares it, as a set of triples and in bounded memory, with what the entities produce now.
import { directMediaType, formatNamed, FORMATS, READ_EXTENSIONS } from '../rdf/formats.js';
import { asDirectFile, bomLength, ParseError, parseFile, type Finding } from '../rdf/read.js';
import { appendFileSync, closeSync, existsSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Quad } from '@rdfjs/types';
import { DataFactory, Writer } from 'n3';
import type { Dataset } from '../mapping/dataset.js';
import { entitiesQuads, sortedById } from '../mapping/encode.js';
import { renderInOrder, type RenderSource } from './jobs.js';
import { cannotRead, UsageError } from '../errors.js';
import { projectPath } from '../project.js';
import { canonicalChunk } from '../rdf/ntriples-lines.js';
import { canonicalTurtleChunk, trigGraphStart, turtleHeader, turtlePrefixes } from '../rdf/turtle-lines.js';
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
  /** Which reader read the file: the N-Triples or Turtle line reader, or the one reader (every other format, and files the line readers refuse). */
  readonly readBy: 'line reader' | 'one reader';
}

/**
 * Where the expected datasets come from: an iterable, a function giving them afresh (needed to list differences of a
 * one-shot generator), or the synthetic corpus of a seed, rendered on worker threads (`jobs`, default 1).
 */
export type DatasetSource = Iterable<Dataset> | (() => Iterable<Dataset>) | (RenderSource & { readonly jobs?: number });

const MOD = 2 ** 52;
const decoder = new TextDecoder('utf-8', { ignoreBOM: true }); // a U+FEFF that starts a line is a character (the one reader's BOM rule), never dropped
/** At most this many triples (both sides together, about) are held in memory while differences are listed. */
const BUCKET_TRIPLES = 50_000;
/** Lines buffered per bucket before they are appended to its file. */
const FLUSH_CHARS = 32 * 1024;

/** Two 32-bit hash states mixed into 52 bits (the finish of cyrb53). */
function mix52(h1: number, h2: number): number {
  const x = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  const y = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(x ^ (x >>> 13), 3266489909);
  return 4294967296 * (1048575 & y) + (x >>> 0);
}

/** An order-independent fingerprint of a multiset of lines: two sums of 52-bit hashes. */
class MultisetHash {
  a = 0;
  b = 0;
  /** Adds one line. */
  add(line: string): void {
    this.a = (this.a + (hash53(line) % MOD)) % MOD;
    this.b = (this.b + (hash53(`~${line}`) % MOD)) % MOD;
  }
  /** Adds each line of some bytes (whole lines, each ending with LF), hashed as bytes; returns how many. */
  addLines(bytes: Uint8Array): number {
    let count = 0;
    for (let from = 0, lf = bytes.indexOf(10); lf >= 0; from = lf + 1, lf = bytes.indexOf(10, from)) {
      // cyrb53's two 32-bit lanes, finished two ways: two 52-bit sums from 64 bits of state a line.
      let h1 = 0xdeadbeef;
      let h2 = 0x41c6ce57;
      for (let i = from; i < lf; i++) {
        const c = bytes[i] as number;
        h1 = Math.imul(h1 ^ c, 2654435761);
        h2 = Math.imul(h2 ^ c, 1597334677);
      }
      this.a = (this.a + mix52(h1, h2)) % MOD;
      this.b = (this.b + mix52(h2 ^ 0x9e3779b9, h1 ^ 0x85ebca6b)) % MOD;
      count++;
    }
    return count;
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

/** Options of a round trip. */
export interface RoundtripOptions {
  /** The base IRI the export was written with. */
  readonly base: string;
  /** How many missing and extra triples to list (default 10). */
  readonly maxDifferences?: number;
  /** About how many triples are held in memory while differences are listed (default 50,000). */
  readonly bucketTriples?: number;
  /** Overrides the format the file extension implies. */
  readonly inputFormat?: string;
  /** How the file is named in messages (`<stdin>`). */
  readonly name?: string;
  /** Bytes of N-Triples read per chunk by the line reader (default 256 KiB; small in tests, to cut files into many chunks). */
  readonly chunkBytes?: number;
  /** Whether N-Triples, N-Quads and Turtle go to their line readers first (default true; false reads every file with the one reader, as tests compare). */
  readonly lineReader?: boolean;
  /** Worker threads reading N-Triples chunks: 0 reads them in this thread (default: up to 2 on cores the rendering leaves spare, 0 for a file of at most two chunks). */
  readonly parseJobs?: number;
}

/** Bytes of N-Triples read per chunk: small enough that reading one in this thread (about 1 ms) hardly delays the messages of the rendering workers. */
const CHUNK_BYTES = 1 << 18;
/** The heap of each N-Triples worker, in MB: it holds one chunk at a time. */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 64 };

/**
 * Compares a file (.ttl, .nt, .nq, .trig, .jsonld; graphs ignored) with the quads of some datasets, holding one article
 * at a time. A first pass compares both in order and fingerprints both as multisets; only when they differ does a
 * second pass list the missing and extra triples, hash-partitioning both sides into buckets on disk so that memory
 * stays bounded. The file is read by the one reader (a leading BOM skipped, UTF-8 and syntax checked); `name` is how
 * it is named in errors (`<stdin>`). N-Triples and N-Quads are first read by a strict line reader of their own
 * (src/rdf/ntriples-lines.ts), Turtle by one for the subset kg's writer emits (src/rdf/turtle-lines.ts: a prefix
 * header, then subject blocks, cut into chunks after lines ending with `.`), chunk by chunk (on worker threads when
 * cores are spare), and compared as bytes with the rendered lines, fingerprinted only from where the two part; a file
 * refused anywhere (not UTF-8, blank nodes, anything the reader is not sure of) is read by the one reader instead,
 * whose verdict stands. TriG of one graph block is read by the Turtle line reader too; JSON-LD by the one reader.
 * @throws InputError for a file that cannot be read, ParseError (an InputError) for one that cannot be parsed, each
 *   problem as file:line:column; UsageError for an unknown format.
 */
export async function roundtrip(path: string, datasets: DatasetSource, options: RoundtripOptions): Promise<RoundtripReport> {
  const shown = options.name ?? path;
  rdfFileFormat(path, options.inputFormat, shown);
  // The one reader: the same UTF-8 and syntax checks as kg validate, errors as file:line:column; JSON-LD read as its graph.
  const direct = await asDirectFile(path, options.inputFormat ?? extname(path).slice(1), shown);
  if (!direct) throw new UsageError(`cannot compare ${shown}: unknown RDF format`);
  const line = new Writer({ format: 'N-Triples' });
  const toLine = (q: Quad): string => line.quadToString(q.subject, q.predicate, q.object, DataFactory.defaultGraph()).trimEnd();
  let used = false;
  const rendered = typeof datasets !== 'function' && 'kind' in datasets ? datasets : undefined;
  const iterable = typeof datasets !== 'function' && !('kind' in datasets) ? datasets : undefined;
  const render = { base: options.base, formats: ['ntriples' as const], graph: '', prefixes: [] };
  /** The expected triples as N-Triples lines, in runs (an await per run, not per line). */
  async function* expected(): AsyncGenerator<string[]> {
    if (rendered) {
      // N-Triples lines rendered by the workers: the same canonical form as toLine gives.
      for await (const batch of renderInOrder(rendered, render, rendered.jobs ?? 1)) {
        const lines = decoder.decode(batch.bytes.ntriples).split('\n');
        lines.pop();
        yield lines;
      }
      return;
    }
    let source: Iterable<Dataset>;
    if (typeof datasets === 'function') source = datasets();
    else {
      const oneShot = (iterable?.[Symbol.iterator]() as unknown) === datasets;
      if (used && oneShot) throw new Error('roundtrip: the datasets are needed twice to list differences: pass a function that gives them afresh');
      source = iterable ?? [];
    }
    used = true;
    let run: string[] = [];
    for (const d of source) {
      for (const q of entitiesQuads(sortedById(d.entities), options)) run.push(toLine(q));
      if (run.length >= 10_000) { yield run; run = []; }
    }
    if (run.length) yield run;
  }
  /** The expected triples as canonical N-Triples bytes, whole lines each ending with LF, in runs. */
  async function* expectedBytes(): AsyncGenerator<Buffer> {
    if (rendered) {
      for await (const batch of renderInOrder(rendered, render, rendered.jobs ?? 1)) {
        const b = batch.bytes.ntriples;
        if (b?.length) yield Buffer.from(b.buffer, b.byteOffset, b.length);
      }
      return;
    }
    for await (const run of expected()) yield Buffer.from(`${run.join('\n')}\n`, 'utf8');
  }
  // A one-shot iterable is read once only: by the one reader's path, which also lists differences without it.
  const oneShot = iterable !== undefined && (iterable[Symbol.iterator]() as unknown) === iterable;
  const lineFormat = direct.mediaType === FORMATS.ntriples.mediaType || direct.mediaType === FORMATS.nquads.mediaType || direct.mediaType === FORMATS.turtle.mediaType || direct.mediaType === FORMATS.trig.mediaType;
  try {
    if (lineFormat && !oneShot && options.lineReader !== false) {
      const turtle = direct.mediaType === FORMATS.turtle.mediaType;
      const trig = direct.mediaType === FORMATS.trig.mediaType;
      const reader = turtle || trig ? turtleReader(direct.path, trig) : { quads: direct.mediaType === FORMATS.nquads.mediaType };
      const fast = reader && (await compareLines(direct.path, reader));
      if (fast) return fast;
    }
    return await compare(direct.path, direct.mediaType);
  } finally {
    direct.cleanup();
  }

  /** The first pass over an N-Triples, N-Quads or Turtle file read by a line reader, as bytes; undefined when it refuses the file. */
  async function compareLines(file: string, reader: ChunkReader): Promise<RoundtripReport | undefined> {
    const chunkBytes = options.chunkBytes ?? CHUNK_BYTES;
    // This thread mostly waits for the rendered lines: it reads the file itself unless a core is spare (the
    // expected lines are rendered here, or on fewer workers than cores less one), and always a small file.
    const renderThreads = rendered && (rendered.jobs ?? 1) > 1 ? (rendered.jobs ?? 1) : 0;
    const spare = Math.min(2, availableParallelism() - renderThreads - 1);
    const jobs = options.parseJobs ?? (statSync(file).size > 2 * chunkBytes ? Math.max(0, spare) : 0);
    const want = expectedBytes();
    const queue: Buffer[] = [];
    let offset = 0; // into queue[0]
    let wantDone = false;
    /** Whether the next expected bytes are `got`; they are consumed only when they are. */
    const matches = async (got: Buffer): Promise<boolean> => {
      let at = 0;
      let k = 0;
      let off = offset;
      while (at < got.length) {
        if (k === queue.length) {
          if (wantDone) return false;
          const next = await want.next();
          if (next.done) { wantDone = true; return false; }
          queue.push(next.value);
          continue;
        }
        const e = queue[k] as Buffer;
        const n = Math.min(got.length - at, e.length - off);
        if (got.compare(e, off, off + n, at, at + n) !== 0) return false;
        at += n;
        off += n;
        if (off === e.length) { k++; off = 0; }
      }
      queue.splice(0, k);
      offset = off;
      return true;
    };
    const fileHash = new MultisetHash();
    const wantHash = new MultisetHash();
    let inOrder = true;
    let fileTriples = 0;
    let expectedTriples = 0;
    let closed = false;
    try {
      for await (const chunk of canonicalChunks(file, reader, chunkBytes, jobs)) {
        if (chunk === undefined || closed) return undefined; // nothing may follow the graph block
        closed = chunk.closed === true;
        fileTriples += chunk.lines;
        // While both agree byte for byte their multisets agree too: fingerprints are taken from where they part.
        if (inOrder && (await matches(chunk.bytes))) { expectedTriples += chunk.lines; continue; }
        inOrder = false;
        fileHash.addLines(chunk.bytes);
      }
      // A TriG graph block must be closed: else the one reader has the error to report.
      if ('turtle' in reader && reader.turtle.graph && !closed) return undefined;
      if (inOrder) {
        // The file has ended: so must the expected lines.
        while (queue.length && offset === (queue[0] as Buffer).length) { queue.shift(); offset = 0; }
        if (!queue.length && !wantDone) {
          for (let next = await want.next(); !next.done; next = await want.next()) if (next.value.length) { queue.push(next.value); break; }
        }
        if (queue.length) inOrder = false;
      }
      if (!inOrder) {
        for (const [k, e] of queue.entries()) expectedTriples += wantHash.addLines(k === 0 ? e.subarray(offset) : e);
        queue.length = 0;
        if (!wantDone) for await (const e of want) expectedTriples += wantHash.addLines(e);
      }
    } finally {
      await want.return(undefined);
    }
    const none: TripleDifference = { count: 0, first: [] };
    if (fileTriples === expectedTriples && (inOrder || fileHash.equals(wantHash))) {
      return { fileTriples, expectedTriples, same: true, sameOrder: inOrder, missing: none, extra: none, readBy: 'line reader' };
    }
    const fileLines = async function* lines(): AsyncGenerator<Buffer> {
      for await (const chunk of canonicalChunks(file, reader, chunkBytes, 0)) {
        if (chunk === undefined) throw new Error(`roundtrip: ${shown} was refused on a second reading`);
        yield chunk.bytes;
      }
    };
    const { missing, extra } = await setDifference(fileLines(), expectedBytes(), Math.ceil((fileTriples + expectedTriples) / (options.bucketTriples ?? BUCKET_TRIPLES)), options.maxDifferences ?? 10);
    const same = missing.count === 0 && extra.count === 0;
    return { fileTriples, expectedTriples, same, sameOrder: false, missing, extra, readBy: 'line reader' };
  }

  async function compare(file: string, format: string): Promise<RoundtripReport> {
  async function* inFile(): AsyncGenerator<string[]> {
    const findings: Finding[] = [];
    let run: string[] = [];
    for await (const q of parseFile(file, format, findings, 1)) {
      run.push(toLine(q));
      if (run.length >= 10_000) { yield run; run = []; }
    }
    if (findings.length) throw new ParseError(shown, findings);
    if (run.length) yield run;
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
  // While both agree line for line their multisets agree too: fingerprints are taken from where they part.
  const findings: Finding[] = [];
  try {
    for await (const q of parseFile(file, format, findings, 1)) {
      const got = toLine(q);
      fileTriples++;
      const next = at < run.length ? run[at++] : await want();
      if (next !== undefined) {
        expectedTriples++;
        if (inOrder && got === next) continue;
        wantHash.add(next);
      }
      inOrder = false;
      fileHash.add(got);
    }
    if (findings.length) throw new ParseError(shown, findings);
    for (let next = await want(); next !== undefined; next = await want()) {
      expectedTriples++;
      wantHash.add(next);
      inOrder = false;
    }
  } finally {
    await runs.return(undefined); // stops the rendering workers when the file cannot be parsed
  }
  const none: TripleDifference = { count: 0, first: [] };
  if (fileTriples === expectedTriples && fileHash.equals(wantHash)) {
    return { fileTriples, expectedTriples, same: true, sameOrder: inOrder, missing: none, extra: none, readBy: 'one reader' };
  }

  // Pass 2: the differences, as sets, bucket by bucket.
  const { missing, extra } = await setDifference(inFile(), expected(), Math.ceil((fileTriples + expectedTriples) / (options.bucketTriples ?? BUCKET_TRIPLES)), options.maxDifferences ?? 10);
  const same = missing.count === 0 && extra.count === 0;
  return { fileTriples, expectedTriples, same, sameOrder: false, missing, extra, readBy: 'one reader' };
  }
}

/** What a line reader reads: N-Triples or N-Quads lines, or Turtle statements after a header (where they start, a byte offset, and the header's prefixes). */
type ChunkReader = { readonly quads: boolean } | { readonly turtle: { readonly start: number; readonly prefixes: Array<[string, string]>; /** TriG: the statements of one graph block, closed by the last chunk. */ readonly graph: boolean } };

/** Bytes of a Turtle file's start in which its header must end for the Turtle line reader to read it. */
const HEADER_BYTES = 1 << 20;

/** The Turtle line reader of a file (`trig`: a TriG file of one graph block): its header's prefixes and where its statements start; undefined when the header is outside the subset. */
function turtleReader(path: string, trig: boolean): ChunkReader | undefined {
  const bom = bomLength(path);
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(HEADER_BYTES);
    let filled = 0;
    for (let n = 1; n > 0 && filled < HEADER_BYTES; filled += n) n = readSync(fd, buffer, filled, HEADER_BYTES - filled, bom + filled);
    const header = turtleHeader(buffer.subarray(0, filled), filled < HEADER_BYTES);
    if (!header) return undefined;
    const start = trig ? trigGraphStart(buffer.subarray(0, filled), header.end) : header.end;
    return start >= 0 ? { turtle: { start: bom + start, prefixes: header.prefixes, graph: trig } } : undefined;
  } finally {
    closeSync(fd);
  }
}

/** How many times the chunk size a Turtle chunk may grow to while no line ending with `.` is found (then it is cut at any line end). */
const TURTLE_CARRY_CHUNKS = 64;

/**
 * Just past the last line end of `b` (before `filled`); in Turtle, the last that ends a line ending with `.`, or when
 * there is none and `filled` has reached `carryLimit`, any (a safe cut: the Turtle line reader refuses a run
 * that does not end a statement, so that none starts inside one). 0 when there is no line end.
 */
function lastBoundary(b: Buffer, filled: number, turtle: boolean, carryLimit: number): number {
  const last = b.lastIndexOf(10, filled - 1);
  if (!turtle) return last + 1;
  for (let lf = last; lf > 0; lf = b.lastIndexOf(10, lf - 1)) {
    const dot = b[lf - 1] === 13 ? lf - 2 : lf - 1;
    if (dot >= 0 && b[dot] === 46) return lf + 1;
  }
  return filled >= carryLimit ? last + 1 : 0;
}

/**
 * The whole lines of a file from `start` (default: after a leading BOM), in chunks of about `chunkBytes` bytes (longer
 * when a line is; in Turtle, cut only after a line ending with `.`); each chunk is a fresh buffer, so that it can be
 * transferred to a worker.
 */
function* fileChunks(path: string, chunkBytes: number, start?: number, turtle = false): Generator<Buffer> {
  let position = start ?? bomLength(path);
  const fd = openSync(path, 'r');
  try {
    let carry = Buffer.alloc(0);
    for (;;) {
      const buffer = Buffer.allocUnsafeSlow(carry.length + chunkBytes);
      carry.copy(buffer, 0);
      const n = readSync(fd, buffer, carry.length, chunkBytes, position);
      position += n;
      const filled = carry.length + n;
      if (n === 0) {
        if (filled > 0) yield buffer.subarray(0, filled);
        return;
      }
      const cut = lastBoundary(buffer, filled, turtle, TURTLE_CARRY_CHUNKS * chunkBytes);
      if (cut === 0) { carry = Buffer.from(buffer.subarray(0, filled)); continue; }
      carry = Buffer.from(buffer.subarray(cut, filled));
      yield buffer.subarray(0, cut);
    }
  } finally {
    closeSync(fd);
  }
}

/** The compiled worker script (under vitest, which runs the TypeScript sources, the built copy in dist/). */
function workerScript(): string {
  const here = fileURLToPath(new URL('./roundtrip-worker.js', import.meta.url));
  return existsSync(here) ? here : projectPath('dist/src/commands/roundtrip-worker.js');
}

/** A chunk of canonical lines: the bytes (whole lines, each ending with LF) and how many; in TriG, whether it closes the graph block. */
interface LinesChunk { readonly bytes: Buffer; readonly lines: number; readonly closed?: boolean }

interface LinesReply { index: number; refused?: boolean; bytes?: Uint8Array; lines?: number; closed?: boolean }

/**
 * The canonical N-Triples lines of a file (canonicalChunk or canonicalTurtleChunk of each chunk of fileChunks), in order, read on `jobs`
 * worker threads (in this thread when 0), at most `2 × jobs` chunks in flight; undefined, then nothing more, when the
 * line reader refuses a chunk.
 */
async function* canonicalChunks(path: string, reader: ChunkReader, chunkBytes: number, jobs: number): AsyncGenerator<LinesChunk | undefined> {
  const asBuffer = (b: Uint8Array): Buffer => Buffer.from(b.buffer, b.byteOffset, b.length);
  const turtle = 'turtle' in reader ? reader.turtle : undefined;
  const quads = 'quads' in reader && reader.quads;
  const source = fileChunks(path, chunkBytes, turtle?.start, turtle !== undefined);
  if (jobs <= 0) {
    const prefixes = turtle && turtlePrefixes(turtle.prefixes);
    for (const bytes of source) {
      const read = prefixes ? canonicalTurtleChunk(bytes, prefixes, turtle.graph) : canonicalChunk(bytes, quads);
      if (!read.ok) { yield undefined; return; }
      yield { bytes: asBuffer(read.bytes), lines: read.lines, closed: 'closed' in read && read.closed === true };
    }
    return;
  }
  const workers = Array.from({ length: jobs }, () => new Worker(workerScript(), { resourceLimits: WORKER_LIMITS }));
  const done = new Map<number, LinesReply>();
  const idle: Worker[] = [...workers];
  const window = 2 * jobs;
  let wake: (() => void) | undefined;
  let failure: Error | undefined;
  let sent = 0;
  let emitted = 0;
  let ended = false;
  const feed = (): void => {
    while (idle.length && !ended && sent < emitted + window) {
      const next = source.next();
      if (next.done) { ended = true; break; }
      const bytes = next.value;
      (idle.pop() as Worker).postMessage({ index: sent++, bytes, quads, prefixes: turtle?.prefixes, graph: turtle?.graph }, [bytes.buffer as ArrayBuffer]);
    }
  };
  for (const w of workers) {
    w.on('message', (reply: LinesReply) => { done.set(reply.index, reply); idle.push(w); feed(); wake?.(); });
    w.on('error', (error) => { failure ??= error; wake?.(); });
    w.on('exit', (code) => { if (code !== 0) failure ??= new Error(`a roundtrip worker stopped with exit code ${code}`); wake?.(); });
  }
  try {
    feed();
    for (;;) {
      const reply = done.get(emitted);
      if (reply) {
        done.delete(emitted);
        emitted++;
        feed();
        if (reply.refused || !reply.bytes) { yield undefined; return; }
        yield { bytes: asBuffer(reply.bytes), lines: reply.lines ?? 0, closed: reply.closed === true };
        continue;
      }
      if (ended && emitted === sent) return;
      if (failure) throw failure;
      await new Promise<void>((resolve) => { wake = resolve; });
      wake = undefined;
    }
  } finally {
    source.return(undefined);
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** Bytes of lines buffered per bucket before they are appended to its file. */
const FLUSH_BYTES = 64 * 1024;

/** The lines of a run: a run of lines, or bytes of whole lines each ending with LF. */
function linesOf(run: string[] | Buffer): string[] {
  if (Array.isArray(run)) return run;
  const lines = decoder.decode(run).split('\n');
  lines.pop();
  return lines;
}

/**
 * The lines of `expected` not in `file` (missing) and of `file` not in `expected` (extra), as sets, through `buckets`
 * partitions on disk. Both come in runs of the same form, so that equal lines fall into the same bucket: runs of
 * lines, or bytes of whole lines each ending with LF (partitioned by a hash of the bytes, never decoded until a bucket is compared).
 */
async function setDifference(file: AsyncIterable<string[]>, expected: AsyncIterable<string[]>, buckets: number, max: number): Promise<{ missing: TripleDifference; extra: TripleDifference }>;
async function setDifference(file: AsyncIterable<Buffer>, expected: AsyncIterable<Buffer>, buckets: number, max: number): Promise<{ missing: TripleDifference; extra: TripleDifference }>;
async function setDifference(file: AsyncIterable<string[] | Buffer>, expected: AsyncIterable<string[] | Buffer>, buckets: number, max: number): Promise<{ missing: TripleDifference; extra: TripleDifference }> {
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
    for await (const r of file) for (const l of linesOf(r)) fileLines.push(l);
    const wantLines: string[] = [];
    for await (const r of expected) for (const l of linesOf(r)) wantLines.push(l);
    compare(fileLines, wantLines);
    return { missing: missing.done(), extra: extra.done() };
  }
  const dir = mkdtempSync(join(tmpdir(), 'kg-roundtrip-'));
  try {
    const spill = async (side: 'file' | 'want', runs: AsyncIterable<string[] | Buffer>): Promise<void> => {
      const pending: string[][] = Array.from({ length: buckets }, () => []);
      const sizes = new Array<number>(buckets).fill(0);
      const flush = (b: number): void => {
        appendFileSync(join(dir, `${side}-${b}`), `${(pending[b] as string[]).join('\n')}\n`, 'utf8');
        pending[b] = [];
        sizes[b] = 0;
      };
      const pendingBytes: Buffer[] = [];
      const flushBytes = (b: number): void => {
        appendFileSync(join(dir, `${side}-${b}`), (pendingBytes[b] as Buffer).subarray(0, sizes[b]));
        sizes[b] = 0;
      };
      for await (const r of runs) {
        if (Array.isArray(r)) {
          for (const l of r) {
            const b = hash53(l) % buckets;
            (pending[b] as string[]).push(l);
            sizes[b] = (sizes[b] as number) + l.length + 1;
            if ((sizes[b] as number) >= FLUSH_CHARS) flush(b);
          }
          continue;
        }
        for (let from = 0, lf = r.indexOf(10); lf >= 0; from = lf + 1, lf = r.indexOf(10, from)) {
          let h = 0x811c9dc5; // FNV-1a
          for (let i = from; i < lf; i++) h = Math.imul(h ^ (r[i] as number), 16777619);
          const b = (h >>> 0) % buckets;
          const length = lf + 1 - from;
          if ((sizes[b] as number) > 0 && (sizes[b] as number) + length > FLUSH_BYTES) flushBytes(b);
          if (length > FLUSH_BYTES) { appendFileSync(join(dir, `${side}-${b}`), r.subarray(from, lf + 1)); continue; }
          const into = (pendingBytes[b] ??= Buffer.allocUnsafe(FLUSH_BYTES));
          r.copy(into, sizes[b], from, lf + 1);
          sizes[b] = (sizes[b] as number) + length;
        }
      }
      for (let b = 0; b < buckets; b++) {
        if ((pending[b] as string[]).length) flush(b);
        else if (pendingBytes[b] && sizes[b]) flushBytes(b);
      }
    };
    await spill('file', file);
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
