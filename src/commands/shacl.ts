// Runs SHACL validation with rdf-validate-shacl (the engine for user-supplied shapes, and the oracle of the streaming validator) and turns results into plain violations.
import type { Literal, NamedNode, Quad, Term } from '@rdfjs/types';
import { DataFactory, Parser } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import { ontologyQuads } from '../generate/ontology.js';
import { RDFS } from '../model/vocab.js';
import type { ShaclResult } from './shacl-stream.js';

export type { ShaclResult } from './shacl-stream.js';

const SH = 'http://www.w3.org/ns/shacl#';

/** One SHACL violation: focus node, path, constraint component, offending value and message. */
export interface Violation {
  readonly focus: string;
  readonly path: string;
  readonly constraint: string;
  readonly value?: string;
  readonly message: string;
  readonly shape: string;
}

/** The rdfs:subClassOf triples of the ontology, added to every data graph so that sh:class sees subclasses. */
export const CLASS_HIERARCHY: readonly Quad[] = [...ontologyQuads()].filter((q) => q.predicate.value === RDFS.subClassOf) as Quad[];

/** How kg validate prints the terms and messages of results for one shapes graph: paths of the form ^iri, default messages. */
export class ResultText {
  private readonly inverse = new Map<string, string>();
  private readonly firstClass = new Map<string, string>();

  /** Reads what printing needs from the shapes graph (sh:inversePath nodes, each shape's first sh:class). */
  constructor(shapes: readonly Quad[]) {
    for (const q of shapes) {
      if (q.subject.termType !== 'BlankNode' && q.subject.termType !== 'NamedNode') continue;
      const key = `${q.subject.termType}:${q.subject.value}`;
      if (q.predicate.value === `${SH}inversePath` && q.subject.termType === 'BlankNode' && !this.inverse.has(key)) this.inverse.set(key, q.object.value);
      if (q.predicate.value === `${SH}class` && !this.firstClass.has(key)) this.firstClass.set(key, q.object.value);
    }
  }

  /** A term as printed: an IRI as itself, `^iri` for an inverse path, `_:label`, a literal as `"text"^^datatype` or `"text"@lang`. */
  show(term: Term | undefined | null): string {
    if (!term) return '';
    if (term.termType === 'NamedNode') return term.value;
    if (term.termType === 'BlankNode') {
      const inverse = this.inverse.get(`BlankNode:${term.value}`);
      return inverse !== undefined ? `^${inverse}` : `_:${term.value}`;
    }
    if (term.termType === 'Literal') return term.language ? `${JSON.stringify(term.value)}@${term.language}` : `${JSON.stringify(term.value)}^^${term.datatype.value}`;
    return term.value;
  }

  /** The messages of a result joined by "; ", or a message for a result the engine leaves without one (sh:class, sh:or). */
  message(r: ShaclResult): string {
    const given = r.messages.map((m) => m.value).join('; ');
    if (given) return given;
    const name = r.component.value.replace(/^.*#/, '').replace(/ConstraintComponent$/, '');
    if (name === 'Class') return `Value is not an instance of <${this.firstClass.get(`${r.shape.termType}:${r.shape.value}`) ?? '?'}>`;
    return `Value violates sh:${name.charAt(0).toLowerCase()}${name.slice(1)}`;
  }

  /** A result as kg validate reports it. */
  violation(r: ShaclResult): Violation {
    return {
      focus: this.show(r.focus),
      path: this.show(r.path),
      constraint: this.show(r.component),
      ...(r.value ? { value: this.show(r.value) } : {}),
      message: this.message(r),
      shape: this.show(r.shape),
    };
  }
}

/** A SHACL validator for one shapes graph, reusable across data graphs. */
export class ShaclChecker {
  private readonly validator: SHACLValidator;
  /** How results are printed. */
  readonly text: ResultText;

  /** Prepares the validator for the given shapes (quads, e.g. parsed from ontology/shapes.ttl). */
  constructor(shapes: readonly Quad[]) {
    // The constructor copies the shapes into a dataset of its own, so any iterable of quads will do.
    this.validator = new SHACLValidator(shapes as never);
    this.text = new ResultText(shapes);
  }

  /** Validates a data graph (plus the class hierarchy) and returns the engine's results, as terms. */
  async results(data: Iterable<Quad>): Promise<ShaclResult[]> {
    const dataset = this.validator.factory.dataset([...data, ...CLASS_HIERARCHY] as never);
    const report = await this.validator.validate(dataset);
    if (report.conforms) return [];
    return report.results.map((r) => ({
      focus: r.focusNode as Term,
      ...(r.path ? { path: r.path as Term } : {}),
      ...(r.value ? { value: r.value as Term } : {}),
      component: r.sourceConstraintComponent as NamedNode,
      shape: r.sourceShape as Term,
      severity: r.severity as NamedNode,
      messages: r.message as Literal[],
    }));
  }

  /** Validates a data graph (plus the class hierarchy) and returns its violations. */
  async check(data: Iterable<Quad>): Promise<Violation[]> {
    return (await this.results(data)).map((r) => this.text.violation(r));
  }
}

/** Parses shapes from Turtle text. */
export function parseShapes(turtle: string): Quad[] {
  return new Parser({ format: 'text/turtle', factory: DataFactory }).parse(turtle) as Quad[];
}
