// Compiles a SHACL shapes graph, once, into closures per shape and constraint that validate nodes as rdf-validate-shacl 0.6 does (same results, messages included); refuses constructs it does not implement.
import type { Literal, NamedNode, Quad, Term } from '@rdfjs/types';
import { DataFactory } from 'n3';
import { UsageError } from '../errors.js';

const { literal, namedNode } = DataFactory;

const SH = 'http://www.w3.org/ns/shacl#';
const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const RDFS = 'http://www.w3.org/2000/01/rdf-schema#';
const XSD = 'http://www.w3.org/2001/XMLSchema#';
const RDF_TYPE = `${RDF}type`;
const RDF_FIRST = `${RDF}first`;
const RDF_REST = `${RDF}rest`;
const RDF_NIL = `${RDF}nil`;
const XSD_BOOLEAN = `${XSD}boolean`;

/**
 * The value of a data term as a string key: an IRI as itself, a blank node as `_:label`, a literal as `"value"@lang` or
 * `"value"^^datatype` (never an IRI: an absolute IRI has a scheme and no quote).
 */
export function termKey(t: Term): string {
  if (t.termType === 'NamedNode') return t.value;
  if (t.termType === 'BlankNode') return `_:${t.value}`;
  if (t.termType === 'Literal') return (t as Literal).language ? `"${t.value}"@${(t as Literal).language}` : `"${t.value}"^^${(t as Literal).datatype.value}`;
  return `?${t.termType}:${t.value}`;
}

/** What a constraint needs to know of the data graph; `Missing` is thrown by a data graph that does not hold a node's triples at hand. */
export interface DataAccess {
  /** The distinct objects of the triples (node, predicate, ?). */
  objects(node: Term, predicate: string): readonly Term[];
  /** Every triple of node (distinct), as its predicate and object at the same index. */
  triples(node: Term): { readonly predicates: readonly NamedNode[]; readonly objects: readonly Term[] };
  /** The distinct subjects of the triples (?, predicate, node). */
  subjects(node: Term, predicate: string): readonly Term[];
  /** Whether node is a SHACL instance of the class: an rdf:type of it is the class or a subclass of it (rdfs:subClassOf*). */
  isInstance(node: Term, cls: string): boolean;
}

/** Receives each result of a constraint: the focus node, and the value and result path when the result has its own. */
export type Sink = (constraint: Constraint, focus: Term, value: Term | undefined, path: Term | undefined, message: string | undefined) => void;

/** A property path the compiler supports: a predicate, or the inverse of one (sh:inversePath). */
export interface PropertyPath {
  /** The path as the shapes graph writes it (an IRI, or the blank node holding sh:inversePath). */
  readonly term: Term;
  readonly predicate: string;
  readonly inverse: boolean;
}

/** A compiled shape (node shape, or property shape when it has a path). */
export interface Shape {
  readonly term: Term;
  readonly severity: NamedNode;
  readonly deactivated: boolean;
  readonly path: PropertyPath | undefined;
  readonly constraints: Constraint[];
}

/** A compiled constraint: one constraint component with one combination of its parameter values, in a shape. */
export interface Constraint {
  readonly component: NamedNode;
  readonly shape: Shape;
  /** The result messages (sh:resultMessage) of a result that brings none of its own, as the engine derives them. */
  readonly messages: readonly Literal[];
  /** Validates the focus node whose value nodes are given; reports each result to the sink (when given); true when it found any. */
  check(focus: Term, values: readonly Term[], data: DataAccess, sink: Sink | undefined): boolean;
  /** The message of a result that brings its own (sh:uniqueLang), after the engine's substitutions. */
  message(text: string): Literal;
}

/** The compiled shapes graph: the shapes that have targets (by class) and, per target class IRI, the shapes targeting it. */
export interface CompiledShapes {
  readonly targeted: readonly Shape[];
  readonly byClass: ReadonlyMap<string, readonly Shape[]>;
  /** Predicates of the inverse paths the shapes use: the data index keeps the subjects of their triples by object. */
  readonly inversePredicates: ReadonlySet<string>;
}

/** Validates a focus node against a shape as the engine does (a deactivated shape finds nothing); true when it found any result. */
export function validateShape(shape: Shape, focus: Term, data: DataAccess, sink: Sink | undefined): boolean {
  if (shape.deactivated) return false;
  const values = shape.path ? pathValues(shape.path, focus, data) : [focus];
  let found = false;
  for (const c of shape.constraints) if (c.check(focus, values, data, sink)) found = true;
  return found;
}

/** Whether a node conforms to a shape (no result at all), as the engine's nodeConformsToShape decides for sh:node, sh:or and qualified value shapes. */
export function conforms(shape: Shape, node: Term, data: DataAccess): boolean {
  return !validateShape(shape, node, data, undefined);
}

