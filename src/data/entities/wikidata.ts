// Wikidata links for shared entities, allowed only for ids listed in the project's reference table.
import { readFileSync } from 'node:fs';
import { fail } from '../../authoring/callsite.js';
import { projectPath } from '../../project.js';

/** The reference table (copied from the project's hand-over folder): label, Wikidata id, sources, note. */
export const WIKIDATA_TABLE = 'src/data/reference/wikidata.tsv';

const known = new Set(
  readFileSync(projectPath(WIKIDATA_TABLE), 'utf8').split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#')).slice(1).map((l) => l.split('\t')[1]),
);

/**
 * The entity IRI `http://www.wikidata.org/entity/<Q id>` of a Wikidata id from the reference table.
 * @throws AuthoringError naming the calling module and line when the id is not in the table: identifiers come from the table only, never from memory.
 */
export function wikidata(q: string): string {
  if (!known.has(q)) fail(`Wikidata id ${q} is not in ${WIKIDATA_TABLE}: add it there with its source, or leave the entity unlinked`);
  return `http://www.wikidata.org/entity/${q}`;
}
