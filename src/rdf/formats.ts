// The serialisations the exporter writes: one table of formats, each writing quads to a sink deterministically.
import { DataFactory } from 'n3';
import type { Quad } from '@rdfjs/types';
import jsonld from 'jsonld';
import { headerComment, writeTurtle, type TurtleOptions } from './turtle.js';
import { QuadWriter } from './quad-writer.js';

export { DIRECT_EXTENSIONS, directMediaType, formatNamed, FORMATS, isFormat, READ_EXTENSIONS, type FormatName } from './format-registry.js';
import { FORMATS, type FormatName } from './format-registry.js';

/** What a serialisation needs besides the quads. */
export interface SerializeOptions extends TurtleOptions {
  /** The named graph of the quads, for the formats that carry graphs. */
  readonly graph: string;
  /** The JSON-LD context object (for jsonld). */
  readonly context: Record<string, unknown>;
}

function writeLines(quads: Iterable<Quad>, format: 'N-Triples' | 'N-Quads' | 'application/trig', options: SerializeOptions, sink: (chunk: string) => void): Promise<void> {
  sink(headerComment(options.header));
  const writer = new QuadWriter(sink, format, format === 'application/trig' ? options.prefixes : []);
  for (const q of quads) writer.add(q);
  writer.end();
  return Promise.resolve();
}

function* inGraph(quads: Iterable<Quad>, graph: string): Generator<Quad> {
  const g = DataFactory.namedNode(graph);
  for (const q of quads) yield DataFactory.quad(q.subject, q.predicate, q.object, g);
}

/** Compacts quads to JSON-LD with the given context, offline (no context is ever fetched). */
export async function toJsonLd(quads: Iterable<Quad>, context: Record<string, unknown>): Promise<Record<string, unknown>> {
  const documentLoader = (url: string): never => { throw new Error(`refusing to load ${url}: contexts are embedded`); };
  const ld = jsonld as unknown as {
    fromRDF(dataset: unknown, options: unknown): Promise<unknown>;
    compact(input: unknown, context: unknown, options: unknown): Promise<Record<string, unknown>>;
  };
  const expanded = await ld.fromRDF([...quads], { useNativeTypes: false });
  return await ld.compact(expanded, context, { documentLoader });
}

/** Writes quads in a format through a sink. */
export async function serialize(format: FormatName, quads: Iterable<Quad>, options: SerializeOptions, sink: (chunk: string) => void): Promise<void> {
  switch (format) {
    case 'turtle': return writeTurtle(quads, options, sink);
    case 'ntriples': return writeLines(quads, 'N-Triples', options, sink);
    case 'nquads': return writeLines(inGraph(quads, options.graph), 'N-Quads', options, sink);
    case 'trig': return writeLines(inGraph(quads, options.graph), 'application/trig', options, sink);
    case 'jsonld': {
      const doc = await toJsonLd(quads, options.context);
      sink(`${JSON.stringify(doc, null, 2)}\n`);
      return;
    }
  }
}