function pathValues(path: PropertyPath, focus: Term, data: DataAccess): readonly Term[] {
  if (focus.termType === 'Literal') return [];
  return path.inverse ? data.subjects(focus, path.predicate) : data.objects(focus, path.predicate);
}

/** A shapes graph that uses a construct the streaming validator does not implement (then rdf-validate-shacl is used). */
export class UnsupportedShapes extends UsageError {
  override name = 'UnsupportedShapes';
}

/** The shape parameters (SHACL Core §4) the compiler implements, with their constraint components. */
const SUPPORTED_PARAMETERS = new Set([
  'class', 'closed', 'ignoredProperties', 'datatype', 'in', 'lessThanOrEquals', 'maxCount', 'minCount', 'node', 'nodeKind', 'or',
  'pattern', 'flags', 'qualifiedValueShape', 'qualifiedMinCount', 'qualifiedMaxCount', 'qualifiedValueShapesDisjoint', 'uniqueLang', 'property',
].map((p) => SH + p));
/** Other SHACL terms the compiler reads (targets by class, paths, severity, messages) or that never change a result (SHACL §2.3.2 non-validating properties). */
const OTHER_KNOWN = new Set([
  'targetClass', 'path', 'inversePath', 'message', 'severity', 'deactivated', 'name', 'description', 'order', 'group', 'defaultValue',
].map((p) => SH + p));
/** Every parameter of a SHACL Core constraint component: a subject with one of them is a shape with constraints for the engine. */
const CORE_PARAMETERS = new Set([
  ...SUPPORTED_PARAMETERS, ...['and', 'disjoint', 'equals', 'hasValue', 'languageIn', 'lessThan', 'maxExclusive', 'maxInclusive', 'maxLength',
    'minExclusive', 'minInclusive', 'minLength', 'not', 'xone', 'sparql'].map((p) => SH + p),
]);
/** Node kinds (sh:nodeKind values) and which term types each admits, as the engine's validateNodeKind. */
const NODE_KINDS: Readonly<Record<string, readonly string[]>> = {
  [`${SH}BlankNode`]: ['BlankNode'], [`${SH}IRI`]: ['NamedNode'], [`${SH}Literal`]: ['Literal'],
  [`${SH}BlankNodeOrIRI`]: ['BlankNode', 'NamedNode'], [`${SH}BlankNodeOrLiteral`]: ['BlankNode', 'Literal'], [`${SH}IRIOrLiteral`]: ['NamedNode', 'Literal'],
};

/** The parameters of each component (their local names, in the SHACL vocabulary's order) and the engine's default message of it in a node or property shape. */
const COMPONENTS: Readonly<Record<string, { params: readonly string[]; message?: string }>> = {
  Class: { params: ['class'] },
  Closed: { params: ['closed', 'ignoredProperties'], message: 'Predicate is not allowed (closed shape)' },
  Datatype: { params: ['datatype'], message: 'Value does not have datatype {$datatype}' },
  In: { params: ['in'], message: 'Value is not one of the allowed values: {$in}' },
  LessThanOrEquals: { params: ['lessThanOrEquals'], message: 'Value is not less than or equal to value of {$lessThanOrEquals}' },
  MaxCount: { params: ['maxCount'], message: 'More than {$maxCount} values' },
  MinCount: { params: ['minCount'], message: 'Less than {$minCount} values' },
  Node: { params: ['node'], message: 'Value does not have shape {$node}' },
  NodeKind: { params: ['nodeKind'], message: 'Value does not have node kind {$nodeKind}' },
  Or: { params: ['or'] },
  Pattern: { params: ['flags', 'pattern'], message: 'Value does not match pattern "{$pattern}"' },
  QualifiedMinCount: { params: ['qualifiedMinCount', 'qualifiedValueShape', 'qualifiedValueShapesDisjoint'], message: 'Less than {$qualifiedMinCount} values have shape {$qualifiedValueShape}' },
  QualifiedMaxCount: { params: ['qualifiedMaxCount', 'qualifiedValueShape', 'qualifiedValueShapesDisjoint'], message: 'More than {$qualifiedMaxCount} values have shape {$qualifiedValueShape}' },
  UniqueLang: { params: ['uniqueLang'] },
};
/** Components whose validator reads the whole set of value nodes: defined for property shapes only (the engine has no node-shape validator for them). */
const PROPERTY_ONLY = new Set(['LessThanOrEquals', 'MaxCount', 'MinCount', 'QualifiedMinCount', 'QualifiedMaxCount', 'UniqueLang']);

/** A shapes graph indexed by subject and predicate. */
class ShapesIndex {
  private readonly bySubject = new Map<string, Map<string, Term[]>>();
  private readonly terms = new Map<string, Term>();
  private readonly byObject = new Map<string, Array<{ predicate: string; subject: Term }>>();

