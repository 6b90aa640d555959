// Exports a corpus too large for memory: article by article through the same checks, mapping and writers, into one output set switched into place at the end.
import { withOutputSet, type OutputSet, type StagedFile } from '../rdf/atomic.js';
import { GENERATED } from '../generate/files.js';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Dataset } from '../mapping/dataset.js';
import { describeStats, emptyStats, graphIri } from '../generate/description.js';
import { QuadWriter } from '../rdf/quad-writer.js';
import { BATCH, renderInOrder, sourceSize, type Recycler, type RenderSource } from './jobs.js';
import { mergeStats, renderArticles, type Rendered, type RenderOptions, type StreamFormat } from './render.js';
import { DESCRIPTION_FILE, ontologyFile, dataTurtleOptions } from './export.js';
import { UsageError } from '../errors.js';
import { FORMATS, type FormatName } from '../rdf/formats.js';
import { headerComment, writeTurtle } from '../rdf/turtle.js';

/** Options of a streaming export. */
export interface StreamOptions {
  readonly base: string;
  readonly formats: readonly FormatName[];
  /** The name of the corpus: its files are `<name>.<ext>` (or `<name>-00001.<ext>` … when split). */
  readonly name: string;
  readonly title: string;
  /** At most this many triples per N-Triples / N-Quads file. */
  readonly splitSize?: number;
  /** Worker threads rendering a synthetic source (default 1: this thread); the bytes do not depend on it. */
  readonly jobs?: number;
  /** Export only shard `index` of `of` (articles `[from, to)` of the source) and write `manifest.json`. */
  readonly shard?: { readonly index: number; readonly of: number };
  /** Called now and then with the progress so far. */
  readonly progress?: (done: { articles: number; entities: number; triples: number }) => void;
}

/** One output format: its current staged file and, when split, its part number and how many triples that part holds. */
interface Output {
  readonly format: StreamFormat;
  file: StagedFile;
  part: number;
  inPart: number;
  /** Triples in each file written so far (by file name). */
  readonly triples: Map<string, number>;
  /** TriG only: whether the graph block is open and whether a statement waits for its `.`. */
  open: boolean;
}

/**
 * Streams articles into files of the given formats plus a description and the ontology, as one output set: nothing
 * changes in `dir` unless all succeed. Articles are rendered in batches, on `jobs` worker threads when the source is
 * the synthetic corpus (default: in this thread); the bytes are the same whatever the number of jobs.
 * @throws UsageError for JSON-LD (it needs the whole graph), DataError naming the first bad entity (nothing is written).
 */
export async function exportStream(articles: Iterable<Dataset> | RenderSource, dir: string, options: StreamOptions): Promise<{ paths: string[]; triples: number; articles: number }> {
  if (options.formats.includes('jsonld')) throw new UsageError('JSON-LD needs the whole graph in memory: stream Turtle, N-Triples, N-Quads or TriG');
  return withOutputSet(dir, (set) => streamInto(set, articles, dir, options));
}

/** Batches of rendered articles, in order: from worker threads for a source, in this thread for an iterable. */
async function* rendered(articles: Iterable<Dataset> | RenderSource, render: RenderOptions, jobs: number, recycler: Recycler): AsyncGenerator<Rendered> {
  if ('kind' in articles) {
    yield* renderInOrder(articles, render, jobs, recycler);
    return;
  }
  let batch: Dataset[] = [];
  for (const a of articles) {
    batch.push(a);
    if (batch.length === BATCH) { yield renderArticles(batch, render); batch = []; }
  }
  if (batch.length) yield renderArticles(batch, render);
}

/** The byte offset just after the n-th line feed of a chunk (the chunk's length when it has fewer). */
function afterLines(bytes: Uint8Array, n: number, from: number): number {
  let at = from;
  for (let i = 0; i < n; i++) {
    const nl = bytes.indexOf(10, at);
    if (nl < 0) return bytes.length;
    at = nl + 1;
  }
  return at;
}

const DOT_LF = new TextEncoder().encode('.\n');

