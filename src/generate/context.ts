// Generates the JSON-LD context from the class declarations: one term per property, with its IRI, value type and container.
import { CLASSES } from '../model/classes.js';
import { contextPrefixes } from '../mapping/iri.js';
import { CODECS } from '../mapping/literals.js';
import { isMany, type ClassDecl, type PropDecl } from '../model/schema.js';

/** The JSON-LD term name of a property: the local name of its IRI. */
export function termName(iri: string): string {
  return iri.replace(/^.*[#/]/, '');
}

function definition(prop: PropDecl): Record<string, string> {
  const def: Record<string, string> = { '@id': prop.iri };
  if (prop.kind === 'ref' || prop.kind === 'enum' || prop.kind === 'embedded' || prop.kind === 'iri') def['@type'] = '@id';
  else if (prop.kind !== 'string' && prop.kind !== 'langString') def['@type'] = CODECS[prop.kind].datatype ?? '';
  if (isMany(prop)) def['@container'] = '@set';
  return def;
}

/** An IRI as `prefix:local` with the longest matching prefix. */
function compactIri(iri: string, prefixes: ReadonlyArray<readonly [string, string]>): string {
  const best = prefixes.filter(([, ns]) => iri.startsWith(ns)).sort((a, b) => b[1].length - a[1].length)[0];
  if (!best) throw new Error(`no prefix for <${iri}>`);
  return `${best[0]}:${iri.slice(best[1].length)}`;
}

/** The JSON-LD context of the data under a base IRI: prefixes (contextPrefixes, which checkBase keeps apart from the base's scheme), then one term per property (a clash of names is an error). */
export function jsonldContext(base: string): Record<string, unknown> {
  const ctx: Record<string, unknown> = {};
  const prefixes = contextPrefixes(base);
  for (const [p, iri] of prefixes) ctx[p] = iri;
  const prefixNames = new Set(prefixes.map(([p]) => p));
  const seen = new Map<string, string>();
  for (const c of CLASSES as readonly ClassDecl[]) {
    for (const prop of Object.values(c.props)) {
      // A local name that is also a prefix (kg:time and time:, kg:place and place:) keeps its compact IRI as the term.
      const local = termName(prop.iri);
      const name = prefixNames.has(local) ? compactIri(prop.iri, prefixes) : local;
      const def = definition(prop);
      const key = JSON.stringify(def);
      const before = seen.get(name);
      if (before !== undefined && before !== key) {
        // The same predicate declared twice with other value types (e.g. the two selectors): many-valued wins.
        if (JSON.parse(before)['@id'] !== prop.iri) throw new Error(`JSON-LD term "${name}" would name both ${JSON.parse(before)['@id']} and ${prop.iri}`);
        def['@container'] = '@set';
      }
      seen.set(name, JSON.stringify(def));
      ctx[name] = def;
    }
  }
  return { '@context': ctx };
}
