// The documentation's view of the graph: the export's quads in memory, indexed by subject and object, with entities, spans and labels.
import type { Literal, Quad, Term } from '@rdfjs/types';
import { CLASSES, Claim, Event, Proposition, SourceDocument, TextSpan } from '../model/classes.js';
import type { Dataset } from '../mapping/dataset.js';
import { entitiesQuads, sortedById } from '../mapping/encode.js';
import { idFromIri } from '../mapping/iri.js';
import { ontologyQuads } from '../generate/ontology.js';
import { ancestorsOf, type ClassDecl } from '../model/schema.js';
import { shapesGraph, type ShapesGraph } from '../generate/shapes.js';
import { sliceCodePoints } from '../mapping/text.js';
import { KG_NS, OA, RDF, RDFS, SKOS } from '../model/vocab.js';
import { articlePath, entityPath, shorten } from './html.js';

/** One entity of the export: a subject typed with a class of ours (embedded selector nodes excluded). */
export interface EntityInfo {
  readonly iri: string;
  readonly id: string;
  readonly cls: ClassDecl;
  /** Its English label (or the first label, or its id). */
  readonly label: string;
  /** Its page, relative to the site root. */
  readonly path: string;
}

/** A text span read back from the graph: its document, offsets, exact words and sentence. */
export interface SpanInfo {
  readonly iri: string;
  readonly id: string;
  readonly doc: string;
  readonly start: number;
  readonly end: number;
  readonly exact: string;
  readonly sentence?: string;
  readonly sentenceNumber?: number;
}

const CLASS_BY_IRI: ReadonlyMap<string, ClassDecl> = new Map((CLASSES as readonly ClassDecl[]).map((c) => [c.iri, c]));

/**
 * The class of a subject from its types: an entity is typed with its class and each of its superclasses of ours,
 * so its class is the concrete kg: type of which every other kg: type is a superclass (undefined if none is).
 */
