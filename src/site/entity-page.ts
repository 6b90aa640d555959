// One page per entity: labels, type, Wikidata link, every property value, the facts it takes part in and the claims by and about it, each with its sentence.
import type { Quad, Term } from '@rdfjs/types';
import { Claim, Proposition, SourceDocument, TextSpan } from '../model/classes.js';
import { propertiesOf, type PropDecl } from '../model/schema.js';
import { KG_NS, RDF, RDFS, SKOS } from '../model/vocab.js';
import { compactIri, esc, link, page, rel, shorten, type PageContext } from './html.js';
import { byString, type EntityInfo, type SiteModel, type SpanInfo } from './model.js';
import { articleName, entityLink, externalLink, ontologyLink, quoteHtml, spanInArticle, termHtml } from './terms.js';

const STATED_IN = `${KG_NS}statedIn`;
const MENTIONED_AT = `${KG_NS}mentionedAt`;
const WITHIN_SENTENCE = `${KG_NS}withinSentence`;
const CLAIMANT = `${KG_NS}claimant`;
const CLAIM_LINKS = [`${KG_NS}about`, `${KG_NS}echoes`, `${KG_NS}disputes`];

/** The label of the property through which `subject` refers to something with `predicate`. */
function propertyLabel(subject: EntityInfo | undefined, predicate: string): string {
  const p = subject && propertiesOf(subject.cls).find((x) => x.prop.iri === predicate);
  return p?.prop.label ?? compactIri(predicate);
}

/** What a claim's evidence status is, in words: offered, not offered, or not said. */
export function evidenceStatus(model: SiteModel, claimIri: string): { text: string; cls: string } {
  const v = model.one(claimIri, `${KG_NS}evidenceOffered`)?.value;
  if (v === 'true') return { text: 'evidence offered', cls: 'ev-yes' };
  if (v === 'false') return { text: 'no evidence offered', cls: 'ev-no' };
  return { text: 'evidence: the article does not say', cls: 'ev-unknown' };
}

/** A one-line summary of a claim: who made it (or that the article does not say), what kind, the article's verb and the evidence status. */
export function claimSummary(ctx: PageContext, model: SiteModel, claimIri: string): string {
  const claimant = model.one(claimIri, CLAIMANT);
  const kind = model.one(claimIri, `${KG_NS}claimKind`);
  const verb = model.one(claimIri, `${KG_NS}reportingVerb`);
  const ev = evidenceStatus(model, claimIri);
  const who = claimant ? `by ${entityLink(ctx, model, claimant.value)}` : '<span class="muted">speaker not said</span>';
  const parts = [who, kind ? termHtml(ctx, model, kind) : '', verb ? `“${esc(verb.value)}”` : '', `<span class="evidence ${ev.cls}">${esc(ev.text)}</span>`];
  return parts.filter(Boolean).join(' · ');
}

/** The content of a proposition in words: subject, relation, object (or object text), negation and time. */
export function propositionHtml(ctx: PageContext, model: SiteModel, iri: string): string {
  const s = model.one(iri, RDF.subject);
  const p = model.one(iri, RDF.predicate);
  const o = model.one(iri, RDF.object);
  const text = model.one(iri, `${KG_NS}objectText`);
  const negated = model.one(iri, `${KG_NS}negated`)?.value === 'true';
  const time = model.one(iri, `${KG_NS}time`);
  const object = o ? termHtml(ctx, model, o) : text ? `<q>${esc(text.value)}</q>` : '';
  return `${s ? termHtml(ctx, model, s) : '?'} <span class="relation">${negated ? 'does not ' : ''}${p ? termHtml(ctx, model, p) : '?'}</span> ${object}${time ? ` <small>(${termHtml(ctx, model, time)})</small>` : ''}`;
}

function quotes(ctx: PageContext, model: SiteModel, spans: readonly SpanInfo[]): string {
  return spans.map((s) => quoteHtml(ctx, model, s)).join('\n');
}

/**
 * Quotes of spans grouped by article: one group per article (by document id) headed by a link to its page, its
 * date and how many passages; each quote is a sentence of that article's own text.
 */
