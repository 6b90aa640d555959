// The RDF/JS terms and quads the mapping makes: plain objects whose fields are read without parsing (n3's Literal re-parses its id on every read of value, language or datatype).
import type { DefaultGraph, Literal as RdfLiteral, NamedNode as RdfNamedNode, Quad as RdfQuad, Quad_Graph, Quad_Object, Quad_Predicate, Quad_Subject, Term } from '@rdfjs/types';
import { DataFactory } from 'n3';

const DEFAULT_GRAPH: DefaultGraph = DataFactory.defaultGraph();
const RDF_LANG_STRING = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#langString';

/** An IRI (RDF/JS NamedNode). */
class NamedNode implements RdfNamedNode {
  readonly termType = 'NamedNode' as const;
  constructor(readonly value: string) {}
  /** Whether another term is the same IRI (RDF/JS Term.equals). */
  equals(other: Term | null | undefined): boolean {
    return !!other && other.termType === 'NamedNode' && other.value === this.value;
  }
}

const DATATYPES = new Map<string, NamedNode>();
const LANG_STRING = new NamedNode(RDF_LANG_STRING);

/** A literal (RDF/JS Literal) with its lexical form, language tag (lower case, or '') and datatype held as fields. */
class Literal implements RdfLiteral {
  readonly termType = 'Literal' as const;
  readonly direction = '' as const;
  constructor(readonly value: string, readonly language: string, readonly datatype: NamedNode) {}
  /** Whether another term is the same literal (RDF/JS Term.equals: value, language and datatype). */
  equals(other: Term | null | undefined): boolean {
    return !!other && other.termType === 'Literal' && other.value === this.value && other.language === this.language && other.datatype.value === this.datatype.value;
  }
}

/** A triple in the default graph, or a quad (RDF/JS Quad). */
class Quad implements RdfQuad {
  readonly termType = 'Quad' as const;
  readonly value = '' as const;
  constructor(readonly subject: Quad_Subject, readonly predicate: Quad_Predicate, readonly object: Quad_Object, readonly graph: Quad_Graph) {}
  /** Whether another quad has equal subject, predicate, object and graph. */
  equals(other: Term | null | undefined): boolean {
    return !!other && other.termType === 'Quad' && other.subject.equals(this.subject) && other.predicate.equals(this.predicate)
      && other.object.equals(this.object) && other.graph.equals(this.graph);
  }
}

/** An IRI term. */
export function namedNode(iri: string): RdfNamedNode {
  return new NamedNode(iri);
}

/** A literal: language-tagged when `languageOrDatatype` is a tag string (already lower case), else of the given datatype IRI. */
export function literal(value: string, languageOrDatatype: string | RdfNamedNode): RdfLiteral {
  if (typeof languageOrDatatype === 'string') return new Literal(value, languageOrDatatype, LANG_STRING);
  let datatype = DATATYPES.get(languageOrDatatype.value);
  if (!datatype) DATATYPES.set(languageOrDatatype.value, (datatype = new NamedNode(languageOrDatatype.value)));
  return new Literal(value, '', datatype);
}

/** A quad (in the default graph unless `graph` is given). */
export function quad(subject: Quad_Subject, predicate: Quad_Predicate, object: Quad_Object, graph: Quad_Graph = DEFAULT_GRAPH): RdfQuad {
  return new Quad(subject, predicate, object, graph);
}
