// The synthetic corpus and the streaming export: deterministic, the same graph as the in-memory mapping, split, checked back, atomic.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Parser } from 'n3';
import type { Quad } from '@rdfjs/types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findProblems } from '../src/mapping/check.js';
import { ENTITY_CLASSES, type Entity } from '../src/model/classes.js';
import type { Dataset } from '../src/mapping/dataset.js';
import { entitiesQuads, sortedById } from '../src/mapping/encode.js';
import { DataError } from '../src/errors.js';
import { roundtrip } from '../src/commands/roundtrip.js';
import { exportStream } from '../src/commands/stream.js';
import { syntheticArticle, syntheticCorpus } from '../src/commands/synthetic.js';
import { DEFAULT_BASE } from '../src/model/vocab.js';
import { quadSet, runCli } from './helpers.js';

const base = DEFAULT_BASE;
let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'kg-stream-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const parseFile = (path: string, format: string): Quad[] => new Parser({ format }).parse(readFileSync(path, 'utf8')) as Quad[];
const corpusQuads = (n: number, seed: number): Quad[] => [...syntheticCorpus(n, seed)].flatMap((a) => [...entitiesQuads(sortedById(a.entities), { base })]);
const options = { base, name: 'synthetic', title: 'test corpus' };

describe('the synthetic corpus', () => {
  it('passes the same checks as real data, article by article', () => {
    for (const a of syntheticCorpus(20, 3)) expect(findProblems(a.entities)).toEqual([]);
  });

  it('has an entity of every concrete class in every article', () => {
    const types = new Set(syntheticArticle(5, 9).entities.map((e) => e.type));
    expect(ENTITY_CLASSES.map((c) => c.name).filter((n) => !types.has(n))).toEqual([]);
  });

  it('uses every precision of date and awkward strings', () => {
    const text = JSON.stringify([...syntheticCorpus(40, 1)].map((a) => a.entities));
    for (const needle of ['"date":', '"yearMonth":', '"year":', '\\"', '\\\\', '\\n', '🚀', 'é']) expect(text, needle).toContain(needle);
  });

  it('is the same for the same seed and differs for another', () => {
    expect(JSON.stringify(syntheticArticle(7, 1))).toBe(JSON.stringify(syntheticArticle(7, 1)));
    expect(JSON.stringify(syntheticArticle(7, 1))).not.toBe(JSON.stringify(syntheticArticle(7, 2)));
  });
});

describe('the streaming export', () => {
  it.each([['turtle', 'ttl', 'text/turtle'], ['ntriples', 'nt', 'N-Triples'], ['trig', 'trig', 'application/trig'], ['nquads', 'nq', 'N-Quads']] as const)(
    'writes %s that parses to the graph the in-memory mapping gives', async (format, ext, mediaType) => {
      await exportStream(syntheticCorpus(12, 4), dir, { ...options, formats: [format] });
      const quads = parseFile(join(dir, `synthetic.${ext}`), mediaType);
      expect(quadSet(quads.map((q) => ({ ...q, subject: q.subject, predicate: q.predicate, object: q.object, graph: { termType: 'DefaultGraph', value: '' } }) as unknown as Quad))).toEqual(quadSet(corpusQuads(12, 4)));
    });

  it('gives the same bytes for the same seed', async () => {
    await exportStream(syntheticCorpus(6, 5), join(dir, 'a'), { ...options, formats: ['turtle', 'ntriples'] });
    await exportStream(syntheticCorpus(6, 5), join(dir, 'b'), { ...options, formats: ['turtle', 'ntriples'] });
    for (const f of ['synthetic.ttl', 'synthetic.nt', 'void.ttl']) expect(readFileSync(join(dir, 'b', f), 'utf8'), f).toBe(readFileSync(join(dir, 'a', f), 'utf8'));
  });

  it('splits N-Triples into files of at most --split-size triples, which together hold every triple', async () => {
    const result = await exportStream(syntheticCorpus(5, 6), dir, { ...options, formats: ['ntriples'], splitSize: 500 });
    const parts = readdirSync(dir).filter((f) => f.endsWith('.nt')).sort();
    expect(parts.length).toBe(Math.ceil(result.triples / 500));
    expect(parts[0]).toBe('synthetic-00001.nt');
    const all: Quad[] = [];
    for (const p of parts) {
      const quads = parseFile(join(dir, p), 'N-Triples');
      expect(quads.length).toBeLessThanOrEqual(500);
      all.push(...quads);
    }
    expect(quadSet(all)).toEqual(quadSet(corpusQuads(5, 6)));
  });

  it('describes the corpus with its counts', async () => {
    const result = await exportStream(syntheticCorpus(4, 2), dir, { ...options, formats: ['turtle'] });
    expect(readFileSync(join(dir, 'void.ttl'), 'utf8')).toContain(`void:triples "${result.triples}"^^xsd:integer`);
  });

  it('leaves the folder untouched when an article fails its checks part-way', async () => {
    writeFileSync(join(dir, 'synthetic.ttl'), 'old');
    function* corpus(): Generator<Dataset> {
      yield syntheticArticle(0, 1);
      const bad = syntheticArticle(1, 1);
      yield { ...bad, entities: bad.entities.map((e) => (e.type === 'Person' ? ({ ...e, label: [] } as unknown as Entity) : e)) };
    }
    await expect(exportStream(corpus(), dir, { ...options, formats: ['turtle', 'ntriples'] })).rejects.toThrow(DataError);
    expect(readdirSync(dir)).toEqual(['synthetic.ttl']);
    expect(readFileSync(join(dir, 'synthetic.ttl'), 'utf8')).toBe('old');
  });

  it('refuses JSON-LD, which needs the whole graph in memory', async () => {
    await expect(exportStream(syntheticCorpus(1, 1), dir, { ...options, formats: ['jsonld'] })).rejects.toThrow('JSON-LD needs the whole graph in memory');
  });
});

