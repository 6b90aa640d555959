// The ontology reference page: metadata, class diagram, and an entry per class, property and value set with its SHACL constraints and an example.
import type { Quad, Term } from '@rdfjs/types';
import { CLASSES } from '../model/classes.js';
import { isOwnTerm, ownProperties, rangeOf, valueSets } from '../generate/ontology.js';
import { propertiesOf, type ClassDecl, type PropDecl } from '../model/schema.js';
import { directSubclasses, shapeBase, shapeIri } from '../generate/shapes.js';
import { CONCEPT_NS, DCT, ONTOLOGY_IRI, OWL, RDF, SH } from '../model/vocab.js';
import { enumIri } from '../mapping/iri.js';
import { classDiagramDot, renderSvg } from './graphviz.js';
import { compactIri, esc, link, page, type PageContext } from './html.js';
import { byString, type SiteModel } from './model.js';
import { entityLink, externalLink, ontologyLink, termAnchor, termHtml } from './terms.js';

const CTX: PageContext = { path: 'ontology.html' };
const ALL = CLASSES as readonly ClassDecl[];

/** The shapes graph indexed by subject (named nodes by IRI, blank nodes as `_:label`). */
class Shapes {
  private readonly bySubject = new Map<string, Quad[]>();

  constructor(private readonly model: SiteModel) {
    for (const q of model.shapes.quads) {
      const key = this.key(q.subject);
      const list = this.bySubject.get(key);
      if (list) list.push(q);
      else this.bySubject.set(key, [q]);
    }
  }

  key(t: Term): string {
    return t.termType === 'BlankNode' ? `_:${t.value}` : t.value;
  }

  get(subject: string, predicate: string): Term[] {
    return (this.bySubject.get(subject) ?? []).filter((q) => q.predicate.value === predicate).map((q) => q.object);
  }

  first(subject: string, predicate: string): Term | undefined {
    return this.get(subject, predicate)[0];
  }

  /** The property shapes of a class's node shape, in their sh:order. */
  propertyShapes(cls: ClassDecl): string[] {
    return this.get(shapeIri(cls), SH.property).map((t) => t.value);
  }

  /** The path of a property shape: the predicate, or `^predicate` for an inverse path. */
  path(ps: string): { iri: string; inverse: boolean } {
    const p = this.first(ps, SH.path);
    if (p?.termType === 'BlankNode') return { iri: this.first(this.key(p), SH.inversePath)?.value ?? '', inverse: true };
    return { iri: p?.value ?? '', inverse: false };
  }

  /** The members of an RDF list the shapes use (sh:in). */
  list(t: Term): Term[] {
    return t.termType === 'BlankNode' ? this.model.shapes.lists[t.value] ?? [] : [];
  }
}

/** How many values a property shape allows, as `1`, `0..1`, `0..*` or `1..*`. */
function countOf(shapes: Shapes, ps: string): string {
  const min = Number(shapes.first(ps, SH.minCount)?.value ?? shapes.first(ps, SH.qualifiedMinCount)?.value ?? 0);
  const maxTerm = shapes.first(ps, SH.maxCount) ?? shapes.first(ps, SH.qualifiedMaxCount);
  const max = maxTerm ? Number(maxTerm.value) : undefined;
  if (min === max) return String(min);
  return `${min}..${max ?? '*'}`;
}

/** The value constraints of a property shape as HTML: datatype or class, node kind, sh:in members. */
function valuesOf(shapes: Shapes, ps: string): string {
  const out: string[] = [];
  for (const t of shapes.get(ps, SH.datatype)) out.push(`datatype ${ontologyLink(CTX, t.value)}`);
  for (const t of shapes.get(ps, SH.class)) out.push(`class ${ontologyLink(CTX, t.value)}`);
  for (const t of shapes.get(ps, SH.qualifiedValueShape)) {
    const cls = ALL.find((c) => shapeIri(c) === t.value);
    out.push(`conforming to the shape of ${cls ? ontologyLink(CTX, cls.iri) : esc(compactIri(t.value))}`);
  }
  for (const t of shapes.get(ps, SH.in)) {
    out.push(`one of ${shapes.list(t).map((m) => ontologyLink(CTX, m.value, compactConcept(m.value))).join(', ')}`);
  }
  if (!out.length && shapes.first(ps, SH.nodeKind)?.value === SH.IRI) out.push('an IRI');
  return out.join('; ') || 'any value';
}

