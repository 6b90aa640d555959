// Renders a run of articles into the bytes of each line format plus their counts: the unit of work an export hands to a worker thread.
import { assertValid } from '../mapping/check.js';
import type { Dataset } from '../mapping/dataset.js';
import { sortedById } from '../mapping/encode.js';
import type { Stats } from '../generate/description.js';
import { EntityWriter, type EntityStats } from '../rdf/entity-writer.js';
import type { FormatName } from '../rdf/formats.js';

/** The formats a streaming export writes (JSON-LD needs the whole graph). */
export type StreamFormat = Exclude<FormatName, 'jsonld'>;

/** What every worker needs to render articles the same way. */
export interface RenderOptions {
  readonly base: string;
  readonly formats: readonly StreamFormat[];
  /** The named graph of TriG and N-Quads. */
  readonly graph: string;
  /** The prefixes of Turtle and TriG (declared by the file, not by each chunk). */
  readonly prefixes: ReadonlyArray<readonly [string, string]>;
}

/** Counts that merge by addition (articles share no subject): the description's statistics of a run of articles. */
export interface StatsPart {
  readonly triples: number;
  readonly subjects: number;
  readonly entities: number;
  readonly classes: ReadonlyArray<readonly [string, number]>;
  readonly properties: ReadonlyArray<readonly [string, number]>;
  readonly documents: readonly string[];
}

/** A rendered run of articles: UTF-8 bytes per format (Turtle and TriG without prefix declarations or graph block), its triple count and statistics. */
export interface Rendered {
  readonly articles: number;
  readonly triples: number;
  readonly bytes: Readonly<Partial<Record<StreamFormat, Uint8Array>>>;
  readonly stats: StatsPart;
}

/**
 * Checks, maps and serialises articles, in order, into one chunk per format, through an EntityWriter (entities straight
 * to text; the quads path through a QuadWriter is its oracle in tests). Turtle and TriG chunks are the subject blocks
 * only (each ending `.\n`, the same text for both), so that chunks concatenate into exactly what one writer would write.
 * @throws DataError when an article's entities fail the checks (naming entity and field).
 */
export function renderArticles(articles: Iterable<Dataset>, options: RenderOptions): Rendered {
  const has = (f: StreamFormat): boolean => options.formats.includes(f);
  const writer = new EntityWriter({
    base: options.base, ntriples: has('ntriples'), turtle: has('turtle') || has('trig'),
    nquadsGraph: has('nquads') ? options.graph : undefined, prefixes: options.prefixes,
  });
  let count = 0;
  for (const article of articles) {
    assertValid(article.entities);
    for (const entity of sortedById(article.entities)) writer.add(entity);
    count++;
  }
  const written = writer.take();
  const bytes: Partial<Record<StreamFormat, Uint8Array>> = {};
  for (const f of options.formats) bytes[f] = f === 'turtle' || f === 'trig' ? written.turtle : f === 'ntriples' ? written.ntriples : written.nquads;
  return { articles: count, triples: writer.stats.triples, bytes, stats: statsPart(writer.stats) };
}

function statsPart(stats: EntityStats): StatsPart {
  return {
    triples: stats.triples, subjects: stats.subjects, entities: stats.entities,
    classes: [...stats.classes], properties: [...stats.properties], documents: stats.documents,
  };
}

/** Adds a rendered run's statistics to running totals (in article order, so the first documents are kept). */
export function mergeStats(into: Stats, part: StatsPart): void {
  into.triples += part.triples;
  into.subjects += part.subjects;
  into.entities += part.entities;
  for (const [k, v] of part.classes) into.classes.set(k, (into.classes.get(k) ?? 0) + v);
  for (const [k, v] of part.properties) into.properties.set(k, (into.properties.get(k) ?? 0) + v);
  for (const d of part.documents) if (into.documents.length < 2) into.documents.push(d);
}