  constructor(quads: readonly Quad[]) {
    for (const q of quads) {
      const s = termKey(q.subject);
      let preds = this.bySubject.get(s);
      if (!preds) { this.bySubject.set(s, (preds = new Map())); this.terms.set(s, q.subject); }
      const objects = preds.get(q.predicate.value);
      if (!objects) preds.set(q.predicate.value, [q.object]);
      else if (!objects.some((o) => o.equals(q.object))) objects.push(q.object);
      const o = termKey(q.object);
      const ins = this.byObject.get(o);
      if (ins) ins.push({ predicate: q.predicate.value, subject: q.subject }); else this.byObject.set(o, [{ predicate: q.predicate.value, subject: q.subject }]);
    }
  }

  /** The distinct objects of (node, predicate). */
  out(node: Term, predicate: string): Term[] {
    return this.bySubject.get(termKey(node))?.get(predicate) ?? [];
  }

  /** The subjects of (?, predicate, node). */
  in(node: Term, predicate: string): Term[] {
    return (this.byObject.get(termKey(node)) ?? []).filter((e) => e.predicate === predicate).map((e) => e.subject);
  }

  /** The members of the RDF list starting at a node. @throws UnsupportedShapes for a malformed list. */
  list(head: Term, where: string): Term[] {
    const members: Term[] = [];
    const seen = new Set<string>();
    for (let node = head; !(node.termType === 'NamedNode' && node.value === RDF_NIL);) {
      const key = termKey(node);
      const first = this.out(node, RDF_FIRST);
      const rest = this.out(node, RDF_REST);
      if (seen.has(key) || first.length !== 1 || rest.length !== 1) throw new UnsupportedShapes(`${where}: not a well-formed RDF list (each node needs one rdf:first and one rdf:rest, ending in rdf:nil)`);
      seen.add(key);
      members.push(first[0] as Term);
      node = rest[0] as Term;
    }
    return members;
  }

  /** Every subject of the graph, with its predicates. */
  subjects(): IterableIterator<[string, Map<string, Term[]>]> {
    return this.bySubject.entries();
  }

  /** The term of a subject, by its key. */
  term(key: string): Term {
    return this.terms.get(key) as Term;
  }
}

/** How a shape is named in messages: `<iri>` or `_:label`. */
function named(t: Term): string {
  return t.termType === 'NamedNode' ? `<${t.value}>` : t.termType === 'BlankNode' ? `_:${t.value}` : JSON.stringify(t.value);
}

/**
 * Compiles a shapes graph (SHACL Core: sh:targetClass; node and property shapes with an IRI or sh:inversePath path;
 * sh:class, sh:closed/sh:ignoredProperties, sh:datatype, sh:in, sh:lessThanOrEquals, sh:minCount, sh:maxCount,
 * sh:node, sh:nodeKind, sh:or, sh:pattern/sh:flags, sh:qualifiedValueShape with sh:qualifiedMinCount,
 * sh:qualifiedMaxCount and sh:qualifiedValueShapesDisjoint, sh:uniqueLang, sh:property, sh:message, sh:severity,
 * sh:deactivated). Results follow rdf-validate-shacl 0.6.5 (the oracle in tests), message texts included.
 * @throws UnsupportedShapes naming the shape and the construct for anything else (other targets or constraint
 *   components, complex paths, owl:imports, shapes that are classes, recursive shapes, a malformed list or regex).
 */