function compactConcept(iri: string): string {
  return iri.startsWith(CONCEPT_NS) ? iri.slice(CONCEPT_NS.length).replace('/', ':') : compactIri(iri);
}

/** Other constraints of a property shape: pattern, unique language, ordering against another property. */
function notesOf(shapes: Shapes, ps: string): string {
  const out: string[] = [];
  for (const t of shapes.get(ps, SH.pattern)) out.push(`matches <code>${esc(t.value)}</code>`);
  if (shapes.first(ps, SH.uniqueLang)?.value === 'true') out.push('at most one per language');
  for (const t of shapes.get(ps, SH.lessThanOrEquals)) out.push(`≤ the value of ${ontologyLink(CTX, t.value)}`);
  if (shapes.first(ps, SH.qualifiedValueShapesDisjoint)?.value === 'true') out.push('counted apart from the other selector');
  return out.join('; ');
}

/** The SHACL constraints of one class's node shape, as a table (stacked on narrow screens). */
function shapeTable(shapes: Shapes, cls: ClassDecl): string {
  const shape = shapeIri(cls);
  if (!shapes.first(shape, SH.targetClass)) return '<p class="note">No node shape of its own: its properties are checked through the shapes of its subclasses.</p>';
  const rows = shapes.propertyShapes(cls).map((ps) => {
    const { iri, inverse } = shapes.path(ps);
    const pathHtml = inverse ? `inverse of ${ontologyLink(CTX, iri)}` : ontologyLink(CTX, iri);
    return `<tr><td data-label="path">${pathHtml}</td><td data-label="count">${esc(countOf(shapes, ps))}</td><td data-label="values">${valuesOf(shapes, ps)}</td><td data-label="also">${notesOf(shapes, ps)}</td></tr>`;
  });
  const base = shapeBase(cls);
  const baseLink = base ? ontologyLink(CTX, base.iri, base.name) : '';
  const inherited = base ? ` Every instance is also a ${baseLink}, whose shape targets it too and checks the properties inherited from it: they are not repeated here, so a violation is reported once.` : '';
  const subclasses = directSubclasses(cls).map((c) => ontologyLink(CTX, c.iri, c.name));
  const also = base ? ` or in the shape of ${baseLink}` : '';
  const closed = shapes.first(shape, SH.closed)?.value === 'true'
    ? ` It is closed: any predicate not listed here${also} (other than <code>rdf:type</code>) is a violation.`
    : subclasses.length ? ` Its target includes the instances of its subclasses (${subclasses.join(', ')}), which their own shapes close; for an instance of none of them it is closed (<code>sh:or</code>): any predicate of neither ${esc(compactIri(cls.iri))} nor its superclasses (other than <code>rdf:type</code>) is a violation.` : '';
  return `<p>SHACL node shape <code>${esc(compactIri(shape))}</code> (targets <code>${esc(compactIri(cls.iri))}</code>).${inherited}${closed}</p>
<table class="stack constraints"><thead><tr><th>path</th><th>count</th><th>values</th><th>also</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table>`;
}

/** A `dt`/`dd` pair, left out when there is nothing to say. */
function row(term: string, html: string): string {
  return html ? `<dt>${esc(term)}</dt><dd>${html}</dd>` : '';
}

/** Our classes and embedded classes below a class, nearest first. */
function subclassesOf(cls: ClassDecl): ClassDecl[] {
  return ALL.filter((c) => c.parent === cls || (c.alsoSubClassOf ?? []).includes(cls));
}

