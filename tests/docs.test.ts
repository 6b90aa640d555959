// The documentation site (kg docs), checked without a browser: a page per entity, links and anchors that resolve, every span highlighted, the graph picture linked, same bytes twice, text escaped.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { Parser } from 'n3';
import type { Quad } from '@rdfjs/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLASSES, Proposition, SourceDocument, TextSpan, TimeExpression } from '../src/classes.js';
import { DATASETS } from '../src/data/index.js';
import { en, type Dataset } from '../src/dataset.js';
import { writeDocs } from '../src/docs.js';
import { esc } from '../src/docs/html.js';
import { idFromIri } from '../src/iri.js';
import { ownProperties } from '../src/ontology.js';
import { projectPath } from '../src/project.js';
import { propertiesOf, type ClassDecl } from '../src/schema.js';
import { sliceCodePoints } from '../src/text.js';
import { DEFAULT_BASE, KG_NS, OA, RDF } from '../src/vocab.js';
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

/** The quads of the committed export of a dataset. */
function exportQuads(d: Dataset): Quad[] {
  return new Parser({ format: 'text/turtle' }).parse(readFileSync(projectPath(`output/${d.name}.ttl`), 'utf8')) as Quad[];
}

/** The entities of a graph: subjects typed with a class of ours, by IRI, with their class IRI. */
function entitiesOf(quads: readonly Quad[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const q of quads) if (q.predicate.value === RDF.type && q.object.value.startsWith(KG_NS)) out.set(q.subject.value, q.object.value);
  return out;
}

/** The text spans of a graph with their document, offsets and exact words. */
function spansOf(quads: readonly Quad[]): Array<{ id: string; doc: string; start: number; end: number; exact: string }> {
  const get = (s: string, p: string): string | undefined => quads.find((q) => q.subject.value === s && q.predicate.value === p)?.object.value;
  return [...entitiesOf(quads)].filter(([, c]) => c === TextSpan.iri).map(([iri]) => ({
    id: idFromIri(BASE, iri) ?? iri,
    doc: get(iri, OA.hasSource) ?? '',
    start: Number(get(`${iri}#position`, OA.start)),
    end: Number(get(`${iri}#position`, OA.end)),
    exact: get(`${iri}#quote`, OA.exact) ?? '',
  }));
}

