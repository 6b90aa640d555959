// The documentation site (kg docs), checked without a browser, for the built-in datasets and with a second article: a page per entity and per article, links and anchors that resolve, every span highlighted against its own article's text, mentions grouped by article, the graph picture linked, same bytes twice, text escaped.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { Parser } from 'n3';
import type { Quad } from '@rdfjs/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assemble } from '../src/authoring/assemble.js';
import { article, type ArticleDataset } from '../src/authoring/kit.js';
import { CLASSES, Proposition, SourceDocument, TextSpan, TimeExpression } from '../src/model/classes.js';
import * as E from '../src/data/entities/index.js';
import { SHARED_ENTITIES } from '../src/data/entities/index.js';
import { ARTICLES, DATASETS } from '../src/data/index.js';
import { en, type Dataset } from '../src/mapping/dataset.js';
import { writeDocs } from '../src/site/docs.js';
import { esc } from '../src/site/html.js';
import { datasetFile } from '../src/commands/export.js';
import { idFromIri } from '../src/mapping/iri.js';
import { ownProperties } from '../src/generate/ontology.js';
import { propertiesOf, type ClassDecl } from '../src/model/schema.js';
import { shapeProperties } from '../src/generate/shapes.js';
import { sliceCodePoints } from '../src/mapping/text.js';
import { DEFAULT_BASE, KG_NS, OA, RDF } from '../src/model/vocab.js';
import { kitchenSink } from './fixtures/kitchen-sink.js';

const BASE = DEFAULT_BASE;
const dirs: string[] = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kg-docs-'));
  dirs.push(dir);
  return dir;
}

/** Every file under a folder, as POSIX paths relative to it, sorted. */
function listFiles(root: string, dir = root): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(root, path) : [posix.join(...path.slice(root.length + 1).split(/[\\/]/))];
  }).sort();
}

/** Decodes the character references the site uses. */
function decode(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|#39|#(\d+)|#x([0-9a-f]+));/gi, (m, name: string, dec?: string, hex?: string) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" } as Record<string, string>)[name.toLowerCase()] ?? m;
  });
}

/** The (decoded) values of one attribute in every start tag of a document. */
function attributeValues(html: string, name: string): string[] {
  const out: string[] = [];
  const re = new RegExp(`\\s${name.replace(':', '\\:')}="([^"]*)"`, 'g');
  for (const tag of html.match(/<[A-Za-z][^>]*>/g) ?? []) for (const m of tag.matchAll(re)) out.push(decode(m[1] ?? ''));
  return out;
}