function classFrom(quads: readonly Quad[]): ClassDecl | undefined {
  const types = quads.flatMap((q) => {
    const c = q.predicate.value === RDF.type && q.object.value.startsWith(KG_NS) ? CLASS_BY_IRI.get(q.object.value) : undefined;
    return c ? [c] : [];
  });
  return types.find((c) => !c.abstract && types.every((t) => t === c || ancestorsOf(c).includes(t)));
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Compares two strings by code unit, the order used for everything on the site. */
export function byString(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** One article of the site: its source document and its page. */
export interface ArticleInfo {
  readonly doc: EntityInfo;
  /** Its page, relative to the site root: `article/<name>.html`. */
  readonly path: string;
}

/** A key of a quad's subject, predicate and object, equal for equal triples. */
function tripleKey(q: Quad): string {
  const term = (t: Term): string => (t.termType === 'Literal' ? `${JSON.stringify(t.value)}@${t.language}^^${t.datatype.value}` : `${t.termType}:${t.value}`);
  return `${term(q.subject)} ${term(q.predicate)} ${term(q.object)}`;
}

/** The graph the site is generated from: data quads of the datasets, the ontology and the shapes. */
export class SiteModel {
  readonly data: readonly Quad[];
  readonly ontology: readonly Quad[];
  readonly shapes: ShapesGraph;
  readonly entities: ReadonlyMap<string, EntityInfo>;
  readonly spans: ReadonlyMap<string, SpanInfo>;
  private readonly bySubject = new Map<string, Quad[]>();
  private readonly byObject = new Map<string, Quad[]>();
  private readonly ontologyBySubject = new Map<string, Quad[]>();

  /**
   * Builds the quads of the datasets (sorted by id, as the export writes them) as one merged graph and indexes them:
   * a triple several datasets hold (a shared entity copied into each article that uses it) is kept once, so a shared
   * entity has one description with the mentions and provenance of every article.
   */
  constructor(readonly datasets: readonly Dataset[], readonly base: string) {
    const data: Quad[] = [];
    const seen = new Set<string>();
    for (const d of datasets) {
      for (const q of entitiesQuads(sortedById(d.entities), { base })) {
        const key = tripleKey(q);
        if (seen.has(key)) continue;
        seen.add(key);
        data.push(q);
      }
    }
    this.data = data;
    this.ontology = [...ontologyQuads()];
    this.shapes = shapesGraph();
    for (const q of data) {
      push(this.bySubject, q.subject.value, q);
      if (q.object.termType === 'NamedNode') push(this.byObject, q.object.value, q);
    }
    for (const q of this.ontology) push(this.ontologyBySubject, q.subject.value, q);

    const entities: EntityInfo[] = [];
    for (const [iri, quads] of this.bySubject) {
      const cls = classFrom(quads);
      const id = idFromIri(base, iri);
      if (!cls || !id) continue;
      // A text span has no label of its own: it is named by its words.
      const words = cls === TextSpan ? this.one(`${iri}#quote`, OA.exact)?.value : undefined;
      entities.push({ iri, id, cls, label: this.labelFrom(quads) ?? (words !== undefined ? `“${shorten(words, 80)}”` : id), path: entityPath(id) });
    }
    entities.sort((a, b) => byString(a.id, b.id));
    this.entities = new Map(entities.map((e) => [e.iri, e]));

    const spans: SpanInfo[] = [];
    for (const e of entities) {
      if (e.cls !== TextSpan) continue;
      const quote = this.one(`${e.iri}#quote`, OA.exact);
      const start = this.one(`${e.iri}#position`, OA.start);
      const end = this.one(`${e.iri}#position`, OA.end);
      const doc = this.one(e.iri, OA.hasSource);
      if (!quote || !start || !end || !doc) throw new Error(`span ${e.id}: no source, quote or position in the graph`);
      const sentence = this.one(e.iri, KG_NS + 'withinSentence')?.value;
      const n = this.one(e.iri, KG_NS + 'sentenceNumber')?.value;
      spans.push({
        iri: e.iri, id: e.id, doc: doc.value, start: Number(start.value), end: Number(end.value), exact: quote.value,
        ...(sentence ? { sentence } : {}), ...(n ? { sentenceNumber: Number(n) } : {}),
      });
    }
    this.spans = new Map(spans.map((s) => [s.iri, s]));
  }

  private labelFrom(quads: readonly Quad[]): string | undefined {
    const labels = quads.filter((q) => q.predicate.value === RDFS.label).map((q) => q.object as Literal);
    return (labels.find((l) => l.language === 'en') ?? labels[0])?.value;
  }

  /** The data quads whose subject is an IRI, in the export's order. */
  about(iri: string): readonly Quad[] {
    return this.bySubject.get(iri) ?? [];
  }

  /** The data quads whose object is an IRI (the references to it). */
  referencesTo(iri: string): readonly Quad[] {
    return this.byObject.get(iri) ?? [];
  }

  /** The objects of a subject and predicate in the data. */
  values(subject: string, predicate: string): Term[] {
    return this.about(subject).filter((q) => q.predicate.value === predicate).map((q) => q.object);
  }

  /** The first object of a subject and predicate in the data, if any. */
  one(subject: string, predicate: string): Term | undefined {
    return this.about(subject).find((q) => q.predicate.value === predicate)?.object;
  }

  /** The ontology quads about a term. */
  ontologyAbout(iri: string): readonly Quad[] {
    return this.ontologyBySubject.get(iri) ?? [];
  }

  /** The label of a term: an entity's label, a concept's skos:prefLabel or an ontology term's rdfs:label. */
  labelOf(iri: string): string | undefined {
    const entity = this.entities.get(iri);
    if (entity) return entity.label;
    const q = this.ontologyAbout(iri).find((x) => x.predicate.value === SKOS.prefLabel || x.predicate.value === RDFS.label);
    return q?.object.value;
  }

  /** Whether an entity is an instance of a class, directly or through its subclasses. */
  isA(entity: EntityInfo, cls: ClassDecl): boolean {
    return entity.cls === cls || ancestorsOf(entity.cls).includes(cls);
  }

  /** Whether an entity is a fact the article reports (an event). */
  isFact(entity: EntityInfo): boolean {
    return this.isA(entity, Event);
  }

  /** Whether an entity is a claim or the content of one (never asserted). */
  isClaimLike(entity: EntityInfo): boolean {
    return entity.cls === Claim || entity.cls === Proposition;
  }

  /** The source documents, sorted by id. */
  documents(): EntityInfo[] {
    return [...this.entities.values()].filter((e) => e.cls === SourceDocument);
  }

  /** The articles of the site: one per source document, sorted by the document's id. */
  articles(): ArticleInfo[] {
    return this.documents().map((doc) => ({ doc, path: articlePath(doc.id) }));
  }

  /** The page of the article a document is the text of (relative to the site root). */
  articlePathOf(docIri: string): string {
    const doc = this.entities.get(docIri);
    return articlePath(doc?.id ?? docIri);
  }

  /** Spans grouped by their document (documents sorted by id), each group in the given order. */
  byDocument(spans: readonly SpanInfo[]): Array<{ doc: EntityInfo; spans: SpanInfo[] }> {
    const groups = new Map<string, SpanInfo[]>();
    for (const s of spans) push(groups, s.doc, s);
    return [...groups].map(([iri, list]) => ({ doc: this.entities.get(iri) as EntityInfo, spans: list }))
      .filter((g) => g.doc !== undefined).sort((a, b) => byString(a.doc.id, b.doc.id));
  }

  /** The spans of one document, in reading order (by start, longer spans first). */
  spansOf(docIri: string): SpanInfo[] {
    return [...this.spans.values()].filter((s) => s.doc === docIri).sort((a, b) => a.start - b.start || b.end - a.end || byString(a.id, b.id));
  }

  /** The entities that cite a span through a predicate (kg:statedIn or kg:mentionedAt), sorted by id. */
  citing(spanIri: string, predicate: string): EntityInfo[] {
    const out = this.referencesTo(spanIri).filter((q) => q.predicate.value === predicate).map((q) => this.entities.get(q.subject.value));
    return [...new Set(out.filter((e): e is EntityInfo => !!e))].sort((a, b) => byString(a.id, b.id));
  }

  /** The text of a span's whole sentence with the span's place in it, or the span alone when it has no sentence. */
  inSentence(span: SpanInfo): { before: string; exact: string; after: string; sentence?: SpanInfo } {
    const sentence = span.sentence ? this.spans.get(span.sentence) : undefined;
    if (!sentence || span.start < sentence.start || span.end > sentence.end) return { before: '', exact: span.exact, after: '' };
    const before = sliceCodePoints(sentence.exact, 0, span.start - sentence.start) ?? '';
    const after = sliceCodePoints(sentence.exact, span.end - sentence.start, sentence.end - sentence.start) ?? '';
    return { before, exact: span.exact, after, sentence };
  }

  /** The spans an entity is stated in (kg:statedIn), in reading order. */
  statedIn(iri: string): SpanInfo[] {
    return this.spansFor(iri, KG_NS + 'statedIn');
  }

  /** The spans an entity is mentioned at (kg:mentionedAt), in reading order. */
  mentionedAt(iri: string): SpanInfo[] {
    return this.spansFor(iri, KG_NS + 'mentionedAt');
  }

  private spansFor(iri: string, predicate: string): SpanInfo[] {
    const out = this.values(iri, predicate).map((t) => this.spans.get(t.value)).filter((s): s is SpanInfo => !!s);
    return out.sort((a, b) => byString(a.doc, b.doc) || a.start - b.start || a.end - b.end || byString(a.id, b.id));
  }

  /** Reading order of entities: by the article of their first statedIn span (by document id), then by where it starts; entities stated nowhere last, then by id. */
  compareReading(a: EntityInfo, b: EntityInfo): number {
    const x = this.statedIn(a.iri)[0];
    const y = this.statedIn(b.iri)[0];
    const place = x && y ? byString(this.entities.get(x.doc)?.id ?? x.doc, this.entities.get(y.doc)?.id ?? y.doc) || x.start - y.start : x ? -1 : y ? 1 : 0;
    return place || byString(a.id, b.id);
  }
}
