// Reads an RDF file back into a dataset of typed entities (the inverse of export), strictly.
import { basename, extname } from 'node:path';
import { assertValid } from '../mapping/check.js';
import type { Dataset } from '../mapping/dataset.js';
import { decodeQuads } from '../mapping/decode.js';
import { defaultGraph, readQuads } from '../rdf/read.js';

/**
 * Reads a file into a dataset named after it (or after `name`, the name to report: `<stdin>`), through the one reader
 * `kg validate` uses, so that import refuses exactly what validate refuses (encoding, empty input, syntax with
 * file:line:column), then decodes it strictly.
 * @throws UsageError for an unknown format, InputError for an unreadable file, DataError naming the place (file:line:column, or entity and field).
 */
export async function importFile(path: string, options: { base: string; inputFormat?: string; name?: string }): Promise<Dataset> {
  const shown = options.name ?? path;
  const quads = await readQuads(path, { ...(options.inputFormat ? { inputFormat: options.inputFormat } : {}), name: shown });
  const entities = decodeQuads(quads.map(defaultGraph), { base: options.base });
  assertValid(entities);
  const doc = entities.find((e) => e.type === 'SourceDocument');
  const name = basename(shown, extname(shown)).toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'imported';
  return { name, title: doc?.label[0]?.value ?? `Imported from ${basename(shown)}`, entities };
}
