// Reads an RDF file back into a dataset of typed entities (the inverse of export), strictly.
import { basename, extname } from 'node:path';
import { assertValid } from '../mapping/check.js';
import type { Dataset } from '../mapping/dataset.js';
import { decodeQuads, EntityDecoder } from '../mapping/decode.js';
import type { Entity } from '../model/classes.js';
import { DataError } from '../errors.js';
import { formatNamed } from '../rdf/format-registry.js';
import { readNTriplesTerms } from '../rdf/ntriples-terms.js';
import { defaultGraph, firstMentions, readQuads } from '../rdf/read.js';

/**
 * Reads a file into a dataset named after it (or after `name`, the name to report: `<stdin>`), through the one reader
 * `kg validate` uses, so that import refuses exactly what validate refuses (encoding, empty input, syntax with
 * file:line:column; a leading BOM skipped), then decodes it strictly. N-Triples and N-Quads are first read by a
 * strict reader straight to terms and decoded entity by entity (no quad held); on anything either is not sure of,
 * the file is read again by the one reader and decoded by decodeQuads, whose verdict stands.
 * @throws UsageError for an unknown format; InputError for an unreadable file, or a ParseError (an InputError) for
 *   one that cannot be parsed, each problem as file:line:column; DataError naming the entity and field of each
 *   problem, and where in the file the entity is written (Turtle, TriG, N-Triples, N-Quads).
 */
export async function importFile(path: string, options: { base: string; inputFormat?: string; name?: string }): Promise<Dataset> {
  const shown = options.name ?? path;
  let entities = readLineFormat(path, shown, options);
  let positions = true;
  try {
    if (!entities) {
      const read = await readQuads(path, { ...(options.inputFormat ? { inputFormat: options.inputFormat } : {}), name: shown });
      positions = read.positions;
      const decoder = new EntityDecoder(options.base);
      for (const q of read.quads) { decoder.addQuad(q); if (decoder.failed) break; }
      entities = decoder.finish() ?? decodeQuads(read.quads.map(defaultGraph), { base: options.base });
    }
    assertValid(entities);
  } catch (error) {
    if (error instanceof DataError && positions) throw withPlaces(error, path, shown, options.base);
    throw error;
  }
  const doc = entities.find((e) => e.type === 'SourceDocument');
  const name = basename(shown, extname(shown)).toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'imported';
  return { name, title: doc?.label[0]?.value ?? `Imported from ${basename(shown)}`, entities };
}

/**
 * The entities of an N-Triples or N-Quads file (by `inputFormat`, else by the extension of `shown`, as the one reader
 * tells formats) read by the strict term reader and decoded entity by entity; undefined for another format, or when
 * the reader or the decoder is not sure of the file.
 */
function readLineFormat(path: string, shown: string, options: { base: string; inputFormat?: string }): Entity[] | undefined {
  const dot = shown.lastIndexOf('.');
  const format = formatNamed(options.inputFormat ?? (dot > shown.lastIndexOf('/') && dot >= 0 ? shown.slice(dot + 1) : ''));
  if (format !== 'ntriples' && format !== 'nquads') return undefined;
  const decoder = new EntityDecoder(options.base);
  const read = readNTriplesTerms(path, format === 'nquads', (s, p, o) => decoder.add(s, p, o), () => decoder.failed);
  return read === undefined ? undefined : decoder.finish();
}

/** The IRI a problem's entity names: `<iri>` or an IRI with a scheme as it is, an id (`person/x`, `span/a/b#position`) under the base. */
export function entityIriOf(entity: string, base: string): string {
  if (entity.startsWith('<') && entity.endsWith('>')) return entity.slice(1, -1);
  return /^[a-z][a-z0-9+.-]*:/i.test(entity) ? entity : base + entity;
}

/** The same problems, each told where its entity is written in the file: ` (entity at file:line:column)`. */
function withPlaces(error: DataError, path: string, shown: string, base: string): DataError {
  const iris = [...new Set(error.problems.slice(0, 1000).map((p) => entityIriOf(p.entity, base)))];
  const places = firstMentions(path, iris);
  return new DataError(error.problems.map((p) => {
    const at = places.get(entityIriOf(p.entity, base));
    return at ? { ...p, message: `${p.message} (entity at ${shown}:${at.line}:${at.column})` } : p;
  }));
}