/** Consumes a document as comments, doctype, well-formed tags (double-quoted attributes without raw quotes or angle brackets) and text without angle brackets; returns where that fails. */
function malformedAt(html: string): number | undefined {
  const token = /<!--[\s\S]*?-->|<!DOCTYPE html>|<\/?[A-Za-z][\w:-]*(?:\s+[A-Za-z_:][\w:.-]*(?:="[^"<>]*")?)*\s*\/?>|[^<>]+/y;
  token.lastIndex = 0;
  while (token.lastIndex < html.length) {
    const at = token.lastIndex;
    if (!token.exec(html) || token.lastIndex === at) return at;
  }
  const bareAmpersand = /&(?!(?:amp|lt|gt|quot|#\d+|#x[0-9a-f]+);)/i.exec(html);
  return bareAmpersand?.index;
}

/** Every internal link (href, src, xlink:href) of every page of a site that does not find its file or anchor, or is not relative; and how many were checked. */
function brokenLinks(dir: string): { broken: string[]; checked: number } {
  const files = listFiles(dir);
  const read = (p: string): string => readFileSync(join(dir, ...p.split('/')), 'utf8');
  const idsOf = new Map(files.filter((f) => f.endsWith('.html')).map((f) => [f, new Set(attributeValues(read(f), 'id'))]));
  const broken: string[] = [];
  let checked = 0;
  for (const [page] of idsOf) {
    const html = read(page);
    for (const href of [...attributeValues(html, 'href'), ...attributeValues(html, 'src'), ...attributeValues(html, 'xlink:href')]) {
      if (/^https?:\/\//.test(href)) continue;
      checked++;
      if (/^(\/|[a-z]+:)/i.test(href)) { broken.push(`${page}: not relative: ${href}`); continue; }
      const [path = '', fragment] = href.split('#');
      const target = path ? posix.normalize(posix.join(posix.dirname(page), path)) : page;
      if (!files.includes(target)) broken.push(`${page}: missing file: ${href}`);
      else if (fragment && !idsOf.get(target)?.has(decodeURIComponent(fragment))) broken.push(`${page}: missing anchor: ${href}`);
    }
  }
  return { broken, checked };
}

/** The quads of datasets as the exporter writes them (Turtle, parsed back), one per triple: the graph the site must show. */
async function exportQuads(datasets: readonly Dataset[]): Promise<Quad[]> {
  const out = new Map<string, Quad>();
  for (const d of datasets) {
    const chunks: string[] = [];
    await datasetFile('', d, { base: BASE }, 'turtle').write((c) => chunks.push(c));
    for (const q of new Parser({ format: 'text/turtle' }).parse(chunks.join('')) as Quad[]) {
      const o = q.object;
      out.set(`${q.subject.value} ${q.predicate.value} ${o.termType === 'Literal' ? JSON.stringify([o.value, o.language, o.datatype.value]) : `<${o.value}>`}`, q);
    }
  }
  return [...out.values()];
}

/** The entities of a graph: subjects typed with a class of ours, by IRI, with their class IRI (the first type: the export writes an entity's own class before its superclasses). */
function entitiesOf(quads: readonly Quad[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const q of quads) if (q.predicate.value === RDF.type && q.object.value.startsWith(KG_NS) && !out.has(q.subject.value)) out.set(q.subject.value, q.object.value);
  return out;
}

interface Span { id: string; iri: string; doc: string; start: number; end: number; exact: string }

/** The text spans of a graph with their document, offsets and exact words. */
function spansOf(quads: readonly Quad[]): Span[] {
  const get = (s: string, p: string): string | undefined => quads.find((q) => q.subject.value === s && q.predicate.value === p)?.object.value;
  return [...entitiesOf(quads)].filter(([, c]) => c === TextSpan.iri).map(([iri]) => ({
    id: idFromIri(BASE, iri) ?? iri,
    iri,
    doc: get(iri, OA.hasSource) ?? '',
    start: Number(get(`${iri}#position`, OA.start)),
    end: Number(get(`${iri}#position`, OA.end)),
    exact: get(`${iri}#quote`, OA.exact) ?? '',
  }));
}

/** The page of the article whose text a document is (`doc/article-000` has `article/article-000.html`). */
function articlePage(docIri: string): string {
  return `article/${(idFromIri(BASE, docIri) ?? '').split('/').slice(1).join('/')}.html`;
}

/** Every internal link of a page, resolved against the page's folder, without its fragment. */
function linkTargets(page: string, html: string): Set<string> {
  return new Set(attributeValues(html, 'href').filter((h) => !/^[a-z]+:/i.test(h)).map((h) => posix.normalize(posix.join(posix.dirname(page), h.split('#')[0] ?? ''))));
}

/** A second article written with the authoring kit, sharing Sergey Lavrov, Mali and Russia with the built-in ones. */
function docsTestArticle(): ArticleDataset {
  const a = article({
    name: 'docs-test', source: 'tests/fixtures/docs-test.txt', date: '2025-05-01', module: import.meta.url,
    title: 'Docs test: Lavrov and Mali (article of 2025-05-01)',
    text: 'Sergey Lavrov met the foreign minister of Mali in Moscow on Monday. Lavrov said Russia would keep its military instructors in Mali. Officials welcomed the promise & asked for <more> "help".',
  });
  a.mention(E.sergeyLavrov, a.quote('Sergey Lavrov'), a.quote('Lavrov', 2));
  a.mention(E.mali, a.quote('Mali', 1), a.quote('Mali', 2));
  a.mention(E.russia, a.quote('Russia'));
  a.claim({
    label: 'Lavrov: Russia will keep its military instructors in Mali', slug: 'lavrov-keeps-instructors',
    claimant: E.sergeyLavrov, claimKind: 'statement', reportingVerb: 'said', about: [E.mali], statedIn: [a.sentence(2)],
  });
  return a.dataset();
}

/** The sites every test of the next block runs on: the built-in datasets, and those plus a second article. */
const SITES: ReadonlyArray<readonly [string, () => readonly Dataset[]]> = [
  ['the built-in datasets', () => DATASETS],
  ['the built-in datasets and a second article made with the kit', () => assemble(SHARED_ENTITIES, [...ARTICLES, docsTestArticle()]).all],
];

describe.each(SITES)('kg docs: the site of %s', (_name, datasetsOf) => {
  let dir = '';
  let files: string[] = [];
  let quads: Quad[] = [];
  let entities = new Map<string, string>();
  let spans: Span[] = [];
  let docs: string[] = [];
  const read = (p: string): string => readFileSync(join(dir, ...p.split('/')), 'utf8');
  /** The text of a document, from the graph. */
  const textOf = (doc: string): string => quads.find((q) => q.subject.value === doc && q.predicate.value === `${KG_NS}text`)?.object.value ?? '';

  beforeAll(async () => {
    const datasets = datasetsOf();
    quads = await exportQuads(datasets);
    entities = entitiesOf(quads);
    spans = spansOf(quads);
    docs = [...entities].filter(([, c]) => c === SourceDocument.iri).map(([iri]) => iri).sort();
    dir = tempDir();
    const written = await writeDocs(dir, { base: BASE, datasets });
    files = listFiles(dir);
    expect(written.map((p) => posix.join(...p.slice(dir.length + 1).split(/[\\/]/))).sort()).toEqual(files);
  });

  it('has the overview, ontology and graph pages, the stylesheet, and one page per article, each listed on the overview', () => {
    for (const f of ['index.html', 'ontology.html', 'graph.html', 'style.css']) expect(files).toContain(f);
    expect(docs.length).toBe(datasetsOf().length - 1);
    expect(files.filter((f) => f.startsWith('article/'))).toEqual(docs.map(articlePage).sort());
    expect(files).not.toContain('article.html');
    const index = read('index.html');
    const linked = linkTargets('index.html', index);
    for (const doc of docs) expect(linked.has(articlePage(doc)), articlePage(doc)).toBe(true);
    const section = /<h2 id="articles">[\s\S]*?<h2 /.exec(index)?.[0] ?? '';
    expect((section.match(/<li class="card">/g) ?? []).length).toBe(docs.length);
  });

  it('has one page per entity of the export, and no other entity page', () => {
    expect(entities.size).toBeGreaterThan(100);
    const expected = [...entities.keys()].map((iri) => `entity/${idFromIri(BASE, iri)}.html`).sort();
    expect(files.filter((f) => f.startsWith('entity/'))).toEqual(expected);
    for (const [iri] of entities) expect(read(`entity/${idFromIri(BASE, iri)}.html`)).toContain(`<code>${esc(iri)}</code>`);
    // Ids of three segments (what an article owns) are pages three folders down.
    expect(expected.some((f) => f.split('/').length === 4)).toBe(true);
  });

  it('links only to files and anchors that exist, always by relative paths', () => {
    const { broken, checked } = brokenLinks(dir);
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(5000);
  });

  it('is well-formed and escaped everywhere (no raw quote breaks an attribute, no bare ampersand)', () => {
    for (const f of files.filter((x) => x.endsWith('.html'))) expect(malformedAt(read(f)), f).toBeUndefined();
  });

  it('marks every span on its own article\'s page, exactly over its offsets and the words of that article\'s text', () => {
    expect(spans.length).toBeGreaterThan(100);
    for (const doc of docs) {
      const page = articlePage(doc);
      const html = read(page);
      const marks = [...html.matchAll(/<mark class="([^"]*)" data-spans="([^"]*)" data-start="(\d+)" data-end="(\d+)">([^<]*)<\/mark>/g)]
        .map((m) => ({ cls: m[1] ?? '', spans: (m[2] ?? '').split(' '), start: Number(m[3]), end: Number(m[4]), text: decode(m[5] ?? '') }));
      const text = textOf(doc);
      expect(text.length, doc).toBeGreaterThan(100);
      for (const m of marks) expect(m.text, `${page} ${m.start}`).toBe(sliceCodePoints(text, m.start, m.end));
      const mine = spans.filter((s) => s.doc === doc);
      expect(mine.length, doc).toBeGreaterThan(0);
      const ids = new Set(attributeValues(html, 'id'));
      for (const span of mine) {
        const pieces = marks.filter((m) => m.spans.includes(span.id)).sort((a, b) => a.start - b.start);
        expect(pieces.length, `no mark for ${span.id} on ${page}`).toBeGreaterThan(0);
        expect(pieces[0]?.start, span.id).toBe(span.start);
        expect(pieces.at(-1)?.end, span.id).toBe(span.end);
        pieces.forEach((m, i) => { if (i > 0) expect(m.start, `${span.id} has a gap`).toBe(pieces[i - 1]?.end); });
        expect(pieces.map((m) => m.text).join(''), span.id).toBe(span.exact);
        expect(ids.has(span.id.replace(/\//g, '-')), `anchor of ${span.id}`).toBe(true);
      }
      // A segment lists every span of this document that covers it, and only those: no span of another article.
      for (const m of marks) {
        const covering = mine.filter((s) => s.start <= m.start && s.end >= m.end).map((s) => s.id).sort();
        expect([...m.spans].sort()).toEqual(covering);
      }
    }
  });

  it('lists each article\'s claims with speaker and evidence status on its own page', () => {
    const claims = [...entities].filter(([, c]) => c === `${KG_NS}Claim`).map(([iri]) => iri);
    const docOfClaim = (iri: string): string | undefined => {
      const span = quads.find((q) => q.subject.value === iri && q.predicate.value === `${KG_NS}statedIn`)?.object.value;
      return spans.find((s) => s.iri === span)?.doc;
    };
    let listed = 0;
    for (const doc of docs) {
      const html = read(articlePage(doc));
      const mine = claims.filter((iri) => docOfClaim(iri) === doc);
      for (const iri of mine) expect(html).toContain(`href="../entity/${idFromIri(BASE, iri)}.html"`);
      const evidence = quads.filter((q) => q.predicate.value === `${KG_NS}evidenceOffered` && mine.includes(q.subject.value));
      expect((html.match(/class="evidence ev-no"/g) ?? []).length).toBe(evidence.filter((q) => q.object.value === 'false').length);
      expect((html.match(/class="evidence ev-yes"/g) ?? []).length).toBe(evidence.filter((q) => q.object.value === 'true').length);
      expect((html.match(/class="evidence ev-unknown"/g) ?? []).length).toBe(mine.length - evidence.length);
      listed += mine.length;
    }
    expect(listed).toBe(claims.length);
    expect(listed).toBeGreaterThan(0);
  });

  it('shows each claim with the sentence it comes from, on its own page and on its speaker\'s page', () => {
    const byIri = new Map(spans.map((s) => [s.iri, s]));
    const claims = [...entities].filter(([, c]) => c === `${KG_NS}Claim`);
    for (const [iri] of claims) {
      const path = `entity/${idFromIri(BASE, iri)}.html`;
      const page = read(path);
      for (const q of quads.filter((x) => x.subject.value === iri && x.predicate.value === `${KG_NS}statedIn`)) {
        const span = byIri.get(q.object.value);
        expect(page).toContain(`<mark>${esc(span?.exact ?? '?')}</mark>`);
        expect(linkTargets(path, page).has(articlePage(span?.doc ?? '')), `${path} links to its article`).toBe(true);
      }
      const claimant = quads.find((x) => x.subject.value === iri && x.predicate.value === `${KG_NS}claimant`);
      if (claimant) {
        const speaker = `entity/${idFromIri(BASE, claimant.object.value)}.html`;
        expect(linkTargets(speaker, read(speaker)).has(path), `${speaker} links to ${path}`).toBe(true);
      }
    }
  });

  it('lists on each entity\'s page its mentions from every article, grouped by article, each quote a sentence of that article\'s own text', () => {
    const mentioned = new Map<string, Span[]>();
    const byIri = new Map(spans.map((s) => [s.iri, s]));
    for (const q of quads) {
      if (q.predicate.value !== `${KG_NS}mentionedAt`) continue;
      const span = byIri.get(q.object.value);
      if (span) mentioned.set(q.subject.value, [...(mentioned.get(q.subject.value) ?? []), span]);
    }
    expect(mentioned.size).toBeGreaterThan(20);
    let acrossArticles = 0;
    for (const [iri, list] of mentioned) {
      const path = `entity/${idFromIri(BASE, iri)}.html`;
      const section = /<section id="mentioned">([\s\S]*?<\/section>)\n<\/section>/.exec(read(path))?.[1] ?? '';
      const groups = [...section.matchAll(/<section class="by-article" id="[^"]*" data-doc="([^"]*)">([\s\S]*?)<\/section>/g)].map((m) => ({ doc: `${BASE}${decode(m[1] ?? '')}`, html: m[2] ?? '' }));
      const docsOf = [...new Set(list.map((s) => s.doc))].sort();
      expect(groups.map((g) => g.doc), path).toEqual(docsOf);
      if (docsOf.length > 1) acrossArticles++;
      for (const g of groups) {
        const text = textOf(g.doc);
        expect(linkTargets(path, g.html).has(articlePage(g.doc)), `${path}: the group links to its article`).toBe(true);
        const figures = [...g.html.matchAll(/<figure class="quote" data-span="([^"]*)">\s*<blockquote>“([^<]*)<mark>([^<]*)<\/mark>([^<]*)”<\/blockquote>\s*<figcaption><a href="([^"]*)"/g)];
        expect(figures.map((f) => decode(f[1] ?? '')).sort(), path).toEqual(list.filter((s) => s.doc === g.doc).map((s) => s.id).sort());
        for (const f of figures) {
          const span = spans.find((s) => s.id === decode(f[1] ?? '')) as Span;
          const [before, exact, after] = [f[2], f[3], f[4]].map((x) => decode(x ?? ''));
          expect(exact, span.id).toBe(sliceCodePoints(text, span.start, span.end));
          expect(sliceCodePoints(text, span.start - [...(before ?? '')].length, span.end + [...(after ?? '')].length), span.id).toBe(`${before}${exact}${after}`);
          const href = decode(f[5] ?? '');
          expect(posix.normalize(posix.join(posix.dirname(path), href.split('#')[0] ?? '')), span.id).toBe(articlePage(g.doc));
        }
      }
    }
    // With a second article, a shared entity both mention has a group for each.
    if (docs.length > 1) {
      expect(acrossArticles).toBeGreaterThan(0);
      const lavrov = mentioned.get(`${BASE}person/sergey-lavrov`) ?? [];
      expect(new Set(lavrov.map((s) => s.doc)).size).toBe(docs.length);
    }
  });

  it('draws the graph on the overview page with a link on every node to that entity\'s page', () => {
    const html = read('index.html');
    const svg = /<svg[\s\S]*?<\/svg>/.exec(html)?.[0] ?? '';
    const nodes = svg.split(/(?=<g id="[^"]*" class="(?:node|edge)[^"]*">)/).filter((part) => /^<g id="[^"]*" class="node/.test(part));
    const links = nodes.map((n) => decode(/xlink:href="([^"]*)"/.exec(n)?.[1] ?? ''));
    const excluded = [TextSpan, TimeExpression, SourceDocument, Proposition].map((c) => c.iri);
    const pictured = [...entities].filter(([, c]) => !excluded.includes(c)).map(([iri]) => `entity/${idFromIri(BASE, iri)}.html`).sort();
    expect(nodes.length).toBe(pictured.length);
    expect([...links].sort()).toEqual(pictured);
    expect((svg.match(/ class="edge"/g) ?? []).length).toBeGreaterThan(50);
    expect(read('graph.html')).toContain(svg);
  });

  it('documents every class and property with an anchor, and every SHACL property shape of a class in its entry', () => {
    const html = read('ontology.html');
    const ids = new Set(attributeValues(html, 'id'));
    for (const c of CLASSES as readonly ClassDecl[]) expect(ids.has(c.iri.startsWith(KG_NS) ? c.iri.slice(KG_NS.length) : c.iri.replace(/^.*[/#]/, 'oa-')), c.name).toBe(true);
    for (const { prop } of ownProperties()) expect(ids.has(prop.iri.slice(KG_NS.length)), prop.iri).toBe(true);
    for (const c of (CLASSES as readonly ClassDecl[]).filter((x) => !x.abstract)) {
      const anchor = c.iri.startsWith(KG_NS) ? c.iri.slice(KG_NS.length) : c.iri.replace(/^.*[/#]/, 'oa-');
      const entry = new RegExp(`<section class="term" id="${anchor}">([\\s\\S]*?)</section>`).exec(html)?.[1] ?? '';
      expect(entry, c.name).toContain(`kgsh:${c.name}Shape`);
      const rows = (/<tbody>([\s\S]*?)<\/tbody>/.exec(entry)?.[1] ?? '').match(/<tr>/g) ?? [];
      expect(rows.length, c.name).toBe(shapeProperties(c).length + (c.referencedBy ? 1 : 0));
    }
    expect(html).toContain('<svg');
  });

  it('holds no date or time of its own making', () => {
    const year = new Date().getUTCFullYear();
    for (const f of ['index.html', 'ontology.html', ...docs.map(articlePage)]) expect(read(f)).not.toMatch(new RegExp(`${year}-\\d\\d-\\d\\dT`));
  });
});

describe('kg docs: determinism, escaping, stale pages', () => {
  afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

  it('writes the same bytes twice', async () => {
    const [a, b] = [tempDir(), tempDir()];
    await writeDocs(a, { base: BASE });
    await writeDocs(b, { base: BASE });
    const files = listFiles(a);
    expect(listFiles(b)).toEqual(files);
    for (const f of files) expect(readFileSync(join(b, f)).equals(readFileSync(join(a, f))), f).toBe(true);
  });

  it('escapes labels holding markup, quotes and ampersands, in pages and in the picture', async () => {
    const nasty = 'Alice <b>"Bold"</b> & \'Co\' </script><img src=x>';
    const entities = kitchenSink.entities.map((e) => (e.id === 'person/alice' || e.id === 'organization/army' ? { ...e, label: [en(`${nasty} ${e.id}`)] } : e));
    const dir = tempDir();
    await writeDocs(dir, { base: 'https://example.org/kg/', datasets: [{ ...kitchenSink, entities } as Dataset] });
    const files = listFiles(dir);
    for (const f of files.filter((x) => x.endsWith('.html'))) {
      const html = readFileSync(join(dir, f), 'utf8');
      expect(malformedAt(html), f).toBeUndefined();
      expect(html, f).not.toContain('<b>');
      expect(html, f).not.toContain('<img');
    }
    const alice = readFileSync(join(dir, 'entity/person/alice.html'), 'utf8');
    expect(alice).toContain(`<h1>${esc(`${nasty} person/alice`)}</h1>`);
    const index = readFileSync(join(dir, 'index.html'), 'utf8');
    expect(decode(index)).toContain(`${nasty} person/alice`);
    expect(files).toContain('entity/organization/bobs-group.html');
  });

  it('removes entity pages a previous run left behind, and nothing else', async () => {
    const dir = tempDir();
    await writeDocs(dir, { base: BASE, datasets: [kitchenSink] });
    const before = listFiles(dir);
    await writeDocs(dir, { base: BASE, datasets: [{ ...kitchenSink, entities: kitchenSink.entities.filter((e) => e.id !== 'organization/intelligence') }] });
    const after = listFiles(dir);
    expect(before).toContain('entity/organization/intelligence.html');
    expect(after).toEqual(before.filter((f) => f !== 'entity/organization/intelligence.html'));
  });

  it('puts several datasets on one site: a page for each article, every link resolving', async () => {
    const dir = tempDir();
    await writeDocs(dir, { base: BASE, datasets: [...DATASETS, kitchenSink] });
    expect(brokenLinks(dir).broken).toEqual([]);
    const pages = listFiles(dir).filter((f) => f.startsWith('article/'));
    expect(pages).toHaveLength(ARTICLES.length + 1);
    expect(pages).toContain('article/kitchen-sink.html');
    for (const p of pages) expect((readFileSync(join(dir, p), 'utf8').match(/<section class="document"/g) ?? []).length, p).toBe(1);
    expect(listFiles(dir)).toContain('entity/doc/kitchen-sink.html');
  });

  it('removes the page of an article a previous run wrote and this one does not, and the single article.html of older versions', async () => {
    const dir = tempDir();
    await writeDocs(dir, { base: BASE, datasets: [...DATASETS, kitchenSink] });
    writeFileSync(join(dir, 'article.html'), '<!DOCTYPE html>');
    await writeDocs(dir, { base: BASE, datasets: [kitchenSink] });
    expect(listFiles(dir).filter((f) => f.startsWith('article'))).toEqual(['article/kitchen-sink.html']);
    expect(brokenLinks(dir).broken).toEqual([]);
  });

  it('refuses a bad base IRI before writing anything', async () => {
    const dir = tempDir();
    await expect(writeDocs(dir, { base: 'not an iri' })).rejects.toThrow(/base IRI/);
    expect(listFiles(dir)).toEqual([]);
  });
});