function classEntry(model: SiteModel, shapes: Shapes, cls: ClassDecl): string {
  const supers = [...(cls.parent ? [cls.parent] : []), ...(cls.alsoSubClassOf ?? [])].map((c) => ontologyLink(CTX, c.iri, c.name));
  const aligned = (cls.subClassOf ?? []).map((i) => externalLink(i));
  const equivalent = (cls.equivalentClass ?? []).map((i) => externalLink(i));
  const subs = subclassesOf(cls).map((c) => ontologyLink(CTX, c.iri, c.name));
  const own = Object.values(cls.props).map((p) => ontologyLink(CTX, p.iri));
  const inherited = propertiesOf(cls).filter((p) => p.owner !== cls).map((p) => ontologyLink(CTX, p.prop.iri));
  const usedAsRange = ALL.flatMap((c) => Object.values(c.props).filter((p) => p.kind === 'ref' && p.range === cls.name || p.kind === 'embedded' && p.cls === cls))
    .map((p) => ontologyLink(CTX, p.iri));
  const instances = [...model.entities.values()].filter((e) => model.isA(e, cls));
  const example = instances[0]
    ? `${entityLink(CTX, model, instances[0].iri)} <small>(${instances.length} instance${instances.length === 1 ? '' : 's'} in the export${instances.length > 1 ? '; the first by id' : ''})</small>`
    : cls.embedded ? 'every text span has one, e.g. on the page of any span' : '';
  const kind = cls.abstract ? 'abstract: declared for its properties and as a superclass; no entity has it as its type'
    : cls.embedded ? `embedded: a node of its parent entity, with the IRI <code>&lt;entity IRI&gt;#…</code>` : `entity ids <code>${esc(cls.idPrefix ?? '')}/…</code>`;
  return `<section class="term" id="${esc(termAnchor(cls.iri))}">
<h3>${esc(cls.label)} <code>${esc(compactIri(cls.iri))}</code></h3>
<p>${esc(cls.comment)}</p>
<dl class="facts">
${row('IRI', `<code class="iri">${esc(cls.iri)}</code>`)}
${row('kind', kind)}
${row('superclasses', supers.join(', '))}
${row('aligned with', aligned.join(', '))}
${row('equivalent to', equivalent.join(', '))}
${row('subclasses', subs.join(', '))}
${row('properties', own.join(', '))}
${row('inherited properties', inherited.join(', '))}
${row('range of', [...new Set(usedAsRange)].join(', '))}
${row('example', example)}
</dl>
${shapeTable(shapes, cls)}
</section>`;
}

/** Every declared use of a predicate: the class declaring it and the property declaration. */
function usesOf(iri: string): Array<{ owner: ClassDecl; key: string; prop: PropDecl }> {
  return ALL.flatMap((owner) => Object.entries(owner.props).filter(([, p]) => p.iri === iri).map(([key, prop]) => ({ owner, key, prop })));
}

/** The SHACL constraints that apply to a predicate, one line per distinct constraint with the classes it applies in. */
function constraintsOfPredicate(shapes: Shapes, iri: string): string {
  const groups = new Map<string, string[]>();
  for (const cls of ALL) {
    for (const ps of shapes.propertyShapes(cls)) {
      const path = shapes.path(ps);
      if (path.iri !== iri || path.inverse) continue;
      const notes = notesOf(shapes, ps);
      const text = `<strong>${esc(countOf(shapes, ps))}</strong> · ${valuesOf(shapes, ps)}${notes ? ` · ${notes}` : ''}`;
      const list = groups.get(text) ?? [];
      list.push(ontologyLink(CTX, cls.iri, cls.name));
      groups.set(text, list);
    }
  }
  if (!groups.size) return '';
  return `<ul class="plain">${[...groups].map(([text, classes]) => `<li>${text} <small>in the shape of ${classes.join(', ')}</small></li>`).join('')}</ul>`;
}

/** The first triple of the data with a predicate, as an example. */
function exampleOf(model: SiteModel, iri: string): string {
  const q = model.data.find((x) => x.predicate.value === iri && model.entities.has(x.subject.value));
  if (!q) return '';
  return `${entityLink(CTX, model, q.subject.value)} → ${esc(compactIri(iri))} → ${termHtml(CTX, model, q.object, { maxLength: 120 })}`;
}

