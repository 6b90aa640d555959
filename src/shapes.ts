// Generates the SHACL shapes from the class declarations: one node shape per class, one property shape per property.
import { DataFactory } from 'n3';
import type { Quad, Term } from '@rdfjs/types';
import { CLASSES } from './classes.js';
import { enumIri } from './iri.js';
import { CODECS } from './literals.js';
import { rangeOf } from './ontology.js';
import { isMany, isRequired, propertiesOf, type ClassDecl, type PropDecl } from './schema.js';
import { RDF, RDFS, SH, SHAPES_NS, XSD } from './vocab.js';

const { namedNode, literal, blankNode, quad } = DataFactory;

/** The IRI of the node shape of a class. */
export function shapeIri(decl: ClassDecl): string {
  return `${SHAPES_NS}${decl.name}Shape`;
}

/** The IRI of the property shape of one property of a class. */
export function propertyShapeIri(decl: ClassDecl, key: string): string {
  return `${SHAPES_NS}${decl.name}-${key}`;
}

/** Shapes as quads plus the RDF lists they use (sh:in, sh:ignoredProperties), kept apart so the writer can print them as `( … )`. */
export interface ShapesGraph {
  readonly quads: Quad[];
  /** List head blank-node label to its members. */
  readonly lists: Record<string, Term[]>;
}

/** The classes that get a node shape: every concrete or embedded class (abstract ones contribute through inheritance). */
export function shapedClasses(): ClassDecl[] {
  return (CLASSES as readonly ClassDecl[]).filter((c) => !c.abstract);
}

/** Builds the shapes of every class, in declaration order, deterministically. */
export function shapesGraph(): ShapesGraph {
  const quads: Quad[] = [];
  const lists: Record<string, Term[]> = {};
  const add = (s: string, p: string, o: Term): void => { quads.push(quad(namedNode(s), namedNode(p), o as never)); };
  const list = (label: string, members: Term[]): Term => { lists[label] = members; return blankNode(label); };
  const int = (n: number) => literal(String(n), namedNode(XSD.integer));

  for (const decl of shapedClasses()) {
    const shape = shapeIri(decl);
    const props = propertiesOf(decl);
    add(shape, RDF.type, namedNode(SH.NodeShape));
    add(shape, RDFS.label, literal(`shape of ${decl.label}`, 'en'));
    add(shape, SH.targetClass, namedNode(decl.iri));
    add(shape, SH.closed, literal('true', namedNode(XSD.boolean)));
    add(shape, SH.ignoredProperties, list(`${decl.name}-ignored`, [namedNode(RDF.type)]));
    for (const { key } of props) add(shape, SH.property, namedNode(propertyShapeIri(decl, key)));
    if (decl.referencedBy) add(shape, SH.property, namedNode(propertyShapeIri(decl, 'referencedBy')));

    props.forEach(({ key, prop }, order) => {
      const ps = propertyShapeIri(decl, key);
      const shared = props.filter((p) => p.prop.iri === prop.iri).length > 1;
      add(ps, RDF.type, namedNode(SH.PropertyShape));
      add(ps, SH.path, namedNode(prop.iri));
      add(ps, SH.name, literal(prop.label, 'en'));
      add(ps, SH.description, literal(prop.comment, 'en'));
      add(ps, SH.order, int(order));
      if (shared) {
        // Several properties share the path (the two selectors of a span): each counts only the values of its own shape.
        if (prop.kind !== 'embedded') throw new Error(`${decl.name}.${key}: only embedded properties may share a predicate`);
        add(ps, SH.qualifiedValueShape, namedNode(shapeIri(prop.cls)));
        add(ps, SH.qualifiedValueShapesDisjoint, literal('true', namedNode(XSD.boolean)));
        if (isRequired(prop)) add(ps, SH.qualifiedMinCount, int(1));
        if (!isMany(prop)) add(ps, SH.qualifiedMaxCount, int(1));
        return;
      }
      if (isRequired(prop)) add(ps, SH.minCount, int(1));
      if (!isMany(prop)) add(ps, SH.maxCount, int(1));
      valueConstraints(ps, decl, key, prop);
    });

    if (decl.referencedBy) {
      const ps = propertyShapeIri(decl, 'referencedBy');
      const by = (CLASSES as readonly ClassDecl[]).find((c) => c.name === decl.referencedBy?.cls);
      const via = by && propertiesOf(by).find((p) => p.key === decl.referencedBy?.prop)?.prop;
      if (!by || !via) throw new Error(`${decl.name}: referencedBy names no declared property`);
      const inverse = blankNode(`${decl.name}-inverse-path`);
      add(ps, RDF.type, namedNode(SH.PropertyShape));
      add(ps, SH.path, inverse);
      add(ps, SH.name, literal(`${decl.referencedBy.prop} of`, 'en'));
      add(ps, SH.description, literal(`Every ${decl.label} is the ${via.label} of at least one ${by.label}: it never stands alone.`, 'en'));
      add(ps, SH.minCount, int(1));
      add(ps, SH.class, namedNode(by.iri));
      quads.push(quad(inverse, namedNode(SH.inversePath), namedNode(via.iri)));
    }
  }
  return { quads, lists };

  function valueConstraints(ps: string, decl: ClassDecl, key: string, prop: PropDecl): void {
    switch (prop.kind) {
      case 'ref':
        add(ps, SH.nodeKind, namedNode(SH.IRI));
        add(ps, SH.class, namedNode(rangeOf(prop)));
        break;
      case 'embedded':
        add(ps, SH.nodeKind, namedNode(SH.IRI));
        add(ps, SH.class, namedNode(prop.cls.iri));
        add(ps, SH.node, namedNode(shapeIri(prop.cls)));
        break;
      case 'enum':
        add(ps, SH.in, list(`${decl.name}-${key}-in`, Object.keys(prop.values).map((k) => namedNode(enumIri(prop.scheme, k)))));
        break;
      case 'iri':
        add(ps, SH.nodeKind, namedNode(SH.IRI));
        break;
      default: {
        const datatype = CODECS[prop.kind].datatype;
        if (datatype) add(ps, SH.datatype, namedNode(datatype));
        if (prop.uniqueLang) add(ps, SH.uniqueLang, literal('true', namedNode(XSD.boolean)));
        if (prop.lessThanOrEquals) {
          const other = propertiesOf(decl).find((p) => p.key === prop.lessThanOrEquals);
          if (!other) throw new Error(`${decl.name}.${key}: lessThanOrEquals names no property`);
          add(ps, SH.lessThanOrEquals, namedNode(other.prop.iri));
        }
      }
    }
    if (prop.pattern) add(ps, SH.pattern, literal(prop.pattern));
  }
}
