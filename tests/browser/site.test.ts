// The documentation site in a real browser (Debian's Chromium via playwright-core): no console errors, no broken links, a page per entity and per article, every span visibly highlighted on its article's page, readable at laptop and phone width; screenshots saved as artefacts.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Parser } from 'n3';
import type { Quad } from '@rdfjs/types';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATASETS } from '../../src/data/index.js';
import { writeDocs } from '../../src/site/docs.js';
import { idFromIri } from '../../src/mapping/iri.js';
import { projectPath } from '../../src/project.js';
import { DEFAULT_BASE, KG_NS, OA, RDF } from '../../src/model/vocab.js';

// The functions given to page.evaluate run in Chromium; the project compiles without the DOM library, so the browser globals they use are declared (loosely) for this module only.
declare const document: any;
declare const window: any;
declare function getComputedStyle(element: unknown): any;

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SIZES = { laptop: { width: 1366, height: 768 }, phone: { width: 390, height: 844 } } as const;
type Size = keyof typeof SIZES;
const SCREENSHOTS = projectPath('test-artifacts/screenshots');
/** The tallest screenshot taken, in CSS pixels (the ontology page is tens of thousands of pixels long). */
const MAX_SHOT_HEIGHT = 5000;

/** What one visit of a page found. */
interface Visit {
  readonly ok: boolean;
  readonly error?: string;
  readonly ids: readonly string[];
  readonly links: readonly string[];
  readonly h1: string;
  readonly overflow: number;
  readonly problems: readonly string[];
}

const temps: string[] = [];
const contexts: Partial<Record<Size, BrowserContext>> = {};
const pages: Partial<Record<Size, Page>> = {};
let site = '';
let rootUrl = '';
const problems: string[] = [];

const quads = DATASETS.flatMap((d) => new Parser({ format: 'text/turtle' }).parse(readFileSync(projectPath(`output/${d.name}.ttl`), 'utf8')) as Quad[]);
// A shared entity is typed in the file of shared entities and again in each article's file that uses it: one id each.
const entityIds = [...new Set(quads.filter((q) => q.predicate.value === RDF.type && q.object.value.startsWith(KG_NS)).map((q) => idFromIri(DEFAULT_BASE, q.subject.value) ?? q.subject.value))].sort();
const spanIris = quads.filter((q) => q.predicate.value === RDF.type && q.object.value === `${KG_NS}TextSpan`).map((q) => q.subject.value);
const objectOf = (s: string, p: string): string | undefined => quads.find((q) => q.subject.value === s && q.predicate.value === p)?.object.value;
const spans = spanIris.map((iri) => ({ id: idFromIri(DEFAULT_BASE, iri) ?? iri, doc: objectOf(iri, OA.hasSource) ?? '', exact: objectOf(`${iri}#quote`, OA.exact) ?? '' }));
/** The page of each article, by its document's IRI (`doc/article-000` has `article/article-000.html`). */
const articlePages = new Map(quads.filter((q) => q.predicate.value === RDF.type && q.object.value === `${KG_NS}SourceDocument`)
  .map((q) => [q.subject.value, `article/${(idFromIri(DEFAULT_BASE, q.subject.value) ?? '').split('/').slice(1).join('/')}.html`] as const));

function temp(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
}

/** Opens one Chromium (fresh empty profile) per screen size; the phone one behaves as a mobile device. */
async function launch(size: Size): Promise<Page> {
  const context = await chromium.launchPersistentContext(temp('kg-chromium-profile-'), {
    executablePath: CHROMIUM, headless: true, args: ARGS, viewport: SIZES[size],
    ...(size === 'phone' ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : { deviceScaleFactor: 1 }),
  });
  contexts[size] = context;
  const page = context.pages()[0] ?? await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`${size} ${page.url()}: console error: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`${size} ${page.url()}: page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`${size} ${page.url()}: request failed: ${r.url()} (${r.failure()?.errorText ?? '?'})`));
  pages[size] = page;
  return page;
}

