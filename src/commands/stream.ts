// Exports a corpus too large for memory: article by article through the same checks, mapping and writers, into one output set switched into place at the end.
import { withOutputSet, type OutputSet, type StagedFile } from '../rdf/atomic.js';
import { GENERATED } from '../generate/files.js';
import { basename, join } from 'node:path';
import type { Quad } from '@rdfjs/types';
import { DataFactory, type Writer } from 'n3';
import { assertValid } from '../mapping/check.js';
import type { Dataset } from '../mapping/dataset.js';
import { addToStats, describeStats, emptyStats, graphIri } from '../generate/description.js';
import { entitiesQuads, sortedById } from '../mapping/encode.js';
import { DESCRIPTION_FILE, ontologyFile, dataTurtleOptions } from './export.js';
import { UsageError } from '../errors.js';
import { FORMATS, type FormatName } from '../rdf/formats.js';
import { headerComment, sinkWriter, writeTurtle } from '../rdf/turtle.js';

/** Options of a streaming export. */
export interface StreamOptions {
  readonly base: string;
  readonly formats: readonly FormatName[];
  /** The name of the corpus: its files are `<name>.<ext>` (or `<name>-00001.<ext>` … when split). */
  readonly name: string;
  readonly title: string;
  /** At most this many triples per N-Triples / N-Quads file. */
  readonly splitSize?: number;
  /** Called now and then with the progress so far. */
  readonly progress?: (done: { articles: number; entities: number; triples: number }) => void;
}

/** One output format: its writer, its current file and, when split, how many triples that file holds. */
interface Output {
  readonly format: FormatName;
  file: StagedFile;
  writer: Writer;
  part: number;
  inPart: number;
}

/** Streams articles into files of the given formats plus a description and the ontology, as one output set: nothing changes in `dir` unless all succeed. */
export async function exportStream(articles: Iterable<Dataset>, dir: string, options: StreamOptions): Promise<{ paths: string[]; triples: number; articles: number }> {
  if (options.formats.includes('jsonld')) throw new UsageError('JSON-LD needs the whole graph in memory: stream Turtle, N-Triples, N-Quads or TriG');
  return withOutputSet(dir, (set) => streamInto(set, articles, dir, options));
}

/** Writes the corpus into the staged files of an open output set (the set switches them into place). */
async function streamInto(set: OutputSet, articles: Iterable<Dataset>, dir: string, options: StreamOptions): Promise<{ paths: string[]; triples: number; articles: number }> {
  const graph = DataFactory.namedNode(graphIri(options.base, options.name));
  const corpus: Dataset = { name: options.name, title: options.title, entities: [] };
  const turtleOptions = dataTurtleOptions(corpus, options);
  const splits = (f: FormatName): boolean => options.splitSize !== undefined && (f === 'ntriples' || f === 'nquads');
  const fileName = (f: FormatName, part: number): string =>
    splits(f) ? `${options.name}-${String(part).padStart(5, '0')}.${FORMATS[f].ext}` : `${options.name}.${FORMATS[f].ext}`;
  const open = (f: FormatName, part: number): { file: StagedFile; writer: Writer } => {
    const file = set.stage(join(dir, fileName(f, part)));
    file.write(headerComment(turtleOptions.header));
    const format = { turtle: 'Turtle', trig: 'application/trig', ntriples: 'N-Triples', nquads: 'N-Quads', jsonld: '' }[f];
    const prefixes = f === 'turtle' || f === 'trig' ? { prefixes: Object.fromEntries(turtleOptions.prefixes) } : {};
    return { file, writer: sinkWriter(file.write, { format, ...prefixes }) };
  };
  const outputs: Output[] = options.formats.map((format) => ({ format, ...open(format, 1), part: 1, inPart: 0 }));
  const finished: StagedFile[] = [];
  const end = (writer: Writer): Promise<void> => new Promise((resolve, reject) => writer.end((e: Error | null) => (e ? reject(e) : resolve())));
  const stats = emptyStats();
  let count = 0;
  for (const article of articles) {
    assertValid(article.entities);
    const quads: Quad[] = [...entitiesQuads(sortedById(article.entities), options)];
    addToStats(stats, quads);
    for (const out of outputs) {
      const graphs = FORMATS[out.format].graphs;
      for (const q of quads) {
        if (splits(out.format) && out.inPart === options.splitSize) {
          await end(out.writer);
          out.file.close();
          finished.push(out.file);
          out.part++;
          Object.assign(out, open(out.format, out.part), { inPart: 0 });
        }
        out.writer.addQuad(graphs ? DataFactory.quad(q.subject, q.predicate, q.object, graph) : q);
        out.inPart++;
      }
    }
    count++;
    options.progress?.({ articles: count, entities: stats.entities, triples: stats.triples });
  }
  for (const out of outputs) {
    await end(out.writer);
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
  return { paths: finished.map((f) => f.path), triples: stats.triples, articles: count };
}
