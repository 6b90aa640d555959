// Reads a dataset from a JSON file (the same shape as the TypeScript data), strictly (RFC 8259 and the reader's BOM rule), with errors that name the file, line and column.
import { readFileSync } from 'node:fs';
import type { Entity } from '../model/classes.js';
import type { Dataset } from '../mapping/dataset.js';
import { cannotRead, DataError, type DataProblem } from '../errors.js';
import { pathText, positionsOf, scanJson, type JsonPath } from './json.js';
import { decodeUtf8, inexactMessage, ParseError } from './read.js';

const NAME = /^[a-z0-9][a-z0-9-]*$/;

/** The fields of a dataset file, in the order they are listed in messages. */
export const DATASET_FIELDS: readonly string[] = ['name', 'title', 'entities'];

/**
 * Loads `{ name, title, entities }` from a JSON file ("-": standard input). The bytes must be UTF-8 (a leading BOM is
 * skipped, as every reader does) and the text JSON (RFC 8259); a key given twice in one object, a field other than
 * name, title and entities at the top, a number a double cannot hold as written and an escaped lone surrogate are
 * refused. Entity-level problems
 * are left to the checker, which names each entity's place (`origins`: `file:line:column`).
 * @throws InputError for an unreadable file; ParseError (an InputError) `file:line:column: not valid JSON: …` or
 *   `… not valid UTF-8 …`; DataError naming the entity (or the file), the field, the place and the value as written.
 */
export function loadDatasetJson(path: string): Dataset {
  const shown = path === '-' ? '<stdin>' : path;
  let bytes: Buffer;
  try {
    bytes = readFileSync(path === '-' ? 0 : path); // "-" is standard input
  } catch (error) {
    throw cannotRead(path === '-' ? 'standard input' : path, error, 'the dataset');
  }
  const text = decodeUtf8(bytes, shown);
  const scan = scanJson(text);
  if (scan.error) {
    const [at] = positionsOf(text, [scan.error.offset]);
    throw new ParseError(shown, [{ kind: 'syntax', ...at, message: `not valid JSON: ${scan.error.message}` }]);
  }
  const data: unknown = JSON.parse(text);
  const d = data as Partial<Dataset> | null;
  if (typeof d !== 'object' || d === null || Array.isArray(d)) throw new DataError([{ entity: shown, field: '(file)', message: `expected an object { ${DATASET_FIELDS.join(', ')} }, got ${Array.isArray(d) ? 'an array' : d === null ? 'null' : typeof d}` }]);
  const entities = Array.isArray(d.entities) ? (d.entities as unknown[]) : [];

  // Where things are: each top-level member, each entity, each duplicate key and inexact number.
  const unknown = [...scan.members.keys()].filter((k) => !DATASET_FIELDS.includes(k));
  const starts = scan.members.get('entities')?.elements ?? [];
  const offsets = [...unknown.map((k) => scan.members.get(k)?.offset ?? 0), ...scan.duplicates.map((x) => x.offset), ...scan.inexact.map((x) => x.offset), ...scan.loneSurrogates.map((x) => x.offset), ...starts];
  const places = positionsOf(text, offsets).map((p) => `${shown}:${p.line}:${p.column}`);
  const placeOf = (k: number): string => places[k] ?? shown;
  /** The entity a path is in (its id, or `entities[i]`) and the field within it; the file itself for the top level. */
  const within = (path: JsonPath): { entity: string; field: string } => {
    if (path[0] !== 'entities' || typeof path[1] !== 'number') return { entity: shown, field: pathText(path) };
    const e = entities[path[1]] as { id?: unknown } | undefined;
    const entity = typeof e?.id === 'string' ? e.id : `entities[${path[1]}]`;
    return { entity, field: path.length > 2 ? pathText(path.slice(2)) : '(entity)' };
  };
  const problems: DataProblem[] = [];
  unknown.forEach((k, i) => problems.push({ entity: shown, field: k, message: `unknown top-level field ${JSON.stringify(k)} (at ${placeOf(i)}): a dataset file has only the fields ${DATASET_FIELDS.join(', ')}` }));
  let k = unknown.length;
  for (const dup of scan.duplicates) {
    const { entity, field } = within([...dup.path, dup.key]);
    problems.push({ entity, field, message: `the key ${JSON.stringify(dup.key)} is given twice in one object (the second at ${placeOf(k++)}): JSON would keep only the last silently (RFC 8259 §4: names should be unique)` });
  }
  for (const num of scan.inexact) {
    const { entity, field } = within(num.path);
    problems.push({ entity, field, message: `${inexactMessage(num.text)} (at ${placeOf(k++)})` });
  }
  for (const half of scan.loneSurrogates) {
    const { entity, field } = within(half.path);
    problems.push({ entity, field, message: `${half.text} (as written, at ${placeOf(k++)}) is half of a UTF-16 surrogate pair with no other half: text holds Unicode characters only (RDF 1.1 Concepts §3.3, XML 1.0 Char)` });
  }
  if (problems.length) throw new DataError(problems);

  if (typeof d.name !== 'string' || !NAME.test(d.name)) throw new DataError([{ entity: shown, field: 'name', message: `expected a dataset name of lower-case letters, digits and hyphens, got ${JSON.stringify(d.name) ?? 'nothing'}` }]);
  if (typeof d.title !== 'string' || !d.title.trim() || /[\u0000-\u001f\u007f\u2028\u2029]/.test(d.title)) throw new DataError([{ entity: shown, field: 'title', message: `expected a non-empty title on one line, got ${JSON.stringify(d.title) ?? 'nothing'}` }]);
  if (!Array.isArray(d.entities)) throw new DataError([{ entity: shown, field: 'entities', message: 'expected an array of entities' }]);
  const origins = new Map<string, string>();
  for (const [i, e] of entities.entries()) {
    if (typeof e !== 'object' || e === null || Array.isArray(e)) throw new DataError([{ entity: `entities[${i}]`, field: '(entity)', message: `expected an object (at ${placeOf(k + i)})` }]);
    const id = (e as { id?: unknown }).id;
    if (typeof id === 'string' && !origins.has(id)) origins.set(id, placeOf(k + i));
  }
  return { name: d.name, title: d.title, entities: entities as Entity[], origin: path, origins };
}