describe('the round-trip check', () => {
  it('finds the export the same, in the same order', async () => {
    await exportStream(syntheticCorpus(8, 3), dir, { ...options, formats: ['turtle'] });
    const report = await roundtrip(join(dir, 'synthetic.ttl'), syntheticCorpus(8, 3), { base });
    expect(report).toMatchObject({ same: true, sameOrder: true, missing: { count: 0, first: [] }, extra: { count: 0, first: [] } });
    expect(report.fileTriples).toBe(corpusQuads(8, 3).length);
  });

  it('finds the same triples in another order, and says so', async () => {
    await exportStream(syntheticCorpus(3, 3), dir, { ...options, formats: ['ntriples'] });
    const path = join(dir, 'synthetic.nt');
    const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
    writeFileSync(path, `${[...lines].reverse().join('\n')}\n`);
    expect(await roundtrip(path, syntheticCorpus(3, 3), { base })).toMatchObject({ same: true, sameOrder: false });
  });

  it('reports a changed triple as one missing and one extra, whatever the positions', async () => {
    await exportStream(syntheticCorpus(3, 3), dir, { ...options, formats: ['ntriples'] });
    const path = join(dir, 'synthetic.nt');
    const text = readFileSync(path, 'utf8');
    writeFileSync(path, text.replace('"dozens"@en', '"hundreds"@en'));
    const report = await roundtrip(path, () => syntheticCorpus(3, 3), { base });
    expect(report).toMatchObject({ same: false, sameOrder: false, missing: { count: 1 }, extra: { count: 1 } });
    expect(report.missing.first[0]).toMatch(/"dozens"@en \.$/);
    expect(report.extra.first[0]).toMatch(/"hundreds"@en \.$/);
  });

  it('lists the differences through buckets on disk as it does in memory, in bounded memory', async () => {
    await exportStream(syntheticCorpus(3, 3), dir, { ...options, formats: ['ntriples'] });
    const path = join(dir, 'synthetic.nt');
    const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
    const removed = lines.filter((_l, i) => i % 97 === 5);
    const kept = lines.filter((_l, i) => i % 97 !== 5).reverse();
    const added = ['<http://example.org/a> <http://example.org/p> "x" .', '<http://example.org/b> <http://example.org/p> "y" .'];
    writeFileSync(path, `${[...kept, ...added, kept[0]].join('\n')}\n`);
    const inMemory = await roundtrip(path, () => syntheticCorpus(3, 3), { base, maxDifferences: 3 });
    const onDisk = await roundtrip(path, () => syntheticCorpus(3, 3), { base, maxDifferences: 3, bucketTriples: 50 });
    expect(onDisk).toEqual(inMemory);
    expect(inMemory.missing).toEqual({ count: removed.length, first: [...removed].sort().slice(0, 3) });
    expect(inMemory.extra).toEqual({ count: 2, first: added });
  });

  it('refuses to list differences twice from a one-shot generator, asking for a function', async () => {
    await exportStream(syntheticCorpus(1, 3), dir, { ...options, formats: ['ntriples'] });
    await expect(roundtrip(join(dir, 'synthetic.nt'), syntheticCorpus(1, 4), { base })).rejects.toThrow('pass a function');
  });

  it('exits 1 from kg roundtrip on a file that differs, 0 on one that does not', async () => {
    await exportStream(syntheticCorpus(2, 8), dir, { ...options, formats: ['ntriples'] });
    const ok = await runCli(['roundtrip', join(dir, 'synthetic.nt'), '--synthetic', '2', '--seed', '8']);
    expect([ok.code, ok.stdout]).toEqual([0, `${join(dir, 'synthetic.nt')}: the same triples in the same order (file ${corpusQuads(2, 8).length} triples, entities ${corpusQuads(2, 8).length})\n`]);
    const other = await runCli(['roundtrip', join(dir, 'synthetic.nt'), '--synthetic', '2', '--seed', '9']);
    expect(other.code).toBe(1);
  });

  it('checks the committed export against the built-in dataset of its name', async () => {
    const r = await runCli(['roundtrip', 'output/article-000.ttl']);
    expect([r.code, r.stdout]).toEqual([0, expect.stringContaining('the same triples in the same order') as unknown as string]);
  });
});

describe('kg export --synthetic', () => {
  it('writes the corpus with no progress line when stderr is not a terminal', async () => {
    const r = await runCli(['export', '--synthetic', '3', '--seed', '2', '--format', 'turtle,ntriples', '--out', dir]);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('\r');
    expect(readdirSync(dir).sort()).toEqual(['news-kg.ttl', 'synthetic.nt', 'synthetic.ttl', 'void.ttl']);
  });
});
