// Every committed SPARQL query runs on each registered article's export and on the fictional fixture article, in the
// embedded store, and gives the committed expected result for that article.
import { readdirSync, readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectPath } from '../src/project.js';
import oxigraph from 'oxigraph';
import { ARTICLES } from '../src/data/index.js';
import { formatResults, runQuery } from '../src/query.js';
import { readProjectFile, runCli } from './helpers.js';
import { FIXTURE_ARTICLE, QUERY_DATA } from './query-data.js';

/** The Oxigraph literal of a SPARQL JSON result term. */
function literalOf(t: { value: string; 'xml:lang'?: string; datatype?: string }): oxigraph.Literal {
  return oxigraph.literal(t.value, t['xml:lang'] ?? (t.datatype ? oxigraph.namedNode(t.datatype) : undefined));
}

const dir = projectPath('queries');
const names = readdirSync(dir).filter((n) => n.endsWith('.rq')).sort();
const competency = readProjectFile('queries/README.md');
/** The registered articles, whose expected results live in queries/<article>/. */
const articles = ARTICLES.map((a) => a.name);
/** Every dataset a query runs on: each registered article's own export (self-contained) with the ontology, then the fixture. */
const datasets = QUERY_DATA.map((d) => d.name);
const expectedDirs = new Map(QUERY_DATA.map((d) => [d.name, d.expectedDir]));
const stores = new Map(await Promise.all(QUERY_DATA.map(async (d) => [d.name, await d.load()] as const)));

describe('the datasets the queries run on', () => {
  it('are the registered articles, then the fictional fixture', () => {
    expect(datasets).toEqual([...articles, FIXTURE_ARTICLE]);
    expect(expectedDirs.get(FIXTURE_ARTICLE)).toBe(join('tests', 'fixtures', 'articles', 'expected'));
  });
});

describe.each(names)('query %s', (name) => {
  const query = readFileSync(join(dir, name), 'utf8');
  const results = new Map(datasets.map((a) => [a, runQuery(stores.get(a) as oxigraph.Store, query, name)]));

  it.each(datasets)('returns on %s the rows expected for that article (queries/<article>/ or tests/fixtures/articles/expected/)', (article) => {
    const expected = readProjectFile(join(expectedDirs.get(article) as string, name.replace(/\.rq$/, '.tsv')));
    expect(formatResults(results.get(article) as ReturnType<typeof runQuery>, 'tsv')).toBe(expected);
  });

  it('returns at least one row on some article (the fixture included), in a fixed order', () => {
    expect(Math.max(...[...results.values()].map((r) => r.results?.bindings.length ?? 0))).toBeGreaterThan(0);
    expect(query).toMatch(/^ORDER BY /m);
  });

  it('states its question in its first line', () => {
    expect(query.split('\n')[0]).toMatch(/^# Q\d+: .+\?$/);
  });

  it('does not type its answer in: no IRI or literal of the graph that it returns appears in its text', () => {
    const typedIn: string[] = [];
    for (const [article, r] of results) {
      const store = stores.get(article) as oxigraph.Store;
      for (const row of r.results?.bindings ?? []) {
        for (const term of Object.values(row)) {
          if (term.type === 'uri') {
            if (query.includes(term.value) || query.includes(`:${term.value.replace(/^.*[/#]/, '')}`)) typedIn.push(term.value);
          } else if (query.includes(`"${term.value}"`) && store.match(null, null, literalOf(term), null).length > 0) {
            typedIn.push(term.value); // a value taken from the graph, not one the query computes
          }
        }
      }
    }
    expect(typedIn).toEqual([]);
  });
});

describe('the expected results', () => {
  it('exist for every registered article (a folder each in queries/, and no other folder) and for the fixture, for every query and nothing else', () => {
    const folders = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
    expect(folders).toEqual([...articles].sort());
    for (const a of datasets) {
      expect(readdirSync(projectPath(expectedDirs.get(a) as string)).sort(), a).toEqual(names.map((n) => n.replace(/\.rq$/, '.tsv')));
    }
  });
});

describe('the competency questions', () => {
  it('each have a query (Q1 to Q10 of queries/README.md)', () => {
    const asked = [...competency.matchAll(/^\| Q(\d+) \| (.+?) \|/gm)].map((m) => Number(m[1]));
    expect(asked).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const n of asked) expect(names.some((f) => f.startsWith(`Q${String(n).padStart(2, '0')}-`)), `Q${n}`).toBe(true);
  });

  it('are joined by at least ten questions of our own', () => {
    expect(names.filter((f) => Number(/^Q(\d+)/.exec(f)?.[1]) > 10).length).toBeGreaterThanOrEqual(10);
  });
});

