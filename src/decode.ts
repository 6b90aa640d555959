// Reads quads back into entities, strictly: an unknown class, predicate or value is an error that names it.
import type { Quad, Term } from '@rdfjs/types';
import { CLASSES, type Entity } from './classes.js';
import { termKey } from './encode.js';
import { DataError, type DataProblem } from './errors.js';
import { embeddedIri, enumIri, idFromIri } from './iri.js';
import { CODECS, describeTerm } from './literals.js';
import { isMany, propertiesOf, type ClassDecl, type PropDecl } from './schema.js';
import { RDF } from './vocab.js';

/** The concrete class declared for each class IRI. */
const CLASS_BY_IRI: ReadonlyMap<string, ClassDecl> = new Map(
  CLASSES.filter((c) => !('abstract' in c && c.abstract)).map((c) => [c.iri, c as ClassDecl]),
);

type Node = Map<string, Term[]>;

/** Decodes the quads of a dataset (default graph only) into entities sorted by id; throws a DataError listing every problem. */
export function decodeQuads(quads: Iterable<Quad>, options: { base: string }): Entity[] {
  const problems: DataProblem[] = [];
  const nodes = new Map<string, Node>();
  for (const q of quads) {
    const where = q.subject.termType === 'NamedNode' ? q.subject.value : `_:${q.subject.value}`;
    if (q.subject.termType !== 'NamedNode') { problems.push({ entity: where, field: q.predicate.value, message: `subject is a ${q.subject.termType}; only IRIs are allowed (no blank nodes)` }); continue; }
    if (q.graph.termType !== 'DefaultGraph') { problems.push({ entity: where, field: q.predicate.value, message: `quad in named graph <${q.graph.value}>; only the default graph is read` }); continue; }
    if (q.object.termType === 'BlankNode' || q.object.termType === 'Quad') { problems.push({ entity: where, field: q.predicate.value, message: `object is a ${q.object.termType}; not allowed in the data` }); continue; }
    let node = nodes.get(q.subject.value);
    if (!node) nodes.set(q.subject.value, (node = new Map()));
    const list = node.get(q.predicate.value) ?? [];
    if (!list.some((t) => t.equals(q.object))) list.push(q.object);
    node.set(q.predicate.value, list);
  }

  const consumed = new Set<string>();
  const entities: Entity[] = [];
  for (const [iri, node] of nodes) {
    const id = idFromIri(options.base, iri);
    if (id === undefined) continue; // embedded nodes and strangers are dealt with below
    const fields = decodeNode(iri, id, node, undefined);
    if (fields) entities.push(fields as unknown as Entity);
  }
  for (const iri of nodes.keys()) {
    if (!consumed.has(iri)) {
      problems.push({ entity: iri, field: RDF.type, message: `subject is neither an entity IRI under the base <${options.base}> nor a node embedded in one` });
    }
  }
  if (problems.length) throw new DataError(problems);
  return entities.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  function decodeNode(iri: string, entityId: string, node: Node, expected: ClassDecl | undefined): Record<string, unknown> | undefined {
    consumed.add(iri);
    const types = node.get(RDF.type) ?? [];
    if (types.length !== 1 || types[0]?.termType !== 'NamedNode') {
      problems.push({ entity: entityId, field: 'rdf:type', message: `expected exactly one class IRI, got ${types.length ? types.map(describeTerm).join(', ') : 'none'}` });
      return undefined;
    }
    const decl = CLASS_BY_IRI.get(types[0].value);
    if (!decl) { problems.push({ entity: entityId, field: 'rdf:type', message: `unknown class <${types[0].value}>` }); return undefined; }
    if (expected ? decl !== expected : decl.embedded) {
      problems.push({ entity: entityId, field: 'rdf:type', message: `class <${decl.iri}> is not allowed here${expected ? ` (expected <${expected.iri}>)` : ''}` });
      return undefined;
    }
    if (!expected && decl.idPrefix && !entityId.startsWith(`${decl.idPrefix}/`)) {
      problems.push({ entity: entityId, field: 'rdf:type', message: `a ${decl.name} must have an IRI under <${options.base}${decl.idPrefix}/>` });
    }
    const out: Record<string, unknown> = expected ? {} : { type: decl.name, id: entityId };
    const props = propertiesOf(decl);
    const known = new Set(props.map((p) => p.prop.iri));
    for (const predicate of node.keys()) {
      if (predicate !== RDF.type && !known.has(predicate)) {
        problems.push({ entity: entityId, field: predicate, message: `predicate <${predicate}> is not declared for class ${decl.name}` });
      }
    }
    for (const { key, prop } of props) {
      let terms = node.get(prop.iri) ?? [];
      if (prop.kind === 'embedded' || props.some((p) => p.prop !== prop && p.prop.iri === prop.iri)) {
        // Several properties share this predicate (e.g. oa:hasSelector): each takes the objects meant for it.
        terms = terms.filter((t) => claims(prop, t, iri));
      }
      const values: unknown[] = [];
      for (const t of [...terms].sort((a, b) => (termKey(a) < termKey(b) ? -1 : termKey(a) > termKey(b) ? 1 : 0))) {
        const v = decodeValue(prop, t, iri, entityId, key);
        if (v !== undefined) values.push(v);
      }
      if ((prop.card === 'one' || prop.card === 'some') && terms.length === 0) {
        problems.push({ entity: entityId, field: key, message: `required property <${prop.iri}> is missing` });
      } else if ((prop.card === 'one' || prop.card === 'optional') && terms.length > 1) {
        problems.push({ entity: entityId, field: key, message: `expected at most one value of <${prop.iri}>, got ${terms.length}` });
      }
      if (values.length) out[key] = isMany(prop) ? values : values[0];
    }
    // Objects of a shared predicate that no property took.
    for (const [predicate, terms] of node) {
      const owners = props.filter((p) => p.prop.iri === predicate);
      if (owners.length > 1) {
        for (const t of terms) {
          if (!owners.some((o) => claims(o.prop, t, iri))) problems.push({ entity: entityId, field: predicate, message: `unexpected value ${describeTerm(t)}` });
        }
      }
    }
    return out;
  }

  function claims(prop: PropDecl, term: Term, subjectIri: string): boolean {
    if (prop.kind === 'embedded') return term.termType === 'NamedNode' && term.value === embeddedIri(subjectIri, prop.fragment);
    return !(term.termType === 'NamedNode' && term.value.startsWith(`${subjectIri}#`));
  }

  function decodeValue(prop: PropDecl, term: Term, subjectIri: string, entityId: string, key: string): unknown {
    const fail = (message: string): undefined => { problems.push({ entity: entityId, field: key, message }); return undefined; };
    switch (prop.kind) {
      case 'ref': {
        if (term.termType !== 'NamedNode') return fail(`expected a reference to an entity, got ${describeTerm(term)}`);
        const id = idFromIri(options.base, term.value);
        return id ?? fail(`<${term.value}> is not an entity IRI under the base <${options.base}>`);
      }
      case 'enum': {
        const key2 = Object.keys(prop.values).find((k) => enumIri(prop.scheme, k) === term.value);
        return key2 ?? fail(`${describeTerm(term)} is not a member of the value set ${prop.scheme}`);
      }
      case 'embedded': {
        const node = nodes.get(term.value);
        if (!node) return fail(`embedded node <${term.value}> has no description`);
        return decodeNode(term.value, `${entityId}#${prop.fragment}`, node, prop.cls);
      }
      default: {
        const r = CODECS[prop.kind].fromTerm(term);
        if ('error' in r) return fail(r.error);
        if (prop.pattern && !new RegExp(prop.pattern, 'u').test(String(r.value))) return fail(`${describeTerm(term)} does not match the pattern ${prop.pattern}`);
        return r.value;
      }
    }
  }
}
