// Generates the SHACL shapes from the class declarations: one node shape per class, one property shape per property it checks.
import { DataFactory } from 'n3';
import type { Quad, Term } from '@rdfjs/types';
import { CLASSES } from '../model/classes.js';
import { enumIri } from '../mapping/iri.js';
import { CODECS } from '../mapping/literals.js';
import { lexicalPattern } from '../mapping/lexical.js';
import { rangeOf } from './ontology.js';
import { isMany, isRequired, propertiesOf, type ClassDecl, type PropDecl } from '../model/schema.js';
import { RDF, RDFS, SH, SHAPES_NS, XSD } from '../model/vocab.js';

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

/**
 * The nearest concrete superclass along the parent chain (Event for Talks, Place for Country), or undefined. Every
 * entity is typed with each of its superclasses of ours, so that class's shape targets this one's instances too and
 * checks the properties inherited from it: this class's shape leaves them out, and each violation is reported once.
 */
export function shapeBase(decl: ClassDecl): ClassDecl | undefined {
  for (let c = decl.parent; c; c = c.parent) if (!c.abstract) return c;
  return undefined;
}

/** The classes of ours directly below a class (by parent or alsoSubClassOf): their instances are its instances too. */
export function directSubclasses(decl: ClassDecl): ClassDecl[] {
  return (CLASSES as readonly ClassDecl[]).filter((c) => c.parent === decl || (c.alsoSubClassOf ?? []).includes(decl));
}

/** A property that a node shape checks (see shapeProperties). */
export interface ShapeProperty { readonly key: string; readonly prop: PropDecl; readonly order: number; readonly override: boolean }

/**
 * The properties a class's node shape checks, in declaration order with their index there (sh:order): all of them,
 * except those its shape base checks already. An inherited property the class requires more strictly than its base
 * (`requires`) stays, as an `override` that adds only sh:minCount.
 */
export function shapeProperties(decl: ClassDecl): ShapeProperty[] {
  const base = shapeBase(decl);
  const inherited = new Map(base ? propertiesOf(base).map((p) => [p.key, p.prop]) : []);
  return propertiesOf(decl).flatMap(({ key, prop }, order): ShapeProperty[] => {
    const before = inherited.get(key);
    if (!before) return [{ key, prop, order, override: false }];
    if (isRequired(prop) && !isRequired(before)) return [{ key, prop, order, override: true }];
    return [];
  });
}

const SH_OR = 'http://www.w3.org/ns/shacl#or';

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
    const checked = shapeProperties(decl);
    const base = shapeBase(decl);
    const subclasses = directSubclasses(decl);
    add(shape, RDF.type, namedNode(SH.NodeShape));
    add(shape, RDFS.label, literal(`shape of ${decl.label}`, 'en'));
    add(shape, SH.targetClass, namedNode(decl.iri));
    // Closed: a predicate the class does not declare is a violation. The predicates its base's shape checks are
    // ignored here (that shape lists them). A class with subclasses is targeted by their instances too, which have
    // predicates of their own: it is closed only for its direct instances, through sh:or (an instance of a subclass,
    // or closed), and its subclasses' shapes close theirs.
    const inheritedPaths = base ? propertiesOf(base).map((p) => namedNode(p.prop.iri)) : [];
    const ignored = uniqueTerms([namedNode(RDF.type), ...inheritedPaths.filter((t) => !checked.some((c) => c.prop.iri === t.value))]);
    if (!subclasses.length) {
      add(shape, SH.closed, literal('true', namedNode(XSD.boolean)));
      add(shape, SH.ignoredProperties, list(`${decl.name}-ignored`, ignored));
    }
    const branches: Quad[] = [];
    if (subclasses.length) {
      const closed = blankNode(`${decl.name}-closed`);
      const members: Term[] = subclasses.map((sub) => {
        const branch = blankNode(`${decl.name}-is-${sub.name}`);
        branches.push(quad(branch, namedNode(SH.class), namedNode(sub.iri)));
        return branch;
      });
      add(shape, SH_OR, list(`${decl.name}-direct-or-subclass`, [...members, closed]));
      add(shape, SH.message, literal(`An instance of ${decl.name} that is of none of its subclasses (${subclasses.map((c) => c.name).join(', ')}) may have only the properties of ${decl.name}: closed.`, 'en'));
      branches.push(quad(closed, namedNode(SH.closed), literal('true', namedNode(XSD.boolean))));
      branches.push(quad(closed, namedNode(SH.ignoredProperties), list(`${decl.name}-closed-allowed`, uniqueTerms([namedNode(RDF.type), ...props.map((p) => namedNode(p.prop.iri))])) as never));
    }
    for (const { key } of checked) add(shape, SH.property, namedNode(propertyShapeIri(decl, key)));
    if (decl.referencedBy) add(shape, SH.property, namedNode(propertyShapeIri(decl, 'referencedBy')));
    quads.push(...branches);

    for (const { key, prop, order, override } of checked) {
      const ps = propertyShapeIri(decl, key);
      const shared = props.filter((p) => p.prop.iri === prop.iri).length > 1;
      add(ps, RDF.type, namedNode(SH.PropertyShape));
      add(ps, SH.path, namedNode(prop.iri));
      add(ps, SH.name, literal(prop.label, 'en'));
      add(ps, SH.description, literal(prop.comment, 'en'));
      add(ps, SH.order, int(order));
      if (override) {
        // Required here, optional in the base's shape, which checks everything else about it.
        if (shared) throw new Error(`${decl.name}.${key}: a shared predicate cannot be required more strictly than in ${base?.name ?? '?'}`);
        add(ps, SH.minCount, int(1));
        continue;
      }
      if (shared) {
        // Several properties share the path (the two selectors of a span): each counts only the values of its own shape.
        if (prop.kind !== 'embedded') throw new Error(`${decl.name}.${key}: only embedded properties may share a predicate`);
        add(ps, SH.qualifiedValueShape, namedNode(shapeIri(prop.cls)));
        add(ps, SH.qualifiedValueShapesDisjoint, literal('true', namedNode(XSD.boolean)));
        if (isRequired(prop)) add(ps, SH.qualifiedMinCount, int(1));
        if (!isMany(prop)) add(ps, SH.qualifiedMaxCount, int(1));
        continue;
      }
      if (isRequired(prop)) add(ps, SH.minCount, int(1));
      if (!isMany(prop)) add(ps, SH.maxCount, int(1));
      valueConstraints(ps, decl, key, prop);
    }

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

  function uniqueTerms(terms: readonly Term[]): Term[] {
    return terms.filter((t, i) => terms.findIndex((u) => u.value === t.value) === i);
  }

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
        // The lexical forms the decoder accepts (lexical.ts): validate's SHACL and import's decoding refuse the same ones.
        const forms = lexicalPattern(prop.kind);
        if (forms) add(ps, SH.pattern, literal(forms));
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
