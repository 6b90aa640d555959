// Reads an RDF file back into a dataset of typed entities (the inverse of export), strictly.
import { DIRECT_EXTENSIONS } from '../rdf/formats.js';
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { Quad } from '@rdfjs/types';
import oxigraph from 'oxigraph';
import { assertValid } from '../mapping/check.js';
import type { Dataset } from '../mapping/dataset.js';
import { decodeQuads } from '../mapping/decode.js';
import { cannotRead, DataError, UsageError } from '../errors.js';
import { defaultGraph, INPUT_FORMATS } from './validate.js';

/** Reads a file into a dataset named after it (or after `name`, the name to report: `<stdin>`); a problem of syntax or data is a DataError naming the file, entity or field; an unreadable file an InputError; an unknown format a UsageError. */
export function importFile(path: string, options: { base: string; inputFormat?: string; name?: string }): Dataset {
  const shown = options.name ?? path;
  const ext = (options.inputFormat ?? extname(shown).slice(1)).toLowerCase();
  const format = INPUT_FORMATS[ext];
  if (!format) throw new UsageError(`cannot import ${shown}: unknown RDF format "${ext}": use ${DIRECT_EXTENSIONS}, or --input-format`);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw cannotRead(shown, error);
  }
  let quads: Quad[];
  try {
    quads = oxigraph.parse(text, { format }) as unknown as Quad[];
  } catch (error) {
    throw new DataError([{ entity: shown, field: '(file)', message: (error as Error).message }]);
  }
  const entities = decodeQuads(quads.map(defaultGraph), { base: options.base });
  assertValid(entities);
  const doc = entities.find((e) => e.type === 'SourceDocument');
  const name = basename(shown, extname(shown)).toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'imported';
  return { name, title: doc?.label[0]?.value ?? `Imported from ${basename(shown)}`, entities };
}
