// The datasets every committed query runs on, each with the folder of its expected results: the registered articles'
// own exports (output/<article>.ttl) and the fictional fixture article, serialised in memory (it is never exported).
import { join } from 'node:path';
import oxigraph from 'oxigraph';
import { ARTICLES } from '../src/data/index.js';
import type { Dataset } from '../src/mapping/dataset.js';
import { datasetFile, ONTOLOGY_FILE } from '../src/commands/export.js';
import { projectPath } from '../src/project.js';
import { articleDataFiles, loadStore } from '../src/commands/query.js';
import { DEFAULT_BASE } from '../src/model/vocab.js';
import { TEST_CORPUS } from './fixtures/articles/index.js';

/** The name of the fictional fixture article the queries also run on. */
export const FIXTURE_ARTICLE = 'fixture-001';

/** One dataset the queries run on. */
export interface QueryData {
  /** The article's name (`article-000`, `fixture-001`). */
  readonly name: string;
  /** The folder of its expected results, relative to the project root (`queries/article-000`, `tests/fixtures/articles/expected`). */
  readonly expectedDir: string;
  /** A new store holding the article's self-contained dataset and the ontology. */
  readonly load: () => Promise<oxigraph.Store>;
}

/** The fixture's dataset in Turtle, written exactly as `kg export` would write `output/fixture-001.ttl`. */
export async function fixtureTurtle(): Promise<string> {
  const dataset = TEST_CORPUS.articles.find((d) => d.name === FIXTURE_ARTICLE) as Dataset;
  const chunks: string[] = [];
  await datasetFile(projectPath('output'), dataset, { base: DEFAULT_BASE }, 'turtle').write((c) => chunks.push(c));
  return chunks.join('');
}

/** The registered articles (on their export in output/, with the ontology), then the fixture (in memory, with output/news-kg.ttl). */
export const QUERY_DATA: readonly QueryData[] = [
  ...ARTICLES.map(({ name }): QueryData => ({
    name, expectedDir: join('queries', name), load: () => Promise.resolve(loadStore(articleDataFiles(projectPath('output'), name))),
  })),
  {
    name: FIXTURE_ARTICLE, expectedDir: join('tests', 'fixtures', 'articles', 'expected'),
    load: async () => {
      const store = loadStore([projectPath(join('output', ONTOLOGY_FILE))]);
      store.load(await fixtureTurtle(), { format: 'text/turtle' });
      return store;
    },
  },
];
