// Runs SHACL validation with rdf-validate-shacl and turns its report into plain violations.
import type { Quad, Term } from '@rdfjs/types';
import { DataFactory, Parser } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import { ontologyQuads } from '../generate/ontology.js';
import { RDFS } from '../model/vocab.js';

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

function show(term: Term | undefined | null, shapes: readonly Quad[]): string {
  if (!term) return '';
  if (term.termType === 'NamedNode') return term.value;
  if (term.termType === 'BlankNode') {
    const inverse = shapes.find((q) => q.subject.equals(term) && q.predicate.value.endsWith('#inversePath'));
    return inverse ? `^${inverse.object.value}` : `_:${term.value}`;
  }
  if (term.termType === 'Literal') return term.language ? `${JSON.stringify(term.value)}@${term.language}` : `${JSON.stringify(term.value)}^^${term.datatype.value}`;
  return term.value;
}

/** A SHACL validator for one shapes graph, reusable across data graphs. */
export class ShaclChecker {
  private readonly validator: SHACLValidator;

  /** Prepares the validator for the given shapes (quads, e.g. parsed from ontology/shapes.ttl). */
  constructor(private readonly shapes: readonly Quad[]) {
    // The constructor copies the shapes into a dataset of its own, so any iterable of quads will do.
    this.validator = new SHACLValidator(shapes as never);
  }

  /** A message for a result the engine left without one (it gives none for sh:class). */
  private defaultMessage(component: Term, shape: Term): string {
    const of = (p: string) => this.shapes.find((q) => q.subject.equals(shape) && q.predicate.value === `http://www.w3.org/ns/shacl#${p}`)?.object.value;
    const name = component.value.replace(/^.*#/, '').replace(/ConstraintComponent$/, '');
    if (name === 'Class') return `Value is not an instance of <${of('class') ?? '?'}>`;
    return `Value violates sh:${name.charAt(0).toLowerCase()}${name.slice(1)}`;
  }

  /** Validates a data graph (plus the class hierarchy) and returns its violations. */
  async check(data: Iterable<Quad>): Promise<Violation[]> {
    const dataset = this.validator.factory.dataset([...data, ...CLASS_HIERARCHY] as never);
    const report = await this.validator.validate(dataset);
    if (report.conforms) return [];
    return report.results
      .map((r) => ({
        focus: show(r.focusNode, this.shapes),
        path: show(r.path, this.shapes),
        constraint: show(r.sourceConstraintComponent, this.shapes),
        ...(r.value ? { value: show(r.value, this.shapes) } : {}),
        message: r.message.map((m) => m.value).join('; ') || this.defaultMessage(r.sourceConstraintComponent, r.sourceShape),
        shape: show(r.sourceShape, this.shapes),
      }));
  }
}

/** Parses shapes from Turtle text. */
export function parseShapes(turtle: string): Quad[] {
  return new Parser({ format: 'text/turtle', factory: DataFactory }).parse(turtle) as Quad[];
}