function byArticle(ctx: PageContext, model: SiteModel, id: string, spans: readonly SpanInfo[]): string {
  return model.byDocument(spans).map(({ doc, spans: mine }) => {
    const published = model.one(doc.iri, `${KG_NS}datePublished`)?.value;
    const count = `${mine.length} passage${mine.length === 1 ? '' : 's'}`;
    return `<section class="by-article" id="${esc(`${id}-${articleName(model, doc.iri)}`)}" data-doc="${esc(doc.id)}">
<h3>${link(rel(ctx, model.articlePathOf(doc.iri)), doc.label)} <small>${published ? `${esc(published)} · ` : ''}${esc(count)}</small></h3>
${quotes(ctx, model, mine)}
</section>`;
  }).join('\n');
}

/** The values of one property as HTML (a list when there are several). */
function valuesHtml(ctx: PageContext, model: SiteModel, entity: EntityInfo, key: string, prop: PropDecl, values: readonly Term[]): string {
  if (prop.kind === 'embedded') {
    return values.map((v) => {
      const rows = model.about(v.value).filter((q) => q.predicate.value !== RDF.type)
        .map((q) => `<dt>${ontologyLink(ctx, q.predicate.value)}</dt><dd>${termHtml(ctx, model, q.object)}</dd>`);
      return `<dl class="nested"><dt>node</dt><dd><code class="iri">${esc(v.value)}</code> (${ontologyLink(ctx, prop.cls.iri)})</dd>${rows.join('')}</dl>`;
    }).join('');
  }
  if (entity.cls === SourceDocument && key === 'text') {
    const text = values[0]?.value ?? '';
    return `<details><summary>the full text (${[...text].length} characters; highlighted on the ${link(rel(ctx, model.articlePathOf(entity.iri)), 'article page')})</summary><div class="fulltext">${esc(text)}</div></details>`;
  }
  const items = values.map((v) => {
    const span = model.spans.get(v.value);
    if (span && (prop.iri === STATED_IN || prop.iri === MENTIONED_AT || prop.iri === WITHIN_SENTENCE)) {
      const e = model.entities.get(v.value);
      return `${link(rel(ctx, e?.path ?? ''), `“${shorten(span.exact, 90)}”`, { title: span.id })} <small>${link(spanInArticle(ctx, model, span), `in ${articleName(model, span.doc)}`)}</small>`;
    }
    if (prop.kind === 'ref' && model.entities.get(v.value)?.cls === Proposition) return `${termHtml(ctx, model, v)}: ${propositionHtml(ctx, model, v.value)}`;
    return termHtml(ctx, model, v);
  });
  return items.length === 1 ? items[0] ?? '' : `<ul class="values">${items.map((i) => `<li>${i}</li>`).join('')}</ul>`;
}

/** The table of every property value of an entity, in declaration order (inherited properties first). */
function propertyTable(ctx: PageContext, model: SiteModel, entity: EntityInfo): string {
  const quads = model.about(entity.iri);
  const used = new Set<Quad>(quads.filter((q) => q.predicate.value === RDF.type));
  const rows: string[] = [];
  for (const { key, prop } of propertiesOf(entity.cls)) {
    const mine = quads.filter((q) => q.predicate.value === prop.iri && (prop.kind !== 'embedded' || q.object.value === `${entity.iri}#${prop.fragment}`));
    if (!mine.length) continue;
    for (const q of mine) used.add(q);
    rows.push(`<tr><th scope="row">${ontologyLink(ctx, prop.iri, prop.label)}</th><td>${valuesHtml(ctx, model, entity, key, prop, mine.map((q) => q.object))}</td></tr>`);
  }
  for (const q of quads) {
    if (!used.has(q)) rows.push(`<tr><th scope="row">${externalLink(q.predicate.value)}</th><td>${termHtml(ctx, model, q.object)}</td></tr>`);
  }
  return `<table class="props"><tbody>
${rows.join('\n')}
</tbody></table>`;
}