/** Loads a page from disk and reads its ids, its links (resolved, SVG links included), its heading and how far it overflows the screen sideways. */
async function visit(page: Page, url: string): Promise<Visit> {
  const before = problems.length;
  try {
    await page.goto(url, { waitUntil: 'load' });
  } catch (error) {
    return { ok: false, error: (error as Error).message, ids: [], links: [], h1: '', overflow: 0, problems: [] };
  }
  const found = await page.evaluate(() => ({
    ids: [...document.querySelectorAll('[id]')].map((e) => e.id),
    links: [...document.querySelectorAll('a, link[href], img[src], script[src]')]
      .map((e) => e.getAttribute('href') ?? e.getAttribute('xlink:href') ?? e.getAttributeNS('http://www.w3.org/1999/xlink', 'href') ?? e.getAttribute('src'))
      .filter((h): h is string => !!h)
      .map((h) => new URL(h, document.baseURI).href),
    h1: document.querySelector('h1')?.textContent?.trim() ?? '',
    overflow: document.documentElement.scrollWidth - window.innerWidth,
  }));
  return { ok: true, ...found, problems: problems.slice(before) };
}

/** The page's URL without its fragment. */
function withoutHash(url: string): string {
  return url.replace(/#.*$/, '');
}

/** A screenshot of the top of a page (at most MAX_SHOT_HEIGHT CSS pixels), saved as a test artefact; the viewport is stretched to that height, then restored. */
async function screenshot(page: Page, url: string, name: string, size: Size): Promise<void> {
  const path = join(SCREENSHOTS, `${name}.png`);
  rmSync(path, { force: true });
  await page.goto(url, { waitUntil: 'load' });
  const height: number = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: SIZES[size].width, height: Math.min(height, MAX_SHOT_HEIGHT) });
  try {
    await page.screenshot({ path });
  } finally {
    await page.setViewportSize(SIZES[size]);
  }
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run scripts/install-chromium.sh (Debian's chromium package) before the browser tests`);
  site = temp('kg-docs-site-');
  await writeDocs(site, { base: DEFAULT_BASE });
  rootUrl = pathToFileURL(`${site}/`).href;
  mkdirSync(SCREENSHOTS, { recursive: true });
  await Promise.all([launch('laptop'), launch('phone')]);
});

