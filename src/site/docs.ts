// Writes the documentation site (`kg docs`): ontology reference, one page per entity, one highlighted page per article and pictures of the graph, from the export's own quads.
import { existsSync, rmdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { stageFiles, withOutputSet } from '../rdf/atomic.js';
import { entriesOf } from '../rdf/folder.js';
import type { Dataset } from '../mapping/dataset.js';
import { articlePage } from './article-page.js';
import { entityPage } from './entity-page.js';
import { entityGraphDot, renderSvg } from './graphviz.js';
import { graphPage, indexPage } from './index-page.js';
import { SiteModel } from './model.js';
import { ontologyPage } from './ontology-page.js';
import { STYLE_CSS } from './style.js';
import { checkAll } from '../commands/export.js';

/** Options of the site: the base IRI the export uses, and the datasets (the built-in ones by default). */
export interface DocsOptions {
  readonly base: string;
  readonly datasets?: readonly Dataset[];
  /** Told what is being done (checking, drawing the graph, pages, writing), for a progress line. */
  readonly onStep?: (step: string) => void;
}

/** Builds every file of the site in memory, keyed by its path relative to the site root (POSIX separators), in a fixed order. */
export async function siteFiles(options: DocsOptions): Promise<Map<string, string>> {
  const step = options.onStep ?? ((): void => {});
  step('loading the datasets');
  const datasets = options.datasets ?? (await import('../data/index.js')).DATASETS;
  step('checking the datasets');
  checkAll(datasets, { base: options.base });
  const model = new SiteModel(datasets, options.base);
  const files = new Map<string, string>();
  step('drawing the graph');
  const graphSvg = await renderSvg(entityGraphDot(model, ''));
  files.set('style.css', STYLE_CSS);
  files.set('index.html', indexPage(model, graphSvg));
  files.set('graph.html', graphPage(model, graphSvg));
  step('writing the ontology page');
  files.set('ontology.html', await ontologyPage(model));
  step('writing the article and entity pages');
  for (const article of model.articles()) files.set(article.path, articlePage(model, article));
  for (const entity of model.entities.values()) files.set(entity.path, entityPage(model, entity));
  return files;
}

/**
 * The pages a previous run left in the folder that this run does not write (paths relative to it, with '/'): `.html`
 * files under `entity/` and `article/`, and the single `article.html` that versions before one page per article wrote.
 */
function stalePages(outDir: string, written: ReadonlySet<string>): string[] {
  const found: string[] = [];
  const visit = (dir: string): void => {
    for (const e of entriesOf(dir)) {
      const path = join(dir, e.name);
      const rel = relative(outDir, path).split(sep).join('/');
      if (e.isDirectory()) visit(path);
      else if (e.name.endsWith('.html') && !written.has(rel)) found.push(rel);
    }
  };
  visit(join(outDir, 'entity'));
  visit(join(outDir, 'article'));
  if (!written.has('article.html') && existsSync(join(outDir, 'article.html'))) found.push('article.html');
  return found;
}

/** Removes the folders under `entity/` and `article/` that the switch left empty. */
function removeEmptyFolders(outDir: string): void {
  const visit = (dir: string): void => {
    for (const e of entriesOf(dir)) {
      if (!e.isDirectory()) continue;
      visit(join(dir, e.name));
      try { rmdirSync(join(dir, e.name)); } catch { /* not empty: keep it */ }
    }
  };
  visit(join(outDir, 'entity'));
  visit(join(outDir, 'article'));
}

/**
 * Writes the static site into `outDir` as one output set (every page staged, then switched into place as one unit under
 * the folder's lock, pages of an earlier run that this one does not write removed in the same switch) and returns the
 * paths written, sorted.
 * @throws UsageError when `outDir` cannot hold files or another run holds it (before the site is built); the checks'
 * UsageError or DataError (nothing written).
 */
export async function writeDocs(outDir: string, options: DocsOptions): Promise<string[]> {
  // The folder is taken first, so that one that cannot hold files or is busy fails before the site is built.
  const paths = await withOutputSet(outDir, async (set) => {
    const files = await siteFiles(options);
    const sorted = [...files.keys()].sort();
    options.onStep?.(`writing ${sorted.length} files`);
    await stageFiles(set, sorted.map((p) => ({ path: join(outDir, ...p.split('/')), write: (sink) => sink(files.get(p) ?? '') })));
    for (const stale of stalePages(outDir, new Set(sorted))) set.remove(join(outDir, ...stale.split('/')));
    return sorted;
  });
  removeEmptyFolders(outDir);
  return paths.map((p) => join(outDir, ...p.split('/')));
}