export function compileShapes(quads: readonly Quad[]): CompiledShapes {
  const index = new ShapesIndex(quads);
  const shapeNodes = new Set<string>();
  for (const [subject, preds] of index.subjects()) {
    for (const p of preds.keys()) {
      if (p === 'http://www.w3.org/2002/07/owl#imports') throw new UnsupportedShapes(`${named(index.term(subject))}: owl:imports is not supported (merge the imported shapes into the file)`);
      if (!p.startsWith(SH)) continue;
      if (!SUPPORTED_PARAMETERS.has(p) && !OTHER_KNOWN.has(p)) throw new UnsupportedShapes(`${named(index.term(subject))} uses sh:${p.slice(SH.length)}, which the streaming validator does not implement`);
      if (CORE_PARAMETERS.has(p)) shapeNodes.add(subject);
    }
  }
  const isClass = (node: Term): boolean => {
    // The engine targets the instances of a shape that is itself an rdfs:Class (implicit class target): not implemented.
    const classes = new Set([`${RDFS}Class`]);
    const more = (c: string): void => { for (const s of index.in(namedNode(c), `${RDFS}subClassOf`)) if (!classes.has(termKey(s))) { classes.add(termKey(s)); more(termKey(s)); } };
    more(`${RDFS}Class`);
    return index.out(node, RDF_TYPE).some((t) => classes.has(termKey(t)));
  };

  const compiled = new Map<string, Shape>();
  const compiling = new Set<string>();
  const inversePredicates = new Set<string>();

  const shapeOf = (node: Term): Shape => {
    const key = termKey(node);
    const done = compiled.get(key);
    if (done) return done;
    if (compiling.has(key)) throw new UnsupportedShapes(`${named(node)} refers to itself through sh:node, sh:or, sh:property or sh:qualifiedValueShape: recursive shapes are not supported`);
    compiling.add(key);
    const shape = buildShape(node);
    compiling.delete(key);
    compiled.set(key, shape);
    return shape;
  };

  const buildShape = (node: Term): Shape => {
    const where = named(node);
    const one = (p: string): Term | undefined => {
      const values = index.out(node, SH + p);
      if (values.length > 1) throw new UnsupportedShapes(`${where} has ${values.length} values of sh:${p}: at most one is supported`);
      return values[0];
    };
    const severityTerm = one('severity');
    if (severityTerm && severityTerm.termType !== 'NamedNode') throw new UnsupportedShapes(`${where}: sh:severity must be an IRI`);
    const pathTerm = one('path');
    let path: PropertyPath | undefined;
    if (pathTerm) {
      if (pathTerm.termType === 'NamedNode') path = { term: pathTerm, predicate: pathTerm.value, inverse: false };
      else {
        const inverse = pathTerm.termType === 'BlankNode' ? index.out(pathTerm, `${SH}inversePath`) : [];
        const other = [...(index.out(pathTerm, RDF_FIRST)), ...['alternativePath', 'zeroOrMorePath', 'oneOrMorePath', 'zeroOrOnePath'].flatMap((p) => index.out(pathTerm, SH + p))];
        if (inverse.length !== 1 || other.length || inverse[0]?.termType !== 'NamedNode') throw new UnsupportedShapes(`${where}: only a predicate or sh:inversePath of a predicate is supported as sh:path`);
        path = { term: pathTerm, predicate: inverse[0].value, inverse: true };
        inversePredicates.add(inverse[0].value);
      }
    }
    const shape: { -readonly [K in keyof Shape]: Shape[K] } = {
      term: node,
      severity: (severityTerm as NamedNode | undefined) ?? namedNode(`${SH}Violation`),
      deactivated: index.out(node, `${SH}deactivated`)[0]?.value === 'true',
      path,
      constraints: [],
    };
    const shapeMessages = index.out(node, `${SH}message`);
    const inMembers = (): Term[] => {
      const heads = index.out(node, `${SH}in`);
      return heads[0] ? index.list(heads[0], `${where} sh:in`) : [];
    };

    /** The engine's message for a constraint: the shape's sh:message, else the component's, else the component node's sh:message in the shapes graph; then {$param} substitutions. */
    const messagesOf = (component: string, params: ReadonlyMap<string, Term>): { messages: Literal[]; substitute: (text: string) => string } => {
      const spec = COMPONENTS[component];
      const label = (param: string): string => {
        const value = params.get(param);
        if (!value) return 'NULL';
        if (value.termType === 'NamedNode') return `<${value.value}>`;
        if (value.termType === 'BlankNode') {
          // The engine labels any blank node by the members of the shape's sh:in list (its nodeSet), whatever the parameter.
          const members = inMembers();
          return members.length > 3 ? `${members.slice(0, 3).map((m) => m.value).join(', ')} ... (and ${members.length - 3} more)` : members.map((m) => m.value).join(', ');
        }
        return value.value;
      };
      const substitute = (text: string): string => (spec?.params ?? []).reduce((m, p) => m.replace(`{$${p}}`, label(p)).replace(`{?${p}}`, label(p)), text);
      let sources: Literal[] = shapeMessages.filter((m): m is Literal => m.termType === 'Literal');
      if (!sources.length && spec?.message) sources = [literal(spec.message)];
      if (!sources.length) sources = index.out(namedNode(`${SH}${component}ConstraintComponent`), `${SH}message`).filter((m): m is Literal => m.termType === 'Literal');
      return { messages: sources.map((m) => literal(substitute(m.value), m.language || m.datatype)), substitute };
    };

    const add = (component: string, params: ReadonlyMap<string, Term>, check: (c: Constraint) => Constraint['check']): void => {
      if (PROPERTY_ONLY.has(component) && !path) throw new UnsupportedShapes(`${where} uses sh:${COMPONENTS[component]?.params[0] ?? component} without sh:path: the engine has no node-shape validator for it`);
      const { messages, substitute } = messagesOf(component, params);
      const c: { -readonly [K in keyof Constraint]: Constraint[K] } = {
        component: namedNode(`${SH}${component}ConstraintComponent`),
        shape,
        messages,
        check: () => false,
        message: (text) => literal(substitute(text)),
      };
      c.check = check(c);
      shape.constraints.push(c);
    };
    /** A validator called once per value node: a value for which `test` is false is a result with that value. */
    const generic = (test: (value: Term, focus: Term, data: DataAccess) => boolean) => (c: Constraint): Constraint['check'] => (focus, values, data, sink) => {
      let found = false;
      for (const v of values) {
        if (test(v, focus, data)) continue;
        found = true;
        sink?.(c, focus, v, undefined, undefined);
      }
      return found;
    };
    const single = (p: string): Array<ReadonlyMap<string, Term>> => index.out(node, SH + p).map((v) => new Map([[p, v]]));
    const iri = (p: string, v: Term): string => {
      if (v.termType !== 'NamedNode') throw new UnsupportedShapes(`${where}: the value of sh:${p} must be an IRI, not ${named(v)}`);
      return v.value;
    };
    const count = (p: string, v: Term): number => {
      if (v.termType !== 'Literal') throw new UnsupportedShapes(`${where}: the value of sh:${p} must be a literal`);
      return Number(v.value);
    };
    const isTrue = (v: Term | undefined): boolean => v?.termType === 'Literal' && v.value === 'true' && (v as Literal).datatype.value === XSD_BOOLEAN && !(v as Literal).language;
    /** The combinations of the values of a multi-parameter component (the engine's cartesian product), when its required parameters are there. */
    const combinations = (params: readonly string[], required: readonly string[]): Array<Map<string, Term>> => {
      let acc: Array<Map<string, Term>> = [new Map()];
      for (const p of params) {
        const values = index.out(node, SH + p);
        if (!values.length) continue;
        acc = acc.flatMap((m) => values.map((v) => new Map([...m, [p, v]])));
      }
      return acc.filter((m) => required.every((r) => m.has(r)));
    };

    // One constraint per component and combination of parameter values, as the engine makes them (their order does not
    // change the results).
    for (const params of single('class')) {
      const cls = iri('class', params.get('class') as Term);
      add('Class', params, generic((v, _f, data) => v.termType !== 'Literal' && data.isInstance(v, cls)));
    }
    for (const params of combinations(['closed', 'ignoredProperties'], ['closed'])) {
      const allowed = new Set(index.out(node, `${SH}property`).flatMap((p) => index.out(p, `${SH}path`)).filter((t) => t.termType === 'NamedNode').map((t) => t.value));
      const ignored = params.get('ignoredProperties');
      if (ignored) for (const t of index.list(ignored, `${where} sh:ignoredProperties`)) if (t.termType === 'NamedNode') allowed.add(t.value);
      if (!isTrue(params.get('closed'))) continue;
      add('Closed', params, (c) => (focus, values, data, sink) => {
        let found = false;
        for (const v of values) {
          if (v.termType === 'Literal') continue;
          const { predicates, objects } = data.triples(v);
          for (let i = 0; i < predicates.length; i++) {
            const p = predicates[i] as NamedNode;
            if (allowed.has(p.value)) continue;
            found = true;
            sink?.(c, focus, objects[i], p, undefined);
          }
        }
        return found;
      });
    }
    for (const params of single('datatype')) {
      const datatype = iri('datatype', params.get('datatype') as Term);
      const valid = LEXICAL[datatype];
      add('Datatype', params, generic((v) => v.termType === 'Literal' && (v as Literal).datatype.value === datatype && (!valid || valid(v.value))));
    }
    for (const params of single('in')) {
      const allowed = new Set(index.list(params.get('in') as Term, `${where} sh:in`).map(termKey));
      add('In', params, generic((v) => allowed.has(termKey(v))));
    }
    for (const params of single('lessThanOrEquals')) {
      const other = iri('lessThanOrEquals', params.get('lessThanOrEquals') as Term);
      add('LessThanOrEquals', params, (c) => (focus, values, data, sink) => {
        const refs = focus.termType === 'Literal' ? [] : data.objects(focus, other);
        let found = false;
        for (const v of values) {
          for (const r of refs) {
            const order = compareTerms(v, r);
            if (order !== null && !(order > 0)) continue;
            found = true;
            sink?.(c, focus, v, undefined, undefined);
          }
        }
        return found;
      });
    }
    for (const params of single('maxCount')) {
      const max = count('maxCount', params.get('maxCount') as Term);
      add('MaxCount', params, (c) => (focus, values, _data, sink) => {
        if (values.length <= max) return false;
        sink?.(c, focus, undefined, undefined, undefined);
        return true;
      });
    }
    for (const params of single('minCount')) {
      const min = count('minCount', params.get('minCount') as Term);
      add('MinCount', params, (c) => (focus, values, _data, sink) => {
        if (values.length >= min) return false;
        sink?.(c, focus, undefined, undefined, undefined);
        return true;
      });
    }
    for (const params of single('node')) {
      const target = shapeOf(params.get('node') as Term);
      add('Node', params, generic((v, _f, data) => conforms(target, v, data)));
    }
    for (const params of single('nodeKind')) {
      const kinds = NODE_KINDS[iri('nodeKind', params.get('nodeKind') as Term)] ?? [];
      add('NodeKind', params, generic((v) => kinds.includes(v.termType)));
    }
    for (const params of single('or')) {
      const members = index.list(params.get('or') as Term, `${where} sh:or`).map(shapeOf);
      add('Or', params, generic((v, _f, data) => members.some((m) => conforms(m, v, data))));
    }
    for (const params of combinations(['flags', 'pattern'], ['pattern'])) {
      const pattern = params.get('pattern') as Term;
      const flags = params.get('flags');
      let re: RegExp;
      try {
        re = flags ? new RegExp(pattern.value, flags.value) : new RegExp(pattern.value);
      } catch (error) {
        throw new UnsupportedShapes(`${where}: sh:pattern ${JSON.stringify(pattern.value)} is not a regular expression JavaScript reads: ${(error as Error).message}`);
      }
      add('Pattern', params, generic((v) => { re.lastIndex = 0; return v.termType !== 'BlankNode' && re.test(v.value); }));
    }
    for (const [component, countParam] of [['QualifiedMinCount', 'qualifiedMinCount'], ['QualifiedMaxCount', 'qualifiedMaxCount']] as const) {
      for (const params of combinations(COMPONENTS[component]?.params ?? [], [countParam, 'qualifiedValueShape'])) {
        const limitTerm = params.get(countParam) as Term;
        const limit = Number(limitTerm.value);
        const valueShapeTerm = params.get('qualifiedValueShape') as Term;
        const valueShape = shapeOf(valueShapeTerm);
        // Sibling shapes (SHACL §4.7.3): the qualified value shapes of the other property shapes of every shape that has this one.
        const siblings = isTrue(params.get('qualifiedValueShapesDisjoint'))
          ? [...new Map(index.in(node, `${SH}property`).flatMap((parent) => index.out(parent, `${SH}property`)).flatMap((p) => index.out(p, `${SH}qualifiedValueShape`))
            .filter((s) => !s.equals(valueShapeTerm)).map((s) => [termKey(s), s] as const)).values()].map(shapeOf)
          : [];
        add(component, params, (c) => (focus, values, data, sink) => {
          let n = 0;
          for (const v of values) if (conforms(valueShape, v, data) && !siblings.some((s) => conforms(s, v, data))) n++;
          const ok = limitTerm.termType === 'Literal' && (component === 'QualifiedMinCount' ? n >= limit : n <= limit);
          if (ok) return false;
          sink?.(c, focus, undefined, undefined, undefined);
          return true;
        });
      }
    }
    for (const params of single('uniqueLang')) {
      if (!isTrue(params.get('uniqueLang'))) continue;
      add('UniqueLang', params, (c) => (focus, values, _data, sink) => {
        const counts = new Map<string, number>();
        for (const v of values) {
          const lang = v.termType === 'Literal' ? (v as Literal).language : '';
          if (lang) counts.set(lang, (counts.get(lang) ?? 0) + 1);
        }
        let found = false;
        for (const [lang, n] of counts) {
          if (n < 2) continue;
          found = true;
          sink?.(c, focus, undefined, undefined, `Language "${lang}" has been used by ${n} values`);
        }
        return found;
      });
    }
    for (const params of single('property')) {
      const property = shapeOf(params.get('property') as Term);
      add('Property', params, () => (_focus, values, data, sink) => {
        let found = false;
        for (const v of values) if (validateShape(property, v, data, sink)) found = true;
        return found;
      });
    }
    return shape;
  };

  const targeted: Shape[] = [];
  const byClass = new Map<string, Shape[]>();
  for (const [key, preds] of index.subjects()) {
    const targets = preds.get(`${SH}targetClass`) ?? [];
    if (!shapeNodes.has(key)) continue;
    const node = index.term(key);
    if (isClass(node)) throw new UnsupportedShapes(`${named(node)} is a shape and an rdfs:Class (an implicit class target): not supported, use sh:targetClass`);
    if (!targets.length) continue;
    const shape = shapeOf(node);
    targeted.push(shape);
    for (const t of targets) {
      const cls = t.termType === 'NamedNode' ? t.value : (() => { throw new UnsupportedShapes(`${named(node)}: the value of sh:targetClass must be an IRI`); })();
      const list = byClass.get(cls);
      if (list) list.push(shape); else byClass.set(cls, [shape]);
    }
  }
  // Shapes reached only through sh:node, sh:or or qualified value shapes of targeted shapes are compiled on the way; the
  // others never validate anything, but they must be well-formed for the engine too.
  for (const key of shapeNodes) shapeOf(index.term(key));
  return { targeted, byClass, inversePredicates };
}