afterAll(async () => {
  await Promise.all(Object.values(contexts).map((c) => c?.close()));
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

let crawled: Promise<Map<string, Visit>> | undefined;

/** Visits every page reachable from the overview at laptop size, once (the tests share the result). */
function crawl(): Promise<Map<string, Visit>> {
  crawled ??= (async () => {
    const visits = new Map<string, Visit>();
    const queue = [`${rootUrl}index.html`];
    while (queue.length) {
      const url = queue.shift() as string;
      if (visits.has(url)) continue;
      const v = await visit(pages.laptop as Page, url);
      visits.set(url, v);
      for (const link of v.links) if (link.startsWith(rootUrl) && !visits.has(withoutHash(link)) && !queue.includes(withoutHash(link))) queue.push(withoutHash(link));
    }
    return visits;
  })();
  return crawled;
}

describe('the documentation site in Chromium', () => {
  it('loads every page reachable from the overview at laptop size without console or page errors, and every internal link finds its file and anchor', async () => {
    const visits = await crawl();
    const broken: string[] = [];
    for (const [url, v] of visits) {
      if (!v.ok) broken.push(`${url} does not load: ${v.error}`);
      for (const link of v.links) {
        if (!link.startsWith('file:')) continue;
        if (!link.startsWith(rootUrl)) { broken.push(`${url} links outside the site: ${link}`); continue; }
        const target = visits.get(withoutHash(link));
        if (!target?.ok) broken.push(`${url} links to a page that does not load: ${link}`);
        const fragment = /#(.+)$/.exec(link)?.[1];
        if (fragment && target?.ok && !target.ids.includes(decodeURIComponent(fragment))) broken.push(`${url} links to a missing anchor: ${link}`);
      }
    }
    expect(broken).toEqual([]);
    expect([...visits.values()].flatMap((v) => v.problems)).toEqual([]);
    expect(visits.size).toBeGreaterThan(entityIds.length);
  });

  it('has a page for every entity of the export, reached by links, with the entity\'s label as its heading', async () => {
    const visits = await crawl();
    const missing = entityIds.filter((id) => !visits.get(`${rootUrl}entity/${id}.html`)?.ok);
    expect(missing).toEqual([]);
    for (const id of entityIds) expect(visits.get(`${rootUrl}entity/${id}.html`)?.h1, id).not.toBe('');
  });

  it('has a page for every article, reached by links from the overview', async () => {
    const visits = await crawl();
    expect(articlePages.size).toBeGreaterThan(0);
    for (const path of articlePages.values()) expect(visits.get(`${rootUrl}${path}`)?.ok, path).toBe(true);
  });

  it.each([...articlePages])('shows a visible highlight for every annotated span of %s on its article\'s page', async (doc, path) => {
    const page = pages.laptop as Page;
    await page.goto(`${rootUrl}${path}`, { waitUntil: 'load' });
    const marks = await page.evaluate(() => [...document.querySelectorAll('.article-text mark')].map((m) => {
      const r = m.getBoundingClientRect();
      const style = getComputedStyle(m);
      const link = m.closest('a');
      return {
        spans: (m.getAttribute('data-spans') ?? '').split(' '), text: m.textContent ?? '', width: r.width, height: r.height,
        background: style.backgroundColor, visibility: style.visibility, display: style.display,
        title: link?.getAttribute('title') ?? '', href: link?.getAttribute('href') ?? '',
      };
    }));
    const bodyBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const visible = marks.filter((m) => m.width > 0 && m.height > 0 && m.visibility === 'visible' && m.display !== 'none'
      && !/^(transparent|rgba\(0, 0, 0, 0\))$/.test(m.background) && m.background !== bodyBackground);
    const mine = spans.filter((s) => s.doc === doc);
    expect(mine.length).toBeGreaterThan(0);
    for (const span of mine) {
      const mine = visible.filter((m) => m.spans.includes(span.id));
      expect(mine.length, `no visible highlight for ${span.id}`).toBeGreaterThan(0);
      expect(mine.map((m) => m.text).join(''), span.id).toBe(span.exact);
      expect(mine.every((m) => m.title !== '' && m.href.endsWith('.html')), `${span.id}: every piece says what it supports and links to it`).toBe(true);
    }
  });

  it('fits a phone-width screen (no sideways scrolling outside the picture boxes) and a laptop screen on every page, without errors', async () => {
    const visits = await crawl();
    const urls = [...visits.keys()];
    expect(urls.length).toBeGreaterThan(entityIds.length);
    const wide: string[] = [];
    const phoneProblems: string[] = [];
    for (const url of urls) {
      const v = await visit(pages.phone as Page, url);
      if (!v.ok) phoneProblems.push(`${url}: ${v.error}`);
      phoneProblems.push(...v.problems);
      if (v.overflow > 0) wide.push(`${url} is ${v.overflow}px wider than a phone screen`);
      if ((visits.get(url)?.overflow ?? 0) > 0) wide.push(`${url} is wider than a laptop screen`);
    }
    expect(phoneProblems).toEqual([]);
    expect(wide).toEqual([]);
  });

  it('saves screenshots of the overview, ontology, article and an entity page at laptop and phone size', async () => {
    const entity = entityIds.includes('person/sergey-lavrov') ? 'person/sergey-lavrov' : entityIds.find((id) => id.startsWith('person/')) ?? entityIds[0];
    const article = [...articlePages.values()].sort()[0] ?? '';
    const shots: Array<[string, string]> = [['index', 'index.html'], ['ontology', 'ontology.html'], ['article', article], ['entity', `entity/${entity}.html`]];
    for (const size of Object.keys(SIZES) as Size[]) {
      for (const [name, path] of shots) await screenshot(pages[size] as Page, `${rootUrl}${path}`, `${name}-${size}`, size);
    }
    for (const size of Object.keys(SIZES)) for (const [name] of shots) expect(existsSync(join(SCREENSHOTS, `${name}-${size}.png`)), `${name}-${size}.png`).toBe(true);
    expect(problems).toEqual([]);
  });
});