function ownPropertyEntry(model: SiteModel, shapes: Shapes, key: string, prop: PropDecl, owner: ClassDecl): string {
  const types = model.ontologyAbout(prop.iri).filter((q) => q.predicate.value === RDF.type).map((q) => compactIri(q.object.value));
  const range = rangeOf(prop);
  const valueSet = prop.kind === 'enum' ? ontologyLink(CTX, `${CONCEPT_NS}${prop.scheme}`, prop.scheme) : '';
  return `<section class="term" id="${esc(termAnchor(prop.iri))}">
<h3>${esc(prop.label)} <code>${esc(compactIri(prop.iri))}</code></h3>
<p>${esc(prop.comment)}</p>
<dl class="facts">
${row('IRI', `<code class="iri">${esc(prop.iri)}</code>`)}
${row('type', types.map((t) => `<code>${esc(t)}</code>`).join(', '))}
${row('domain', ontologyLink(CTX, owner.iri, owner.name))}
${row('range', ontologyLink(CTX, range, isOwnTerm(range) ? range.split('#')[1] : compactIri(range)))}
${row('value set', valueSet)}
${row('superproperties', (prop.subPropertyOf ?? []).map((i) => isOwnTerm(i) ? ontologyLink(CTX, i) : externalLink(i)).join(', '))}
${row('equivalent to', (prop.equivalentProperty ?? []).map((i) => externalLink(i)).join(', '))}
${row('inverse of', prop.inverseOf ? externalLink(prop.inverseOf) : '')}
${row('in TypeScript', `<code>${esc(owner.name)}.${esc(key)}</code> (${esc(prop.kind)}, ${esc(prop.card)})`)}
${row('SHACL', constraintsOfPredicate(shapes, prop.iri))}
${row('example', exampleOf(model, prop.iri))}
</dl>
</section>`;
}

function reusedPropertyEntry(model: SiteModel, shapes: Shapes, iri: string): string {
  const uses = usesOf(iri);
  const descriptions = [...new Set(uses.map((u) => `${u.prop.label}: ${u.prop.comment}`))];
  return `<section class="term" id="${esc(termAnchor(iri))}">
<h3>${esc(uses[0]?.prop.label ?? compactIri(iri))} <code>${esc(compactIri(iri))}</code></h3>
${descriptions.map((d) => `<p>${esc(d)}</p>`).join('\n')}
<dl class="facts">
${row('IRI', `<code class="iri">${esc(iri)}</code> ${externalLink(iri, '(its definition)')}`)}
${row('used by', uses.map((u) => `${ontologyLink(CTX, u.owner.iri, u.owner.name)}.<code>${esc(u.key)}</code> (${esc(u.prop.kind)}, ${esc(u.prop.card)})`).join(', '))}
${row('SHACL', constraintsOfPredicate(shapes, iri))}
${row('example', exampleOf(model, iri))}
</dl>
</section>`;
}