/** Writes the corpus into the staged files of an open output set (the set switches them into place). */
async function streamInto(set: OutputSet, articles: Iterable<Dataset> | RenderSource, dir: string, options: StreamOptions): Promise<{ paths: string[]; triples: number; articles: number }> {
  const graph = graphIri(options.base, options.name);
  const corpus: Dataset = { name: options.name, title: options.title, entities: [] };
  const turtleOptions = dataTurtleOptions(corpus, options);
  const formats = options.formats as readonly StreamFormat[];
  const splits = (f: StreamFormat): boolean => options.splitSize !== undefined && (f === 'ntriples' || f === 'nquads');
  const fileName = (f: StreamFormat, part: number): string =>
    splits(f) ? `${options.name}-${String(part).padStart(5, '0')}.${FORMATS[f].ext}` : `${options.name}.${FORMATS[f].ext}`;
  const open = (f: StreamFormat, part: number): StagedFile => {
    const file = set.stage(join(dir, fileName(f, part)));
    file.write(headerComment(turtleOptions.header));
    if (f === 'turtle' || f === 'trig') new QuadWriter(file.write, 'Turtle', turtleOptions.prefixes).end();
    return file;
  };
  const outputs: Output[] = formats.map((format) => ({ format, file: open(format, 1), part: 1, inPart: 0, open: false, triples: new Map() }));
  const source = 'kind' in articles && options.shard ? shardOf(articles, options.shard) : articles;
  const finished: StagedFile[] = [];
  const stats = emptyStats();
  let count = 0;
  const graphOpen = `${new QuadWriter(() => undefined, 'Turtle', turtleOptions.prefixes).iriText(graph)} {\n`;
  const recycler: Recycler = {};
  let written: Rendered | undefined;
  for await (const batch of rendered(source, { base: options.base, formats, graph, prefixes: turtleOptions.prefixes }, options.jobs ?? 1, recycler)) {
    mergeStats(stats, batch.stats);
    for (const out of outputs) {
      // The last batch's bytes were written on the thread pool while this one was rendered.
      await out.file.settled();
      const bytes = batch.bytes[out.format] as Uint8Array;
      if (!bytes.length) continue;
      const fileTriples = (n: number): void => { const name = basename(out.file.path); out.triples.set(name, (out.triples.get(name) ?? 0) + n); };
      if (out.format === 'trig') {
        // One graph block for the whole corpus: each batch's statements end ".\n", the block's last one ends "\n}\n".
        if (!out.open) { out.file.write(graphOpen); out.open = true; } else out.file.writeBytes(DOT_LF);
        out.file.writeBytes(bytes.subarray(0, bytes.length - 2));
        fileTriples(batch.triples);
      } else if (splits(out.format) && options.splitSize !== undefined) {
        let at = 0;
        while (at < bytes.length) {
          if (out.inPart === options.splitSize) {
            out.file.close();
            finished.push(out.file);
            out.part++;
            Object.assign(out, { file: open(out.format, out.part), inPart: 0 });
          }
          const end = afterLines(bytes, options.splitSize - out.inPart, at);
          out.file.writeBytes(bytes.subarray(at, end));
          let lines = 0;
          for (let i = at; i < end; i++) if (bytes[i] === 10) lines++;
          out.inPart += lines;
          fileTriples(lines);
          at = end;
        }
      } else {
        out.file.writeBytesLater(bytes);
        fileTriples(batch.triples);
      }
    }
    // Every write of the batch before is done (each file was settled above): its buffers can be written into again.
    if (written) recycler.recycle?.(written);
    written = batch;
    count += batch.articles;
    options.progress?.({ articles: count, entities: stats.entities, triples: stats.triples });
  }
  for (const out of outputs) {
    await out.file.settled();
    if (out.open) out.file.write('\n}\n');
    out.file.close();
    finished.push(out.file);
  }
  const description = set.stage(join(dir, DESCRIPTION_FILE));
  const files = finished.map((f) => ({ format: outputs.find((o) => f.path.endsWith(`.${FORMATS[o.format].ext}`))?.format ?? 'turtle', name: basename(f.path) }));
  await writeTurtle(describeStats(corpus, stats, options.base, files, undefined), GENERATED.description.options(options.base, options.title), description.write);
  description.close();
  finished.push(description);
  const onto = ontologyFile(dir);
  const ontology = set.stage(onto.path);
  await onto.write(ontology.write);
  ontology.close();
  finished.push(ontology);
  if (options.shard && 'kind' in source) {
    const manifest = set.stage(join(dir, MANIFEST_FILE));
    manifest.write(shardManifest(source, options, graph, outputs, finished));
    manifest.close();
    finished.push(manifest);
  }
  return { paths: finished.map((f) => f.path), triples: stats.triples, articles: count };
}

/** The file a sharded export describes itself in, for bulk loaders. */
export const MANIFEST_FILE = 'manifest.json';

/** Shard `index` of `of` of a source: the articles `[⌊index·N/of⌋, ⌊(index+1)·N/of⌋)`, so the shards cover the corpus once, in order. */
export function shardOf(source: RenderSource, shard: { readonly index: number; readonly of: number }): RenderSource {
  const n = sourceSize(source);
  const from = Math.floor((shard.index * n) / shard.of);
  const to = Math.floor(((shard.index + 1) * n) / shard.of);
  return source.kind === 'synthetic' ? { ...source, from, to } : { kind: 'datasets', datasets: source.datasets.slice(from, to) };
}

/** The manifest of a shard: where it sits in the corpus and, per file, its format, triple count, size in bytes and SHA-256. */
function shardManifest(source: RenderSource, options: StreamOptions, graph: string, outputs: readonly Output[], files: readonly StagedFile[]): string {
  const range = source.kind === 'synthetic' ? { from: source.from ?? 0, to: source.to ?? source.count } : { from: 0, to: source.datasets.length };
  const listed = files.map((f) => {
    const name = basename(f.path);
    const output = outputs.find((o) => o.triples.has(name));
    const bytes = readFileSync(f.temp);
    return {
      name, format: output?.format ?? (name.endsWith('.ttl') ? 'turtle' : 'json'),
      mediaType: output ? FORMATS[output.format].mediaType : name.endsWith('.ttl') ? 'text/turtle' : 'application/json',
      ...(output ? { triples: output.triples.get(name) ?? 0 } : {}),
      bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'),
    };
  });
  const manifest = {
    corpus: options.name, title: options.title, shard: options.shard?.index, of: options.shard?.of,
    articles: range, base: options.base, graph, files: listed,
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
