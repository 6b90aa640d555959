// The article pages, one per source document: its text with every annotated span highlighted and linked, then the claims with speakers and evidence, and the facts.
import { KG_NS } from '../model/vocab.js';
import { claimSummary } from './entity-page.js';
import { ARTICLES_HREF, esc, link, page, rel, shorten, spanAnchor, type PageContext } from './html.js';
import { byString, type ArticleInfo, type EntityInfo, type SiteModel, type SpanInfo } from './model.js';
import { entityLink, quoteHtml } from './terms.js';

const STATED_IN = `${KG_NS}statedIn`;
const MENTIONED_AT = `${KG_NS}mentionedAt`;

/** One piece of the text between two consecutive span boundaries, with every span covering it (innermost first). */
export interface Segment {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly spans: readonly SpanInfo[];
}

/** Splits a text at every span boundary (code-point offsets); each piece lists the spans covering it, shortest first. */
export function segments(text: string, spans: readonly SpanInfo[]): Segment[] {
  const cps = [...text];
  const cuts = [...new Set([0, cps.length, ...spans.flatMap((s) => [s.start, s.end])])].filter((n) => n >= 0 && n <= cps.length).sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const start = cuts[i] ?? 0;
    const end = cuts[i + 1] ?? 0;
    const covering = spans.filter((s) => s.start <= start && s.end >= end && s.start < s.end)
      .sort((a, b) => (a.end - a.start) - (b.end - b.start) || byString(a.id, b.id));
    out.push({ start, end, text: cps.slice(start, end).join(''), spans: covering });
  }
  return out;
}

/** What a span is evidence for: the entities stated in it, then those mentioned at it. */
function supportersOf(model: SiteModel, span: SpanInfo): { stated: EntityInfo[]; mentioned: EntityInfo[] } {
  const rank = (e: EntityInfo): number => (model.isClaimLike(e) ? 0 : model.isFact(e) ? 1 : 2);
  const stated = model.citing(span.iri, STATED_IN).sort((a, b) => rank(a) - rank(b) || byString(a.id, b.id));
  return { stated, mentioned: model.citing(span.iri, MENTIONED_AT) };
}

function kindWord(model: SiteModel, e: EntityInfo): string {
  return model.isClaimLike(e) ? e.cls.label : model.isFact(e) ? `fact (${e.cls.label})` : e.cls.label;
}

/** The HTML of one document's text: plain text where no span is, `<mark>` pieces (inside a link) where spans are. */
function highlightedText(ctx: PageContext, model: SiteModel, text: string, spans: readonly SpanInfo[]): string {
  const out: string[] = [];
  const startsAt = new Map<number, SpanInfo[]>();
  for (const s of spans) startsAt.set(s.start, [...(startsAt.get(s.start) ?? []), s]);
  const anchorsAt = (n: number): string => (startsAt.get(n) ?? []).map((s) => {
    const number = s.sentenceNumber ? `<a class="sn" href="${esc(rel(ctx, model.entities.get(s.iri)?.path ?? ''))}" data-n="${s.sentenceNumber}" aria-label="sentence ${s.sentenceNumber}" title="sentence ${s.sentenceNumber}"></a>` : '';
    return `<span class="anchor" id="${esc(spanAnchor(s.id))}"></span>${number}`;
  }).join('');
  const empty = (n: number): string => spans.filter((s) => s.start === n && s.end === n)
    .map((s) => `<mark class="empty" data-spans="${esc(s.id)}" data-start="${n}" data-end="${n}" title="${esc(`empty span ${s.id}`)}"></mark>`).join('');

  for (const seg of segments(text, spans)) {
    out.push(anchorsAt(seg.start), empty(seg.start));
    if (!seg.spans.length) { out.push(esc(seg.text)); continue; }
    const inner = seg.spans.filter((s) => !s.sentenceNumber);
    const sentence = seg.spans.find((s) => s.sentenceNumber);
    const lines: string[] = [];
    let target: EntityInfo | undefined;
    let kind = inner.length ? 'mention' : 'sentence';
    let kindFixed = false;
    for (const s of inner.length ? inner : seg.spans) {
      const { stated, mentioned } = supportersOf(model, s);
      for (const e of stated) lines.push(`${kindWord(model, e)}: ${e.label}`);
      for (const e of mentioned) lines.push(`mentions ${e.label}`);
      target ??= stated[0] ?? mentioned[0];
      // The colour is that of the innermost span that states or mentions something.
      if (!kindFixed && inner.length && (stated.length || mentioned.length)) {
        kind = stated.some((e) => model.isClaimLike(e)) ? 'claim' : stated.length ? 'fact' : 'mention';
        kindFixed = true;
      }
    }
    if (sentence) lines.push(`sentence ${sentence.sentenceNumber}`);
    target ??= model.entities.get((seg.spans[0] as SpanInfo).iri);
    const depth = Math.min(inner.length, 3);
    const title = [...new Set(lines)].join('\n');
    out.push(`<a class="seg" href="${esc(rel(ctx, target?.path ?? ''))}" title="${esc(title)}"><mark class="${kind} d${depth}" data-spans="${esc(seg.spans.map((s) => s.id).join(' '))}" data-start="${seg.start}" data-end="${seg.end}">${esc(seg.text)}</mark></a>`);
  }
  const last = [...text].length;
  out.push(anchorsAt(last), empty(last));
  return out.join('');
}