// ---------------------------------------------------------------------------------------------------------------------
// Literal values as the engine reads them: lexical forms per datatype (rdf-validate-datatype 0.2) and comparisons
// (rdf-literal's fromRdf, as the engine's sh:lessThan… validators compare).

const signSeg = '(\\+|-)?';
const integerPattern = new RegExp(`^${signSeg}\\d+$`);
const integerIn = (lo: string | undefined, hi: string | undefined) => (value: string): boolean =>
  integerPattern.test(value) && (lo === undefined || BigInt(value) >= BigInt(lo)) && (hi === undefined || BigInt(value) <= BigInt(hi));
const isNormalized = (value: string): boolean => !['\n', '\r', '\t'].some((c) => value.includes(c));
const decimalSeg = `${signSeg}(\\d+\\.?\\d*|\\.\\d+)`;
const decimalPattern = new RegExp(`^${signSeg}${decimalSeg}$`);
const floatPattern = new RegExp(`^${signSeg}${decimalSeg}((E|e)(\\+|-)?\\d+)?$`);
const validateFloat = (value: string): boolean => value === 'INF' || value === '-INF' || value === 'NaN' || floatPattern.test(value);
const dateSignSeg = '-?';
const durationSecondSeg = '\\d+(\\.\\d+)?S';
const durationYearMonthSeg = '(\\d+Y(\\d+M)?|\\d+M)';
const durationTimeSeg = `T((\\d+H(\\d+M)?(${durationSecondSeg})?)|(\\d+M(${durationSecondSeg})?)|${durationSecondSeg})`;
const durationDayTimeSeg = `(\\d+D(${durationTimeSeg})?|${durationTimeSeg})`;
const durationSeg = `${dateSignSeg}P((${durationYearMonthSeg}(${durationDayTimeSeg})?)|${durationDayTimeSeg})`;
const yearSeg = `${dateSignSeg}(([1-9]\\d{3,})|(0\\d{3}))`;
const timezoneSeg = '(((\\+|-)\\d{2}:\\d{2})|Z)';
const dateSeg = `${yearSeg}-\\d{2}-\\d{2}`;
const timeSeg = '\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?';
const b64Seg = '([A-Za-z0-9+/] ?)';
const b64Pattern = new RegExp(`^((${b64Seg}{4})*((${b64Seg}{3}[A-Za-z0-9+/])|(${b64Seg}{2}([AEIMQUYcgkosw048] ?)=)|(${b64Seg}([AQgw] ?)= ?=)))?$`);
const matches = (re: RegExp) => (value: string): boolean => re.test(value);
const always = (): boolean => true;

