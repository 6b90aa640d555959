// The serialisations the exporter writes: one table of formats, each writing quads to a sink deterministically.
import { DataFactory } from 'n3';
import type { Quad } from '@rdfjs/types';
import jsonld from 'jsonld';
import { drain, headerComment, sinkWriter, writeTurtle, type TurtleOptions } from './turtle.js';

/**
 * The one registry of RDF formats: name, file extension, other names a user may give (`ttl`/`turtle`), media type,
 * whether it carries named graphs, and whether the line-based readers (n3, Oxigraph) read it directly (JSON-LD is
 * first turned into N-Quads). Every command finds formats here, by name, alias or file extension.
 */
export const FORMATS = {
  turtle: { ext: 'ttl', aliases: ['ttl', 'turtle'], mediaType: 'text/turtle', graphs: false, direct: true },
  ntriples: { ext: 'nt', aliases: ['nt', 'ntriples', 'n-triples'], mediaType: 'application/n-triples', graphs: false, direct: true },
  nquads: { ext: 'nq', aliases: ['nq', 'nquads', 'n-quads'], mediaType: 'application/n-quads', graphs: true, direct: true },
  trig: { ext: 'trig', aliases: ['trig'], mediaType: 'application/trig', graphs: true, direct: true },
  jsonld: { ext: 'jsonld', aliases: ['jsonld', 'json-ld'], mediaType: 'application/ld+json', graphs: false, direct: false },
} as const;

export type FormatName = keyof typeof FORMATS;

/** Whether a string names a format. */
export function isFormat(name: string): name is FormatName {
  return Object.hasOwn(FORMATS, name);
}

/** The format a name or alias (`ttl`, `turtle`, `n-triples`, any case) or a file extension (`.nq`) stands for, if any. */
export function formatNamed(name: string): FormatName | undefined {
  const key = name.toLowerCase().replace(/^\./, '');
  return (Object.keys(FORMATS) as FormatName[]).find((f) => (FORMATS[f].aliases as readonly string[]).includes(key));
}

/**
 * The media type a line-based reader (n3, Oxigraph) reads a file with: from `override` (a format name or alias) or
 * else the file's extension; undefined for an unknown format or JSON-LD, which is not read directly.
 */
export function directMediaType(path: string, override?: string): string | undefined {
  const dot = path.lastIndexOf('.');
  const format = formatNamed(override ?? (dot > path.lastIndexOf('/') && dot >= 0 ? path.slice(dot + 1) : ''));
  return format && FORMATS[format].direct ? FORMATS[format].mediaType : undefined;
}

/** The extensions the line-based readers read, for messages: `.ttl, .nt, .nq or .trig`. */
export const DIRECT_EXTENSIONS = (Object.values(FORMATS).filter((f) => f.direct).map((f) => `.${f.ext}`) as string[])
  .join(', ').replace(/, ([^,]*)$/, ' or $1');

/** What a serialisation needs besides the quads. */
export interface SerializeOptions extends TurtleOptions {
  /** The named graph of the quads, for the formats that carry graphs. */
  readonly graph: string;
  /** The JSON-LD context object (for jsonld). */
  readonly context: Record<string, unknown>;
}

function writeLines(quads: Iterable<Quad>, format: 'N-Triples' | 'N-Quads' | 'application/trig', options: SerializeOptions, sink: (chunk: string) => void): Promise<void> {
  sink(headerComment(options.header));
  return drain(sinkWriter(sink, { format, ...(format === 'application/trig' ? { prefixes: Object.fromEntries(options.prefixes) } : {}) }), quads);
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