describe('kg query', () => {
  it('prints a table by default and the SPARQL TSV with --format tsv', async () => {
    const file = join(dir, 'Q01-russia-foreign-minister.rq');
    const table = await runCli(['query', file]);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('person:sergey-lavrov | Sergey Lavrov');
    expect(table.stdout).toMatch(/\(1 row\)\n$/);
    const tsv = await runCli(['query', file, '--format', 'tsv']);
    expect(tsv.stdout).toBe(readFileSync(join(dir, 'article-000', 'Q01-russia-foreign-minister.tsv'), 'utf8'));
  });

  it.each([
    ['csv', 'person,name\r\nhttps://w3id.org/news-kg/id/person/sergey-lavrov,Sergey Lavrov\r\n'],
  ])('prints %s', async (format, output) => {
    const r = await runCli(['query', join(dir, 'Q01-russia-foreign-minister.rq'), '--format', format]);
    expect(r.stdout).toBe(output);
  });

  it('prints SPARQL JSON results with --format json', async () => {
    const r = await runCli(['query', join(dir, 'Q01-russia-foreign-minister.rq'), '-f', 'json']);
    const json = JSON.parse(r.stdout) as { head: { vars: string[] }; results: { bindings: Array<Record<string, { value: string }>> } };
    expect(json.head.vars).toEqual(['person', 'name']);
    expect(json.results.bindings.map((b) => b.name?.value)).toEqual(['Sergey Lavrov']);
  });

  it('refuses a CONSTRUCT query with a clear message and exit code 1', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'kg-q-'));
    try {
      const file = join(tmp, 'c.rq');
      writeFileSync(file, 'CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }');
      const r = await runCli(['query', file]);
      expect([r.code, r.stderr]).toEqual([1, `${file}: only SELECT and ASK queries are supported\n`]);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('reads the data files given with --data', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'kg-q-'));
    try {
      writeFileSync(join(tmp, 'd.nt'), '<http://e.org/a> <http://www.w3.org/2000/01/rdf-schema#label> "A" .\n');
      writeFileSync(join(tmp, 'q.rq'), '# Q: ?\nSELECT ?l WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l }');
      const r = await runCli(['query', join(tmp, 'q.rq'), '--data', join(tmp, 'd.nt'), '--format', 'tsv']);
      expect([r.code, r.stdout]).toEqual([0, '?l\n"A"\n']);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('reports a syntax error with file, line and column, and exits 1', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'kg-q-'));
    try {
      const file = join(tmp, 'bad.rq');
      writeFileSync(file, 'SELECT ?x WHERE {\n  ?x ?y ?z .\n  FILTR (?x)\n}\n');
      const r = await runCli(['query', file]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:\\d+: expected `));
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it.each([
    [['query', 'no-such-query.rq'], 2, 'kg: cannot read the query no-such-query.rq: ENOENT'],
    [['query', join(dir, 'Q01-russia-foreign-minister.rq'), '--format', 'xml'], 2, 'kg: unknown format "xml": use one of table, csv, tsv, json'],
    [['query', join(dir, 'Q01-russia-foreign-minister.rq'), '--data', 'missing.ttl'], 1, 'entity missing.ttl, field (file): cannot read: ENOENT'],
  ])('rejects %j with exit code %i', async (args, code, message) => {
    const r = await runCli(args);
    expect(r.code).toBe(code);
    expect(r.stderr).toContain(message);
  });
});
