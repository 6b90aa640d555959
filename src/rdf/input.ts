// Reads a dataset from a JSON file (the same shape as the TypeScript data), with errors that name the file and position.
import { readFileSync } from 'node:fs';
import type { Entity } from '../model/classes.js';
import type { Dataset } from '../mapping/dataset.js';
import { cannotRead, DataError } from '../errors.js';

const NAME = /^[a-z0-9][a-z0-9-]*$/;

/** Loads `{ name, title, entities }` from a JSON file ("-": standard input); entity-level problems are left to the checker; an unreadable file is an InputError. */
export function loadDatasetJson(path: string): Dataset {
  let raw: string;
  try {
    raw = readFileSync(path === '-' ? 0 : path, 'utf8'); // "-" is standard input
  } catch (error) {
    throw cannotRead(path === '-' ? 'standard input' : path, error, 'the dataset');
  }
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (error) {
    throw new DataError([{ entity: path, field: '(file)', message: `not valid JSON: ${(error as Error).message}` }]);
  }
  const d = data as Partial<Dataset> | null;
  if (typeof d !== 'object' || d === null || Array.isArray(d)) throw new DataError([{ entity: path, field: '(file)', message: 'expected an object { name, title, entities }' }]);
  if (typeof d.name !== 'string' || !NAME.test(d.name)) throw new DataError([{ entity: path, field: 'name', message: 'expected a dataset name of lower-case letters, digits and hyphens' }]);
  if (typeof d.title !== 'string' || !d.title.trim() || /[\u0000-\u001f\u007f\u2028\u2029]/.test(d.title)) throw new DataError([{ entity: path, field: 'title', message: 'expected a non-empty title on one line' }]);
  if (!Array.isArray(d.entities)) throw new DataError([{ entity: path, field: 'entities', message: 'expected an array of entities' }]);
  for (const [i, e] of d.entities.entries()) {
    if (typeof e !== 'object' || e === null || Array.isArray(e)) throw new DataError([{ entity: `${path}#${i}`, field: '(entity)', message: 'expected an object' }]);
  }
  return { name: d.name, title: d.title, entities: d.entities as Entity[], origin: path };
}