function reusedClassEntry(shapes: Shapes, cls: ClassDecl): string {
  const owners = ALL.flatMap((c) => Object.values(c.props).filter((p) => p.kind === 'embedded' && p.cls === cls).map(() => c));
  return `<section class="term" id="${esc(termAnchor(cls.iri))}">
<h3>${esc(cls.label)} <code>${esc(compactIri(cls.iri))}</code></h3>
<p>${esc(cls.comment)}</p>
<dl class="facts">
${row('IRI', `<code class="iri">${esc(cls.iri)}</code> ${externalLink(cls.iri, '(its definition)')}`)}
${row('kind', `embedded: a node of its ${owners.map((o) => ontologyLink(CTX, o.iri, o.name)).join(', ')}, with the IRI <code>&lt;entity IRI&gt;#…</code>`)}
${row('properties', Object.values(cls.props).map((p) => ontologyLink(CTX, p.iri)).join(', '))}
</dl>
${shapeTable(shapes, cls)}
</section>`;
}

function valueSetEntry(model: SiteModel, scheme: string, prop: PropDecl & { kind: 'enum' }): string {
  const schemeIri = `${CONCEPT_NS}${scheme}`;
  const users = ALL.flatMap((c) => Object.values(c.props).filter((p) => p.kind === 'enum' && p.scheme === scheme)).map((p) => ontologyLink(CTX, p.iri));
  const members = Object.entries(prop.values).map(([key, v]) => {
    const iri = enumIri(scheme, key);
    const n = model.data.filter((q) => q.object.value === iri).length;
    return `<li id="${esc(termAnchor(iri))}"><strong>${esc(v.label)}</strong> <code>${esc(`${scheme}:${key}`)}</code> — ${esc(v.comment)} <small>(used ${n} time${n === 1 ? '' : 's'})</small></li>`;
  });
  return `<section class="term" id="${esc(termAnchor(schemeIri))}">
<h3>${esc(scheme.replace(/-/g, ' '))} <code>${esc(schemeIri)}</code></h3>
<p>A SKOS concept scheme; its members are the values of ${[...new Set(users)].join(', ')}.</p>
<ul class="members">
${members.join('\n')}
</ul>
</section>`;
}

/** The ontology page: metadata, class diagram, contents, then every class, property and value set. */
export async function ontologyPage(model: SiteModel): Promise<string> {
  const shapes = new Shapes(model);
  const meta = (p: string): Term | undefined => model.ontologyAbout(ONTOLOGY_IRI).find((q) => q.predicate.value === p)?.object;
  const ownClasses = ALL.filter((c) => isOwnTerm(c.iri));
  const reusedClasses = ALL.filter((c) => !isOwnTerm(c.iri));
  const props = ownProperties();
  const reusedProps = [...new Set(ALL.flatMap((c) => Object.values(c.props).map((p) => p.iri)).filter((i) => !isOwnTerm(i)))].sort((a, b) => byString(compactIri(a), compactIri(b)));
  const sets = [...valueSets()];
  const diagram = await renderSvg(classDiagramDot(termAnchor));
  const licence = meta(DCT.license)?.value ?? '';
  const toc = (items: Array<[string, string]>): string => `<ul class="toc">${items.map(([iri, text]) => `<li>${link(`#${termAnchor(iri)}`, text)}</li>`).join('')}</ul>`;

  const body = `<h1>${esc(meta(DCT.title)?.value ?? 'Ontology')}</h1>
<p class="lead">${esc(meta(DCT.description)?.value ?? '')}</p>
<dl class="facts">
${row('IRI', `<code class="iri">${esc(ONTOLOGY_IRI)}</code> (prefix <code>kg:</code> = <code class="iri">${esc(ONTOLOGY_IRI)}#</code>)`)}
${row('version', `${esc(meta(OWL.versionInfo)?.value ?? '')} (<code class="iri">${esc(meta(OWL.versionIRI)?.value ?? '')}</code>)`)}
${row('licence', licence ? externalLink(licence, licence.includes('creativecommons.org/licenses/by/4.0') ? 'CC BY 4.0' : licence) : '')}
${row('creator', esc(meta(DCT.creator)?.value ?? ''))}
${row('modified', esc(meta(DCT.modified)?.value ?? ''))}
${row('files', '<code>ontology/news-kg.ttl</code> (OWL and SKOS) and <code>ontology/shapes.ttl</code> (SHACL), generated from <code>src/model/classes.ts</code>')}
</dl>
<nav class="contents" aria-label="Contents">
<h2>Contents</h2>
<h3>Classes</h3>
${toc(ownClasses.map((c) => [c.iri, c.name]))}
<h3>Properties</h3>
${toc(props.map((p) => [p.prop.iri, p.prop.iri.split('#')[1] ?? p.key]))}
<h3>Reused classes and properties</h3>
${toc([...reusedClasses.map((c): [string, string] => [c.iri, compactIri(c.iri)]), ...reusedProps.map((i): [string, string] => [i, compactIri(i)])])}
<h3>Value sets</h3>
${toc(sets.map(([scheme]) => [`${CONCEPT_NS}${scheme}`, scheme]))}
</nav>
<h2 id="class-diagram-heading">Class hierarchy</h2>
<p>Our classes; an arrow points from a class to its superclass, dashed boxes are abstract. Click a class to go to its entry. Alignments with standard vocabularies are listed in each entry.</p>
<figure class="diagram">
${diagram}
</figure>
<h2 id="classes">Classes</h2>
<p class="note">Counts in the SHACL tables: <code>1</code> exactly one, <code>0..1</code> at most one, <code>0..*</code> any number, <code>1..*</code> at least one.</p>
${ownClasses.map((c) => classEntry(model, shapes, c)).join('\n')}
<h2 id="properties">Properties</h2>
${props.map(({ key, prop, owner }) => ownPropertyEntry(model, shapes, key, prop, owner)).join('\n')}
<h2 id="reused">Reused classes and properties</h2>
<p>Terms of standard vocabularies that the model uses directly, with the meaning and constraints they have here.</p>
${reusedClasses.map((c) => reusedClassEntry(shapes, c)).join('\n')}
${reusedProps.map((i) => reusedPropertyEntry(model, shapes, i)).join('\n')}
<h2 id="value-sets">Value sets</h2>
${sets.map(([scheme, p]) => valueSetEntry(model, scheme, p)).join('\n')}
`;
  return page(CTX, 'Ontology', body);
}