describe('kg docs: the site of the built-in datasets', () => {
  let dir = '';
  let files: string[] = [];
  const read = (p: string): string => readFileSync(join(dir, ...p.split('/')), 'utf8');
  const quads = DATASETS.flatMap(exportQuads);
  const entities = entitiesOf(quads);

  beforeAll(async () => {
    dir = tempDir();
    const written = await writeDocs(dir, { base: BASE });
    files = listFiles(dir);
    expect(written.map((p) => posix.join(...p.slice(dir.length + 1).split(/[\\/]/))).sort()).toEqual(files);
  });

  it('has the overview, ontology, article and graph pages and the stylesheet', () => {
    for (const f of ['index.html', 'ontology.html', 'article.html', 'graph.html', 'style.css']) expect(files).toContain(f);
  });

  it('has one page per entity of the export, and no other entity page', () => {
    expect(entities.size).toBeGreaterThan(100);
    const expected = [...entities.keys()].map((iri) => `entity/${idFromIri(BASE, iri)}.html`).sort();
    expect(files.filter((f) => f.startsWith('entity/'))).toEqual(expected);
    for (const [iri] of entities) expect(read(`entity/${idFromIri(BASE, iri)}.html`)).toContain(`<code>${esc(iri)}</code>`);
  });

  it('links only to files and anchors that exist, always by relative paths', () => {
    const { broken, checked } = brokenLinks(dir);
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(5000);
  });

  it('is well-formed and escaped everywhere (no raw quote breaks an attribute, no bare ampersand)', () => {
    for (const f of files.filter((x) => x.endsWith('.html'))) expect(malformedAt(read(f)), f).toBeUndefined();
  });

  it('marks every span of the graph on the article page, exactly over its offsets and words', () => {
    const html = read('article.html');
    const marks = [...html.matchAll(/<mark class="([^"]*)" data-spans="([^"]*)" data-start="(\d+)" data-end="(\d+)">([^<]*)<\/mark>/g)]
      .map((m) => ({ cls: m[1] ?? '', spans: (m[2] ?? '').split(' '), start: Number(m[3]), end: Number(m[4]), text: decode(m[5] ?? '') }));
    const doc = quads.find((q) => q.predicate.value === `${KG_NS}text`);
    const text = doc?.object.value ?? '';
    expect(text.length).toBeGreaterThan(1000);
    for (const m of marks) expect(m.text).toBe(sliceCodePoints(text, m.start, m.end));
    const spans = spansOf(quads);
    expect(spans.length).toBeGreaterThan(100);
    const ids = new Set(attributeValues(html, 'id'));
    for (const span of spans) {
      const mine = marks.filter((m) => m.spans.includes(span.id)).sort((a, b) => a.start - b.start);
      expect(mine.length, `no mark for ${span.id}`).toBeGreaterThan(0);
      expect(mine[0]?.start, span.id).toBe(span.start);
      expect(mine.at(-1)?.end, span.id).toBe(span.end);
      mine.forEach((m, i) => { if (i > 0) expect(m.start, `${span.id} has a gap`).toBe(mine[i - 1]?.end); });
      expect(mine.map((m) => m.text).join(''), span.id).toBe(span.exact);
      expect(ids.has(span.id.replace(/\//g, '-')), `anchor of ${span.id}`).toBe(true);
    }
    // A segment lists every span that covers it, and only those.
    for (const m of marks) {
      const covering = spans.filter((s) => s.start <= m.start && s.end >= m.end).map((s) => s.id).sort();
      expect([...m.spans].sort()).toEqual(covering);
    }
  });

  it('lists the claims with speaker and evidence status on the article page', () => {
    const html = read('article.html');
    const claims = [...entities].filter(([, c]) => c === `${KG_NS}Claim`);
    for (const [iri] of claims) expect(html).toContain(`href="entity/${idFromIri(BASE, iri)}.html"`);
    const evidence = quads.filter((q) => q.predicate.value === `${KG_NS}evidenceOffered`);
    expect(evidence.length).toBeGreaterThan(0);
    expect((html.match(/class="evidence ev-no"/g) ?? []).length).toBe(evidence.filter((q) => q.object.value === 'false').length);
    expect((html.match(/class="evidence ev-unknown"/g) ?? []).length).toBe(claims.length - evidence.length);
  });

  it('shows each claim with the sentence it comes from, on its own page and on its speaker\'s page', () => {
    const spans = new Map(spansOf(quads).map((s) => [`${BASE}${s.id}`, s]));
    const claims = [...entities].filter(([, c]) => c === `${KG_NS}Claim`);
    for (const [iri] of claims) {
      const page = read(`entity/${idFromIri(BASE, iri)}.html`);
      for (const q of quads.filter((x) => x.subject.value === iri && x.predicate.value === `${KG_NS}statedIn`)) {
        expect(page).toContain(`<mark>${esc(spans.get(q.object.value)?.exact ?? '?')}</mark>`);
      }
      const claimant = quads.find((x) => x.subject.value === iri && x.predicate.value === `${KG_NS}claimant`);
      if (claimant) expect(read(`entity/${idFromIri(BASE, claimant.object.value)}.html`)).toContain(`href="../../entity/${idFromIri(BASE, iri)}.html"`);
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
      expect(rows.length, c.name).toBe(propertiesOf(c).length + (c.referencedBy ? 1 : 0));
    }
    expect(html).toContain('<svg');
  });

  it('holds no date or time of its own making', () => {
    const year = new Date().getUTCFullYear();
    for (const f of ['index.html', 'ontology.html', 'article.html']) expect(read(f)).not.toMatch(new RegExp(`${year}-\\d\\d-\\d\\dT`));
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

  it('puts several datasets on one site: an article section each, every link resolving', async () => {
    const dir = tempDir();
    await writeDocs(dir, { base: BASE, datasets: [...DATASETS, kitchenSink] });
    expect(brokenLinks(dir).broken).toEqual([]);
    const article = readFileSync(join(dir, 'article.html'), 'utf8');
    expect((article.match(/<section class="document"/g) ?? []).length).toBe(DATASETS.length + 1);
    expect(listFiles(dir)).toContain('entity/doc/kitchen-sink.html');
  });

  it('refuses a bad base IRI before writing anything', async () => {
    const dir = tempDir();
    await expect(writeDocs(dir, { base: 'not an iri' })).rejects.toThrow(/base IRI/);
    expect(listFiles(dir)).toEqual([]);
  });
});