/** Whether a lexical form is valid for its datatype, per datatype IRI (rdf-validate-datatype's registry; other datatypes: always valid). */
const LEXICAL: Readonly<Record<string, (value: string) => boolean>> = {
  [`${XSD}anySimpleType`]: always, [`${XSD}anyAtomicType`]: always, [`${XSD}string`]: always,
  [`${XSD}normalizedString`]: isNormalized,
  [`${XSD}token`]: (v) => isNormalized(v) && !v.startsWith(' ') && !v.endsWith(' ') && !v.includes('  '),
  [`${XSD}language`]: matches(/^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$/),
  [`${XSD}anyURI`]: matches(/^[^\ufffe\uffff]*$/),
  [`${XSD}integer`]: matches(integerPattern),
  [`${XSD}nonNegativeInteger`]: integerIn('0', undefined),
  [`${XSD}positiveInteger`]: (v) => integerPattern.test(v) && BigInt(v) > 0n,
  [`${XSD}nonPositiveInteger`]: integerIn(undefined, '0'),
  [`${XSD}negativeInteger`]: (v) => integerPattern.test(v) && BigInt(v) < 0n,
  [`${XSD}int`]: integerIn('-2147483647', '2147483648'),
  [`${XSD}unsignedInt`]: integerIn('0', '4294967295'),
  [`${XSD}long`]: integerIn('-9223372036854775808', '9223372036854775807'),
  [`${XSD}unsignedLong`]: integerIn('0', '18446744073709551615'),
  [`${XSD}short`]: integerIn('-32768', '32767'),
  [`${XSD}unsignedShort`]: integerIn('0', '65535'),
  [`${XSD}byte`]: integerIn('-128', '127'),
  [`${XSD}unsignedByte`]: integerIn('0', '255'),
  [`${XSD}boolean`]: (v) => v === '1' || v === 'true' || v === '0' || v === 'false',
  [`${XSD}decimal`]: matches(decimalPattern),
  [`${XSD}float`]: validateFloat, [`${XSD}double`]: validateFloat,
  [`${XSD}duration`]: matches(new RegExp(`^${durationSeg}$`)),
  [`${XSD}dayTimeDuration`]: matches(new RegExp(`^${dateSignSeg}P${durationDayTimeSeg}$`)),
  [`${XSD}yearMonthDuration`]: matches(new RegExp(`^${dateSignSeg}P${durationYearMonthSeg}$`)),
  [`${XSD}dateTime`]: matches(new RegExp(`^${dateSeg}T${timeSeg}${timezoneSeg}?$`)),
  [`${XSD}dateTimeStamp`]: matches(new RegExp(`^${dateSeg}T${timeSeg}${timezoneSeg}$`)),
  [`${XSD}date`]: matches(new RegExp(`^${dateSeg}${timezoneSeg}?$`)),
  [`${XSD}gDay`]: matches(new RegExp(`^\\d{2}${timezoneSeg}?$`)),
  [`${XSD}gMonth`]: matches(new RegExp(`^--\\d{2}${timezoneSeg}?$`)),
  [`${XSD}gMonthDay`]: matches(new RegExp(`^\\d{2}-\\d{2}${timezoneSeg}?$`)),
  [`${XSD}gYear`]: matches(new RegExp(`^${yearSeg}${timezoneSeg}?$`)),
  [`${XSD}gYearMonth`]: matches(new RegExp(`^${yearSeg}-\\d{2}${timezoneSeg}?$`)),
  [`${XSD}time`]: matches(new RegExp(`^${timeSeg}${timezoneSeg}?$`)),
  [`${XSD}hexBinary`]: matches(/^([0-9a-fA-F]{2})*$/),
  [`${XSD}base64Binary`]: matches(b64Pattern),
  'http://www.w3.org/ns/csvw#JSON': (v) => { try { JSON.parse(v); return true; } catch { return false; } },
};