function documentSection(ctx: PageContext, model: SiteModel, doc: EntityInfo): string {
  const text = model.one(doc.iri, `${KG_NS}text`)?.value ?? '';
  const spans = model.spansOf(doc.iri);
  const published = model.one(doc.iri, `${KG_NS}datePublished`);
  const sourceFile = model.one(doc.iri, `${KG_NS}sourceFile`);
  const here = (iri: string): SpanInfo[] => model.statedIn(iri).filter((s) => s.doc === doc.iri);
  const inDoc = (e: EntityInfo): boolean => here(e.iri).length > 0;
  const position = (e: EntityInfo): number => here(e.iri)[0]?.start ?? Number.MAX_SAFE_INTEGER;
  const order = (a: EntityInfo, b: EntityInfo): number => position(a) - position(b) || byString(a.id, b.id);
  const entities = [...model.entities.values()];
  const claims = entities.filter((e) => e.cls.name === 'Claim' && inDoc(e)).sort(order);
  const facts = entities.filter((e) => model.isFact(e) && inDoc(e)).sort(order);
  const claimItems = claims.map((c) => {
    const verbatim = model.values(c.iri, `${KG_NS}verbatim`).map((v) => `<q>${esc(v.value)}</q>`);
    return `<li class="card claim" id="${esc(spanAnchor(c.id))}">
<p class="card-title">${entityLink(ctx, model, c.iri)}</p>
<p class="meta">${claimSummary(ctx, model, c.iri)}</p>
${verbatim.length ? `<p class="verbatim">Quoted words: ${verbatim.join(' ')}</p>` : ''}
${here(c.iri).map((s) => quoteHtml(ctx, model, s)).join('\n')}
</li>`;
  });
  const factItems = facts.map((f) => {
    const where = here(f.iri).map((s) => link(`#${spanAnchor(s.id)}`, `“${shorten(s.exact, 70)}”`));
    return `<li>${entityLink(ctx, model, f.iri)} <small>${esc(f.cls.label)}</small><br><small>${where.join(' · ')}</small></li>`;
  });
  const counts = `${spans.length} annotated spans (${spans.filter((s) => s.sentenceNumber).length} of them whole sentences), ${claims.length} claims, ${facts.length} facts`;
  const date = published ? esc(published.value) : '';
  return `<section class="document" id="${esc(spanAnchor(doc.id))}">
<h1>${esc(doc.label)}</h1>
<p class="meta">${date ? `published ${date} · ` : ''}${sourceFile ? `<code>${esc(sourceFile.value)}</code> · ` : ''}${entityLink(ctx, model, doc.iri)} · ${esc(counts)}</p>
<div class="legend" aria-label="Legend">
<span><mark class="claim d1">claim</mark> words a claim is stated in</span>
<span><mark class="fact d1">fact</mark> words a fact (or other statement) is stated in</span>
<span><mark class="mention d1">mention</mark> words that mention an entity</span>
<span><mark class="sentence d0">sentence</mark> a body sentence (numbered)</span>
<span>Darker: several spans overlap. Hover for what the words support; click to open it.</span>
</div>
<div class="article-text">${highlightedText(ctx, model, text, spans)}</div>
<h2 id="${esc(spanAnchor(doc.id))}-claims">Claims (${claims.length})</h2>
<p>What people said, as the article reports it: never asserted by the graph as fact. Evidence status is given only where the article says so.</p>
<ol class="cards">
${claimItems.join('\n')}
</ol>
<h2 id="${esc(spanAnchor(doc.id))}-facts">Facts (${facts.length})</h2>
<p>Events the article reports as fact, in reading order.</p>
<ol class="facts-list">
${factItems.join('\n')}
</ol>
</section>`;
}

/** The page of one article: its document's highlighted text, claims and facts, and links to the other articles. */
export function articlePage(model: SiteModel, article: ArticleInfo): string {
  const ctx: PageContext = { path: article.path };
  const others = model.articles().filter((a) => a.path !== article.path);
  const more = others.length
    ? `<p class="meta">Other articles: ${others.map((a) => link(rel(ctx, a.path), a.doc.label)).join(' · ')} · ${link(rel(ctx, ARTICLES_HREF), 'all articles')}</p>`
    : '';
  return page(ctx, article.doc.label, `${documentSection(ctx, model, article.doc)}\n${more}`, { bodyClass: 'article-page' });
}
