// Reads an RDF file back into a dataset of typed entities (the inverse of export), strictly.
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { Quad } from '@rdfjs/types';
import oxigraph from 'oxigraph';
import { assertValid } from './check.js';
import type { Dataset } from './dataset.js';
import { decodeQuads } from './decode.js';
import { DataError } from './errors.js';
import { defaultGraph, INPUT_FORMATS } from './validate.js';

/** Reads a file into a dataset named after it; a problem of syntax or data is a DataError naming the file, entity or field. */
export function importFile(path: string, options: { base: string; inputFormat?: string }): Dataset {
  const ext = (options.inputFormat ?? extname(path).slice(1)).toLowerCase();
  const format = INPUT_FORMATS[ext];
  if (!format) throw new DataError([{ entity: path, field: '(file)', message: `unknown RDF format "${ext}": use .ttl, .nt, .nq or .trig, or --input-format` }]);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new DataError([{ entity: path, field: '(file)', message: `cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}` }]);
  }
  let quads: Quad[];
  try {
    quads = oxigraph.parse(text, { format }) as unknown as Quad[];
  } catch (error) {
    throw new DataError([{ entity: path, field: '(file)', message: (error as Error).message }]);
  }
  const entities = decodeQuads(quads.map(defaultGraph), { base: options.base });
  assertValid(entities);
  const doc = entities.find((e) => e.type === 'SourceDocument');
  const name = basename(path, extname(path)).toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'imported';
  return { name, title: doc?.label[0]?.value ?? `Imported from ${basename(path)}`, entities };
}
