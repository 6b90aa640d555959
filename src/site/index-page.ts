// The overview page (what the site is, the picture of the graph, every entity by class) and the page with the picture alone.
import { ENTITY_CLASSES, TextSpan } from '../model/classes.js';
import { KG_NS } from '../model/vocab.js';
import type { ClassDecl } from '../model/schema.js';
import { NODE_KINDS, pictureEntities } from './graphviz.js';
import { esc, link, page, type PageContext } from './html.js';
import type { SiteModel } from './model.js';
import { entityLink, ontologyLink } from './terms.js';

function legend(): string {
  return `<ul class="graph-legend">${NODE_KINDS.map((k) => `<li><span class="swatch" style="background:${k.fill};border-color:${k.stroke}"></span>${esc(k.label)}</li>`).join('')}</ul>`;
}

/** The figure holding the picture of the graph: an inline SVG fitted to the page's width, or at full size scrolling inside its own box. */
export function graphFigure(svg: string, model: SiteModel, fit: boolean): string {
  const more = fit ? ` ${link('graph.html', 'Open the picture at full size')}.` : '';
  return `<figure class="graph">
${legend()}
<div class="svg-box${fit ? ' fit' : ''}">
${svg}
</div>
<figcaption>${pictureEntities(model).length} entities and the references between them, laid out by Graphviz. Dashed lines: what a claim is about. Text spans, time expressions, documents and the content of claims are left out: see each entity's page. Click a box to open its page.${more}</figcaption>
</figure>`;
}

/** The overview page: what the site is, links to the other pages, the picture of the graph and every entity grouped by class. */
export function indexPage(model: SiteModel, svg: string): string {
  const ctx: PageContext = { path: 'index.html' };
  const groups = (ENTITY_CLASSES as readonly ClassDecl[]).map((cls) => {
    const members = [...model.entities.values()].filter((e) => e.cls === cls);
    if (!members.length) return '';
    const list = `<ul class="entity-list">${members.map((e) => `<li>${entityLink(ctx, model, e.iri)}</li>`).join('')}</ul>`;
    const heading = `${ontologyLink(ctx, cls.iri, cls.label)} <small>(${members.length})</small>`;
    return cls === TextSpan
      ? `<section class="entity-group"><details><summary><h3>${heading}</h3></summary>${list}</details></section>`
      : `<section class="entity-group"><h3>${heading}</h3>${list}</section>`;
  }).join('\n');
  const articles = model.articles().map((a) => {
    const published = model.one(a.doc.iri, `${KG_NS}datePublished`)?.value;
    const spans = model.spansOf(a.doc.iri).length;
    return `<li class="card">${link(a.path, a.doc.label)}<br><small>${published ? `published ${esc(published)} · ` : ''}<code>${esc(a.path)}</code> · ${spans} annotated spans</small></li>`;
  });
  const datasets = model.datasets.map((d) => `<li>${esc(d.title)} <small>(<code>${esc(d.name)}</code>)</small></li>`).join('');
  const body = `<h1>News knowledge graph</h1>
<p class="lead">Knowledge taken from news articles: people, countries, organisations, places, the events the article reports and the claims people make, each traced to the exact words it comes from. This site is generated from the same class declarations and the same graph as the RDF export, so it cannot disagree with the data.</p>
<ul class="cards nav-cards">
<li class="card">${link('ontology.html', 'Ontology reference')}<br><small>every class and property, its alignments to standard vocabularies, SHACL constraints and an example</small></li>
<li class="card">${link('#articles', articles.length === 1 ? 'The article' : `The ${articles.length} articles`)}<br><small>one page each: the source text with every annotated span highlighted, the claims and the facts</small></li>
<li class="card">${link('graph.html', 'The picture of the graph')}<br><small>full size, on its own page</small></li>
</ul>
<p>The graph holds ${model.data.length} triples about ${model.entities.size} entities, from ${model.datasets.length === 1 ? 'one dataset' : `${model.datasets.length} datasets`}:</p>
<ul>${datasets}</ul>
<h2 id="articles">The articles</h2>
${articles.length ? `<p>One page per article: its text with every annotated span highlighted (hover for what the words support, click to open it), then its claims with their speakers and evidence status, and its facts. An entity's page lists its mentions in every article.</p>
<ul class="cards">${articles.join('\n')}</ul>` : '<p>The export holds no source document.</p>'}
<h2 id="graph">The graph</h2>
${graphFigure(svg, model, true)}
<h2 id="entities">Every entity</h2>
<p>One page each: labels, type, Wikidata link, every property, the facts it takes part in, the claims it made and those about it, each with the sentence it comes from.</p>
${groups}
`;
  return page(ctx, 'Overview', body);
}

/** The page with the picture of the graph alone, for a wide screen or zooming. */
export function graphPage(model: SiteModel, svg: string): string {
  const ctx: PageContext = { path: 'graph.html' };
  return page(ctx, 'The graph', `<h1>The graph</h1>\n${graphFigure(svg, model, false)}\n`, { bodyClass: 'graph-page' });
}
