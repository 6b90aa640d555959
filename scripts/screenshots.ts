// Regenerates the README pictures docs/article.png and docs/graph.png: writes the site to a temporary folder and photographs it in Debian's Chromium.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { writeDocs } from '../src/site/docs.js';
import { projectPath } from '../src/project.js';
import { DEFAULT_BASE } from '../src/model/vocab.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const WIDTH = 1280;

/** Writes a PNG beside its target, then renames it into place. */
function writePng(path: string, png: Buffer): void {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, png);
  renameSync(temp, path);
  process.stderr.write(`wrote ${path} (${Math.round(png.length / 1024)} KiB)\n`);
}

if (!existsSync(CHROMIUM)) {
  process.stderr.write(`${CHROMIUM} is missing: run scripts/install-chromium.sh first\n`);
  process.exit(1);
}

const site = mkdtempSync(join(tmpdir(), 'kg-docs-site-'));
const profile = mkdtempSync(join(tmpdir(), 'kg-chromium-profile-'));
const out = projectPath('docs');
mkdirSync(out, { recursive: true });
try {
  await writeDocs(site, { base: DEFAULT_BASE });
  const root = pathToFileURL(`${site}/`).href;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: WIDTH, height: 1000 }, deviceScaleFactor: 1,
  });
  try {
    const page = context.pages()[0] ?? await context.newPage();
    // The first article: its title, the legend and the first paragraphs with their highlighted spans.
    const article = readdirSync(join(site, 'article')).filter((n) => n.endsWith('.html')).sort()[0];
    if (!article) throw new Error('the site has no article page');
    await page.goto(`${root}article/${article}`, { waitUntil: 'load' });
    writePng(join(out, 'article.png'), await page.screenshot());
    // The picture of the graph, fitted to the page's width.
    await page.goto(`${root}graph.html`, { waitUntil: 'load' });
    await page.addStyleTag({ content: '.svg-box svg { width: 100%; height: auto; }' });
    writePng(join(out, 'graph.png'), await page.locator('figure.graph').screenshot());
  } finally {
    await context.close();
  }
} finally {
  rmSync(site, { recursive: true, force: true });
  rmSync(profile, { recursive: true, force: true });
}
