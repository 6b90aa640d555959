// RDF terms as HTML: links to entity pages and ontology entries, literals with their language, quotes from the article.
import type { Term } from '@rdfjs/types';
import { CLASSES } from '../model/classes.js';
import { isOwnTerm } from '../generate/ontology.js';
import type { ClassDecl } from '../model/schema.js';
import { CONCEPT_NS, KG_NS, RDF, XSD } from '../model/vocab.js';
import { compactIri, esc, link, rel, shorten, spanAnchor, type PageContext } from './html.js';
import type { SiteModel, SpanInfo } from './model.js';

/** The IRIs of every class and property the declarations use (ours and reused), each of which has an entry on the ontology page. */
export const DOCUMENTED_TERMS: ReadonlySet<string> = new Set((CLASSES as readonly ClassDecl[]).flatMap((c) => [c.iri, ...Object.values(c.props).map((p) => p.iri)]));

/** The anchor of a term's entry on the ontology page: the local name for our terms, `scheme-…`/`concept-…` for value sets, `prefix-local` for reused terms. */
export function termAnchor(iri: string): string {
  if (isOwnTerm(iri)) return iri.slice(KG_NS.length);
  if (iri.startsWith(CONCEPT_NS)) {
    const rest = iri.slice(CONCEPT_NS.length);
    return rest.includes('/') ? `concept-${rest.replace(/\//g, '-')}` : `scheme-${rest}`;
  }
  return compactIri(iri).replace(/[^A-Za-z0-9_-]/g, '-');
}

/** Whether a term has an entry on the ontology page (so that a link to its anchor resolves). */
export function isDocumented(iri: string): boolean {
  return DOCUMENTED_TERMS.has(iri) || iri.startsWith(CONCEPT_NS);
}

/** A link to a term's entry on the ontology page, showing its prefixed name or a given text. */
export function ontologyLink(ctx: PageContext, iri: string, text = compactIri(iri)): string {
  return isDocumented(iri) ? link(`${rel(ctx, 'ontology.html')}#${termAnchor(iri)}`, text, { title: iri }) : externalLink(iri, text);
}

/** A link to an outside IRI (a standard vocabulary term, Wikidata), shown by its prefixed name or a given text. */
export function externalLink(iri: string, text = compactIri(iri)): string {
  return /^https?:\/\//.test(iri) ? link(iri, text, { title: iri, cls: 'external' }) : `<code>${esc(iri)}</code>`;
}

/** A link to an entity's page, showing its label. */
export function entityLink(ctx: PageContext, model: SiteModel, iri: string): string {
  const e = model.entities.get(iri);
  return e ? link(rel(ctx, e.path), e.label, { title: `${e.cls.label} · ${e.id}` }) : externalLink(iri);
}

/** One RDF term as HTML: entities and concepts by label (linked), Wikidata by Q-number, literals escaped with their language or datatype. */
export function termHtml(ctx: PageContext, model: SiteModel, term: Term, options: { maxLength?: number } = {}): string {
  if (term.termType === 'NamedNode') {
    if (model.entities.has(term.value)) return entityLink(ctx, model, term.value);
    if (term.value.startsWith(CONCEPT_NS)) return ontologyLink(ctx, term.value, model.labelOf(term.value) ?? compactIri(term.value));
    const wd = /^http:\/\/www\.wikidata\.org\/entity\/(Q\d+)$/.exec(term.value);
    if (wd) return externalLink(term.value, `Wikidata ${wd[1]}`);
    return isDocumented(term.value) ? ontologyLink(ctx, term.value) : externalLink(term.value);
  }
  if (term.termType === 'Literal') {
    const text = options.maxLength ? shorten(term.value, options.maxLength) : term.value;
    const quoted = term.language ? `<q>${esc(text)}</q>` : `<span class="literal">${esc(text)}</span>`;
    if (term.language) return `${quoted} <small class="lang">${esc(term.language)}</small>`;
    const dt = term.datatype.value;
    return dt === XSD.string || dt === RDF.langString ? quoted : `${quoted} <small class="datatype">${esc(compactIri(dt))}</small>`;
  }
  return `<code>${esc(term.value)}</code>`;
}

/** A link to a span's place on its article's page (the page of the document the span is in). */
export function spanInArticle(ctx: PageContext, model: SiteModel, span: SpanInfo): string {
  return `${rel(ctx, model.articlePathOf(span.doc))}#${spanAnchor(span.id)}`;
}

/** The short name of a span's article, as its page and files are named (`article-000`). */
export function articleName(model: SiteModel, docIri: string): string {
  return model.articlePathOf(docIri).replace(/^article\//, '').replace(/\.html$/, '');
}

/** A span's sentence, quoted, with the span's exact words highlighted and links to its place in its article and its own page. */
export function quoteHtml(ctx: PageContext, model: SiteModel, span: SpanInfo): string {
  const { before, exact, after, sentence } = model.inSentence(span);
  const where = sentence?.sentenceNumber ? `sentence ${sentence.sentenceNumber}` : span.sentenceNumber ? `sentence ${span.sentenceNumber}` : 'outside the body sentences';
  const entity = model.entities.get(span.iri);
  const doc = model.entities.get(span.doc);
  return `<figure class="quote" data-span="${esc(span.id)}">
  <blockquote>“${esc(before)}<mark>${esc(exact)}</mark>${esc(after)}”</blockquote>
  <figcaption>${link(spanInArticle(ctx, model, span), `in ${articleName(model, span.doc)}, ${where}`, doc ? { title: doc.label } : {})} · characters ${span.start}–${span.end}${entity ? ` · ${link(rel(ctx, entity.path), 'span page')}` : ''}</figcaption>
</figure>`;
}