function section(id: string, title: string, html: string): string {
  return html ? `<section id="${esc(id)}">\n<h2>${esc(title)}</h2>\n${html}\n</section>` : '';
}

function claimItem(ctx: PageContext, model: SiteModel, claim: EntityInfo, note = ''): string {
  return `<li class="card claim">
<p class="card-title">${entityLink(ctx, model, claim.iri)}${note ? ` <small>${note}</small>` : ''}</p>
<p class="meta">${claimSummary(ctx, model, claim.iri)}</p>
${quotes(ctx, model, model.statedIn(claim.iri))}
</li>`;
}

/** The entity page of one entity of the export. */
export function entityPage(model: SiteModel, entity: EntityInfo): string {
  const ctx: PageContext = { path: entity.path };
  const iri = entity.iri;
  const incoming = model.referencesTo(iri).filter((q) => model.entities.has(q.subject.value) && q.subject.value !== iri);
  const subjectOf = (q: Quad): EntityInfo | undefined => model.entities.get(q.subject.value);
  const shown = new Set<Quad>();
  const readingOrder = (a: EntityInfo, b: EntityInfo): number => model.compareReading(a, b);

  // Facts it takes part in: every event that refers to it, with the roles.
  const facts = new Map<EntityInfo, string[]>();
  for (const q of incoming) {
    const s = subjectOf(q);
    if (!s || !model.isFact(s)) continue;
    shown.add(q);
    facts.set(s, [...(facts.get(s) ?? []), propertyLabel(s, q.predicate.value)]);
  }
  const factItems = [...facts].sort((a, b) => readingOrder(a[0], b[0])).map(([event, roles]) => `<li class="card fact">
<p class="card-title">${entityLink(ctx, model, event.iri)} <small>as ${esc([...new Set(roles)].join(', '))}</small></p>
${quotes(ctx, model, model.statedIn(event.iri))}
</li>`);

  // Claims it made, and claims about it (directly, or through their content).
  const made: EntityInfo[] = [];
  const aboutIt = new Map<EntityInfo, string[]>();
  for (const q of incoming) {
    const s = subjectOf(q);
    if (!s) continue;
    if (s.cls === Claim && q.predicate.value === CLAIMANT) { made.push(s); shown.add(q); }
    if (s.cls === Claim && CLAIM_LINKS.includes(q.predicate.value)) {
      shown.add(q);
      aboutIt.set(s, [...(aboutIt.get(s) ?? []), propertyLabel(s, q.predicate.value)]);
    }
    if (s.cls === Proposition && (q.predicate.value === RDF.subject || q.predicate.value === RDF.object)) {
      for (const c of model.referencesTo(s.iri)) {
        const claim = subjectOf(c);
        if (claim?.cls === Claim && c.predicate.value === `${KG_NS}content`) aboutIt.set(claim, [...(aboutIt.get(claim) ?? []), `content (${s.label})`]);
      }
    }
  }
  const madeItems = [...new Set(made)].sort(readingOrder).map((c) => claimItem(ctx, model, c));
  const aboutItems = [...aboutIt].sort((a, b) => readingOrder(a[0], b[0])).map(([c, how]) => claimItem(ctx, model, c, `through ${esc([...new Set(how)].join('; '))}`));

  // What a span supports and mentions, and the spans inside a sentence.
  let spanHtml = '';
  const span = model.spans.get(iri);
  if (span) {
    for (const q of incoming) if ([STATED_IN, MENTIONED_AT, WITHIN_SENTENCE].includes(q.predicate.value)) shown.add(q);
    const supports = model.citing(iri, STATED_IN).map((e) => `<li>${entityLink(ctx, model, e.iri)} <small>${esc(e.cls.label)}</small></li>`);
    const mentions = model.citing(iri, MENTIONED_AT).map((e) => `<li>${entityLink(ctx, model, e.iri)} <small>${esc(e.cls.label)}</small></li>`);
    const inside = model.citing(iri, WITHIN_SENTENCE).map((e) => model.spans.get(e.iri)).filter((s): s is SpanInfo => !!s)
      .sort((a, b) => a.start - b.start || b.end - a.end || byString(a.id, b.id))
      .map((s) => `<li>${entityLink(ctx, model, s.iri)} <small>characters ${s.start}–${s.end}</small></li>`);
    spanHtml = [
      section('span-text', 'The words', quoteHtml(ctx, model, span)),
      section('supports', 'Stating', supports.length ? `<ul class="plain">${supports.join('')}</ul>` : ''),
      section('mentions', 'Mentioning', mentions.length ? `<ul class="plain">${mentions.join('')}</ul>` : ''),
      section('inside', 'Spans within this sentence', inside.length ? `<ul class="plain">${inside.join('')}</ul>` : ''),
    ].join('\n');
  }

  // Every other reference to it, by property.
  const others = new Map<string, string[]>();
  for (const q of incoming) {
    if (shown.has(q)) continue;
    const s = subjectOf(q);
    const key = propertyLabel(s, q.predicate.value);
    others.set(key, [...(others.get(key) ?? []), entityLink(ctx, model, q.subject.value)]);
  }
  const otherItems = [...others].sort((a, b) => byString(a[0], b[0])).map(([label, links]) => `<li><strong>${esc(label)}</strong> of ${[...new Set(links)].join(', ')}</li>`);

  const labels = model.values(iri, RDFS.label).map((t) => termHtml(ctx, model, t));
  const alt = model.values(iri, SKOS.altLabel).map((t) => termHtml(ctx, model, t));
  const wikidata = model.one(iri, `${KG_NS}wikidata`);
  let summary = '';
  if (entity.cls === Claim) {
    const content = model.values(iri, `${KG_NS}content`).map((t) => `<li>${propositionHtml(ctx, model, t.value)}</li>`);
    summary = `<p class="meta">${claimSummary(ctx, model, iri)}</p>${content.length ? `<p>Claimed content (reified, never asserted by the graph):</p><ul class="plain">${content.join('')}</ul>` : ''}`;
  } else if (entity.cls === Proposition) {
    summary = `<p class="meta">Content of a claim (never asserted by the graph): ${propositionHtml(ctx, model, iri)}</p>`;
  } else if (entity.cls === SourceDocument) {
    summary = `<p>${link(rel(ctx, model.articlePathOf(iri)), 'Read the article with every annotated span highlighted')}.</p>`;
  }

  const body = `<p class="kicker">${ontologyLink(ctx, entity.cls.iri, entity.cls.label)} · <code>${esc(entity.id)}</code></p>
<h1>${esc(entity.label)}</h1>
<p class="iri"><code>${esc(iri)}</code></p>
${labels.length > 1 ? `<p>Labels: ${labels.join(', ')}</p>` : ''}
${alt.length ? `<p>Also called: ${alt.join(', ')}</p>` : ''}
${wikidata ? `<p>Identified with ${termHtml(ctx, model, wikidata)}${model.one(iri, `${KG_NS}identifiedOutsideText`)?.value === 'true' ? ' <small>(from knowledge outside the text)</small>' : ''}.</p>` : ''}
${summary}
${spanHtml}
${section('stated-in', 'Stated in', entity.cls === TextSpan ? '' : byArticle(ctx, model, 'stated-in', model.statedIn(iri)))}
${section('facts', 'Facts it takes part in', factItems.length ? `<ul class="cards">${factItems.join('\n')}</ul>` : '')}
${section('claims-made', 'Claims it made', madeItems.length ? `<ul class="cards">${madeItems.join('\n')}</ul>` : '')}
${section('claims-about', 'Claims about it', aboutItems.length ? `<ul class="cards">${aboutItems.join('\n')}</ul>` : '')}
${section('mentioned', 'Mentioned in', byArticle(ctx, model, 'mentioned', model.mentionedAt(iri)))}
${section('referenced-by', 'Referred to by', otherItems.length ? `<ul class="plain">${otherItems.join('')}</ul>` : '')}
${section('properties', 'All properties', propertyTable(ctx, model, entity))}
`;
  return page(ctx, entity.label, body);
}