const STRING_TYPES = new Set([...['string', 'normalizedString', 'anyURI', 'base64Binary', 'language', 'Name', 'NCName', 'NMTOKEN', 'token', 'hexBinary', 'time', 'duration'].map((t) => XSD + t), `${RDF}langString`, `${RDF}dirLangString`]);
const DOUBLE_TYPES = new Set(['double', 'decimal', 'float'].map((t) => XSD + t));
const INTEGER_TYPES = new Set(['integer', 'long', 'int', 'byte', 'short', 'negativeInteger', 'nonNegativeInteger', 'nonPositiveInteger', 'positiveInteger', 'unsignedByte', 'unsignedInt', 'unsignedLong', 'unsignedShort'].map((t) => XSD + t));
const DATE_TYPES = new Set(['dateTime', 'date', 'gDay', 'gMonthDay', 'gYear', 'gYearMonth'].map((t) => XSD + t));

/** A literal as a JavaScript value, as rdf-literal's fromRdf (without validation) gives it. */
function fromRdf(l: Literal): string | boolean | number | Date {
  const datatype = l.datatype.value;
  const value = l.value;
  if (STRING_TYPES.has(datatype)) return value;
  if (datatype === XSD_BOOLEAN) return value === 'true' || value === '1';
  if (DOUBLE_TYPES.has(datatype)) return parseFloat(value);
  if (INTEGER_TYPES.has(datatype)) return parseInt(value, 10);
  if (DATE_TYPES.has(datatype)) {
    switch (datatype) {
      case `${XSD}gDay`: return new Date(0, 0, parseInt(value, 10));
      case `${XSD}gMonthDay`: { const [m, d] = value.split('-'); return new Date(0, parseInt(m ?? '', 10) - 1, parseInt(d ?? '', 10)); }
      case `${XSD}gYear`: return new Date(`${value}-01-01`);
      case `${XSD}gYearMonth`: return new Date(`${value}-01`);
      default: return new Date(value);
    }
  }
  return value;
}

const TIMEZONE = /^.*(((\+|-)\d{2}:\d{2})|Z)$/;

/** The engine's compareTerms: negative, zero or positive (NaN for dates it cannot read), or null when the two cannot be compared. */
function compareTerms(a: Term, b: Term): number | null {
  if (a.termType !== 'Literal' || b.termType !== 'Literal') return null;
  const zoned = (l: Literal): boolean => l.datatype.value === `${XSD}dateTime` && TIMEZONE.test(l.value);
  if (zoned(a as Literal) !== zoned(b as Literal)) return null;
  const x = fromRdf(a as Literal);
  const y = fromRdf(b as Literal);
  if (typeof x !== typeof y) return null;
  if (typeof x === 'string') return x.localeCompare(y as string);
  return (x as number) - (y as number);
}
