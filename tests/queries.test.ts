// Every committed SPARQL query runs on each registered article's export and on the fictional fixture article, in the
// embedded store, and gives the committed expected result for that article.
import { readdirSync, readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Parser } from 'n3';
import type { Quad } from '@rdfjs/types';
import { describe, expect, it } from 'vitest';
import { projectPath } from '../src/project.js';
import oxigraph from 'oxigraph';
import { ARTICLES } from '../src/data/index.js';
import { formatResults, runQuery } from '../src/commands/query.js';
import { parseTurtle, quadSet, readProjectFile, runCli } from './helpers.js';
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
  it('reads a data file "-" from standard input (Turtle), through the built command', () => {
    const r = spawnSync(process.execPath, [projectPath('dist/src/cli.js'), 'query', '-q', 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }', '--data', '-', '-f', 'tsv'], {
      input: readFileSync(projectPath('output/article-000.ttl')), encoding: 'utf8',
    });
    expect([r.status, r.stdout.split('\n')[1]], r.stderr).toEqual([0, `"${parseTurtle(readFileSync(projectPath('output/article-000.ttl'), 'utf8')).length}"^^<http://www.w3.org/2001/XMLSchema#integer>`]);
  });

  it('reports a syntax error in a data file as file:line:column with exit 2, as the other commands do', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'kg-q-'));
    try {
      const bad = join(tmp, 'bad.nt');
      writeFileSync(bad, '<http://e.org/a> <http://e.org/b> .\n');
      const r = await runCli(['query', '-q', 'ASK { ?s ?p ?o }', '--data', bad]);
      expect([r.code, r.stdout, r.stderr]).toEqual([2, '', `kg: ${bad}:1:35: Expected entity but got .\n`]);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

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

  /** Runs `body` with a fresh temporary folder, removed afterwards. */
  async function inTmp(body: (tmp: string) => Promise<void> | void): Promise<void> {
    const tmp = mkdtempSync(join(tmpdir(), 'kg-q-'));
    try {
      await body(tmp);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }
  const COUNT = 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }';
  const count = (stdout: string): number => Number(JSON.parse(stdout).results.bindings[0].n.value);
  const lavrov = '<https://w3id.org/news-kg/id/person/sergey-lavrov>';
  const article = projectPath(join('output', 'article-000.ttl'));

  it('writes the graph of a CONSTRUCT query as N-Triples by default, and as Turtle with --format turtle', async () => {
    const query = `CONSTRUCT { ${lavrov} ?p ?o } WHERE { ${lavrov} ?p ?o }`;
    const expected = quadSet(parseTurtle(readFileSync(article, 'utf8')).filter((q) => q.subject.value === lavrov.slice(1, -1)));
    const nt = await runCli(['query', '-q', query, '-d', article]);
    expect(nt.code).toBe(0);
    expect(quadSet(new Parser({ format: 'N-Triples' }).parse(nt.stdout) as Quad[])).toEqual(expected);
    const ttl = await runCli(['query', '-q', query, '-d', article, '--format', 'turtle']);
    expect(ttl.code).toBe(0);
    expect(ttl.stdout).toMatch(/^@prefix /);
    expect(quadSet(parseTurtle(ttl.stdout))).toEqual(expected);
  });

  it('writes the graph of a DESCRIBE query (the triples of the resource)', async () => {
    const r = await runCli(['query', '-q', `DESCRIBE ${lavrov}`, '-d', article, '-f', 'ntriples']);
    expect(r.code).toBe(0);
    const quads = new Parser({ format: 'N-Triples' }).parse(r.stdout) as Quad[];
    expect(quads.length).toBeGreaterThan(0);
    expect(quads.every((q) => q.subject.value === lavrov.slice(1, -1))).toBe(true);
    expect(quads.some((q) => q.object.value === 'Sergey Lavrov')).toBe(true);
  });

  it.each([
    [`CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }`, 'table', 'kg: --format table is for SELECT and ASK results; a CONSTRUCT query gives a graph: use --format ntriples or turtle\n'],
    [`DESCRIBE ${lavrov}`, 'csv', 'kg: --format csv is for SELECT and ASK results; a DESCRIBE query gives a graph: use --format ntriples or turtle\n'],
    [COUNT, 'turtle', 'kg: --format turtle is for a graph (CONSTRUCT and DESCRIBE); a SELECT query gives rows: use --format table, csv, tsv, json\n'],
  ])('refuses %j with --format %s as wrong usage (exit 2)', async (query, format, message) => {
    const r = await runCli(['query', '-q', query, '-d', article, '-f', format]);
    expect([r.code, r.stdout, r.stderr]).toEqual([2, '', message]);
  });

  it('takes the query text with -q / --query, and refuses both a file and -q, or neither', async () => {
    const r = await runCli(['query', '--query', 'ASK { ?s ?p "Sergey Lavrov" }', '-d', article]);
    expect([r.code, r.stdout]).toEqual([0, 'true\n']);
    const both = await runCli(['query', join(dir, 'Q01-russia-foreign-minister.rq'), '-q', 'ASK {}']);
    expect([both.code, both.stderr]).toEqual([2, 'kg: give the query either as a file or with --query, not both\n']);
    const none = await runCli(['query', '-d', article]);
    expect([none.code, none.stderr]).toEqual([2, 'kg: kg query needs a query: a file, "-" for standard input, or --query TEXT\n']);
  });

  it('reads the query from standard input when the file is "-" (the built CLI)', () => {
    const file = join(dir, 'Q01-russia-foreign-minister.rq');
    const r = spawnSync(process.execPath, [projectPath('dist/src/cli.js'), 'query', '-', '-f', 'tsv'], { input: readFileSync(file), encoding: 'utf8', cwd: projectPath('.') });
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toBe(readFileSync(join(dir, 'article-000', 'Q01-russia-foreign-minister.tsv'), 'utf8'));
    const bad = spawnSync(process.execPath, [projectPath('dist/src/cli.js'), 'query', '-'], { input: 'SELECT ?x WHERE {\n  ?x a foo:Bar .\n}\n', encoding: 'utf8' });
    expect([bad.status, bad.stderr]).toEqual([1, '<stdin>:2:8: undefined prefix "foo:"\n']);
  });

  it('takes --data several times, before the query file too (a -d FILE does not swallow the query)', async () => {
    const entities = projectPath(join('output', 'entities.ttl'));
    const file = join(dir, 'Q01-russia-foreign-minister.rq');
    const before = await runCli(['query', '-d', article, '-d', entities, file, '-f', 'tsv']);
    expect([before.code, before.stderr]).toEqual([0, '']);
    expect(before.stdout).toBe(readFileSync(join(dir, 'article-000', 'Q01-russia-foreign-minister.tsv'), 'utf8'));
    const split = await runCli(['query', '-d', article, file, '--data', entities, '-f', 'tsv']);
    expect(split.stdout).toBe(before.stdout);
    const ontology = projectPath(join('output', 'news-kg.ttl'));
    const both = await runCli(['query', '-d', article, '-q', COUNT, '-f', 'json', '-d', ontology]);
    const one = await runCli(['query', '-d', article, '-q', COUNT, '-f', 'json']);
    expect(count(both.stdout)).toBeGreaterThan(count(one.stdout)); // both files were loaded, not only the last
  });

  it('reads JSON-LD data: output/article-000.jsonld gives the same triples as output/article-000.ttl', async () => {
    const jsonld = await runCli(['query', '-q', COUNT, '-d', projectPath(join('output', 'article-000.jsonld')), '-f', 'json']);
    const turtle = await runCli(['query', '-q', COUNT, '-d', article, '-f', 'json']);
    expect([jsonld.code, jsonld.stderr]).toEqual([0, '']);
    expect(count(jsonld.stdout)).toBe(count(turtle.stdout));
    expect(count(jsonld.stdout)).toBeGreaterThan(0);
  });

  it('by default reads one copy of each dataset and the ontology: output/*.ttl except void.ttl, never the same graph twice', async () => {
    const out = projectPath('output');
    const files = readdirSync(out).filter((n) => n.endsWith('.ttl') && n !== 'void.ttl');
    expect(files).toContain('news-kg.ttl');
    const distinct = quadSet(files.flatMap((n) => parseTurtle(readFileSync(join(out, n), 'utf8'))));
    const r = await runCli(['query', '-q', COUNT, '-f', 'json']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(count(r.stdout)).toBe(distinct.length);
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

  it.each([
    ['an undefined prefix', 'SELECT ?x WHERE {\n  ?x ?y ?z .\n  ?x a foo:Bar .\n}\n', '3:8: undefined prefix "foo:"'],
    ['a misspelt keyword', 'SELECT ?x WHERE {\n  ?x ?y ?z .\n  FILTR (?x)\n}\n', '3:3: unexpected "FILTR"'],
    ['an unfinished FILTER', 'SELECT ?x WHERE {\n  ?x ?y ?z .\n  FILTER (', '3:11: unexpected end of query'],
    ['a stray brace', 'SELECT ?x WHERE { ?x ?y ?z . }}', '1:31: unexpected "}"'],
    ['an unterminated string', 'SELECT ?x WHERE {\n  ?x ?y "abc }', '2:9: unterminated string'],
  ])('reports %s in one line, file:line:column: message naming the token, and exits 1', async (_what, query, message) => {
    await inTmp(async (tmp) => {
      const file = join(tmp, 'q.rq');
      writeFileSync(file, query);
      const r = await runCli(['query', file, '-d', article]);
      expect([r.code, r.stdout, r.stderr]).toEqual([1, '', `${file}:${message}\n`]);
    });
  });

  it('gives, for other syntax errors, the first line of the store\'s message only', async () => {
    const r = await runCli(['query', '-q', 'SELECT ?x WHERE { BIND(1 AS ?x) BIND(2 AS ?x) }', '-d', article]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^<query>:1:\d+: [^\n]+\n$/);
  });

  it.each([
    [['query', 'no-such-query.rq'], 2, 'kg: cannot read the query no-such-query.rq: no such file (ENOENT)'],
    [['query', join(dir, 'Q01-russia-foreign-minister.rq'), '--format', 'xml'], 2, 'kg: --format must be table, csv, tsv, json, ntriples or turtle, not "xml"'],
    [['query', join(dir, 'Q01-russia-foreign-minister.rq'), '--data', 'missing.ttl'], 2, 'kg: cannot read missing.ttl: no such file (ENOENT)'],
  ])('rejects %j with exit code %i', async (args, code, message) => {
    const r = await runCli(args);
    expect(r.code).toBe(code);
    expect(r.stderr).toContain(message);
  });
});
