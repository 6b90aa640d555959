// Rendering on worker threads gives the same bytes, in the same order, whatever the number of jobs, and a bad article stops the run naming it.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataFactory } from 'n3';
import { describe, expect, it } from 'vitest';
import { dataTurtleOptions } from '../src/commands/export.js';
import { exportStream } from '../src/commands/stream.js';
import { graphIri } from '../src/generate/description.js';
import { entitiesQuads, sortedById } from '../src/mapping/encode.js';
import { FORMATS } from '../src/rdf/formats.js';
import { drain, headerComment, sinkWriter } from '../src/rdf/turtle.js';
import { BATCH, renderInOrder, type RenderSource } from '../src/commands/jobs.js';
import { renderArticles, type RenderOptions, type StreamFormat } from '../src/commands/render.js';
import { syntheticArticle, syntheticCorpus } from '../src/commands/synthetic.js';
import { DataError } from '../src/errors.js';
import { DEFAULT_BASE } from '../src/model/vocab.js';
import { runCli } from './helpers.js';

const formats: StreamFormat[] = ['turtle', 'ntriples', 'nquads', 'trig'];
const options: RenderOptions = { base: DEFAULT_BASE, formats, graph: `${DEFAULT_BASE}graph/synthetic`, prefixes: dataTurtleOptions({ name: 'synthetic', title: 'T', entities: [] }, { base: DEFAULT_BASE }).prefixes };
const decoder = new TextDecoder();

async function render(source: RenderSource, jobs: number): Promise<{ text: Record<string, string>; triples: number; batches: number }> {
  const text: Record<string, string> = Object.fromEntries(formats.map((f) => [f, '']));
  let triples = 0;
  let batches = 0;
  for await (const r of renderInOrder(source, options, jobs)) {
    for (const f of formats) text[f] += decoder.decode(r.bytes[f]);
    triples += r.triples;
    batches++;
  }
  return { text, triples, batches };
}

describe('renderInOrder', () => {
  const count = 2 * BATCH + 7;
  it(`renders ${count} synthetic articles to the same bytes with 1, 2 and 3 jobs`, async () => {
    const source: RenderSource = { kind: 'synthetic', seed: 11, count };
    const one = await render(source, 1);
    expect(one.batches).toBe(3);
    expect(one.text.ntriples?.split('\n').length).toBe(one.triples + 1);
    for (const jobs of [2, 3]) {
      const many = await render(source, jobs);
      expect(many.triples).toBe(one.triples);
      for (const f of formats) expect(many.text[f], `${f} with ${jobs} jobs`).toBe(one.text[f]);
    }
  });

  it('gives, batch after batch, what one run over all the articles gives', async () => {
    const source: RenderSource = { kind: 'synthetic', seed: 3, count: BATCH + 1 };
    const whole = renderArticles(Array.from({ length: BATCH + 1 }, (_, i) => syntheticArticle(i, 3)), options);
    const parts = await render(source, 2);
    for (const f of formats) expect(parts.text[f]).toBe(decoder.decode(whole.bytes[f]));
  });

  it('stops at a bad article with a DataError naming its entity, from a worker as in-process', async () => {
    const datasets = Array.from({ length: BATCH + 2 }, (_, i) => syntheticArticle(i, 5));
    const bad = datasets[BATCH + 1];
    const person = bad?.entities.find((e) => e.type === 'Person');
    if (!bad || !person) throw new Error('the synthetic article has no person');
    Object.assign(person, { label: [{ value: '', lang: 'en' }] });
    for (const jobs of [1, 2]) {
      const run = render({ kind: 'datasets', datasets }, jobs);
      await expect(run, `${jobs} jobs`).rejects.toBeInstanceOf(DataError);
      await expect(render({ kind: 'datasets', datasets }, jobs)).rejects.toThrow(person.id);
    }
  });
});

describe('exportStream on worker threads', () => {
  const base = DEFAULT_BASE;
  // Six batches: buffers come back after their batch is written and are written into again (recycling) from the third on.
  const count = 5 * BATCH + 9;
  const all: StreamFormat[] = ['turtle', 'trig', 'ntriples', 'nquads'];
  const n3Format = { turtle: 'Turtle', trig: 'application/trig', ntriples: 'N-Triples', nquads: 'N-Quads' } as const;

  /** What one n3 Writer writes for the whole corpus, after the same header: the oracle. */
  async function oracle(format: StreamFormat, seed: number): Promise<string> {
    const corpus = { name: 'synthetic', title: 'T', entities: [] };
    const turtle = dataTurtleOptions(corpus, { base });
    const graph = DataFactory.namedNode(graphIri(base, 'synthetic'));
    const quads = [...syntheticCorpus(count, seed)].flatMap((a) => [...entitiesQuads(sortedById(a.entities), { base })])
      .map((q) => (FORMATS[format].graphs ? DataFactory.quad(q.subject, q.predicate, q.object, graph) : q));
    const chunks: string[] = [headerComment(turtle.header)];
    const prefixes = format === 'turtle' || format === 'trig' ? { prefixes: Object.fromEntries(turtle.prefixes) } : {};
    await drain(sinkWriter((c) => chunks.push(c), { format: n3Format[format], ...prefixes }), quads);
    return chunks.join('');
  }

  it(`writes ${count} articles, with 1 and 2 jobs, byte for byte as one n3 Writer would, in every streamed format`, async () => {
    const texts: Record<string, string> = {};
    for (const jobs of [1, 2]) {
      const dir = mkdtempSync(join(tmpdir(), 'kg-jobs-'));
      try {
        await exportStream({ kind: 'synthetic', seed: 4, count }, dir, { base, formats: all, name: 'synthetic', title: 'T', jobs });
        for (const f of all) texts[`${f}/${jobs}`] = readFileSync(join(dir, `synthetic.${FORMATS[f].ext}`), 'utf8');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    for (const f of all) {
      expect(texts[`${f}/2`], f).toBe(texts[`${f}/1`]);
      expect(texts[`${f}/1`], f).toBe(await oracle(f, 4));
    }
  });

  it('splits N-Triples at exactly --split-size triples per file across batches', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kg-jobs-'));
    try {
      const result = await exportStream({ kind: 'synthetic', seed: 4, count }, dir, { base, formats: ['ntriples'], name: 'synthetic', title: 'T', jobs: 2, splitSize: 7001 });
      const parts = readdirSync(dir).filter((f) => f.endsWith('.nt')).sort();
      const lines = parts.map((p) => readFileSync(join(dir, p), 'utf8').split('\n').filter((l) => l && !l.startsWith('#')).length);
      expect(lines.slice(0, -1).every((n) => n === 7001)).toBe(true);
      expect(lines.reduce((a, b) => a + b, 0)).toBe(result.triples);
      expect(parts.length).toBe(Math.ceil(result.triples / 7001));
      const whole = (await oracle('ntriples', 4)).split('\n').filter((l) => l && !l.startsWith('#'));
      expect(parts.flatMap((p) => readFileSync(join(dir, p), 'utf8').split('\n').filter((l) => l && !l.startsWith('#')))).toEqual(whole);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('kg export --synthetic --jobs / --shard', () => {
  it('writes the same files with --jobs 1 and --jobs 2, and three shards hold the corpus once, in order, as their manifests say', async () => {
    const root = mkdtempSync(join(tmpdir(), 'kg-shard-'));
    try {
      const run = async (name: string, ...extra: string[]): Promise<string> => {
        const out = join(root, name);
        const r = await runCli(['export', '--synthetic', '120', '--seed', '9', '--format', 'ntriples', 'turtle', '--out', out, ...extra]);
        expect(r.code, r.stderr).toBe(0);
        return out;
      };
      const one = await run('one', '--jobs', '1');
      const two = await run('two', '-j', '2');
      for (const f of ['synthetic.nt', 'synthetic.ttl', 'void.ttl']) expect(readFileSync(join(two, f), 'utf8'), f).toBe(readFileSync(join(one, f), 'utf8'));
      const body = (path: string): string[] => readFileSync(path, 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
      const shards: string[] = [];
      for (let i = 0; i < 3; i++) {
        const dir = await run(`shard-${i}`, '--shard', `${i}/3`, '--jobs', '2');
        const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { shard: number; of: number; articles: { from: number; to: number }; files: Array<{ name: string; triples?: number; bytes: number; sha256: string }> };
        expect(manifest).toMatchObject({ shard: i, of: 3, articles: { from: 40 * i, to: 40 * (i + 1) } });
        for (const f of manifest.files) {
          const bytes = readFileSync(join(dir, f.name));
          expect(f.bytes, f.name).toBe(bytes.length);
          expect(f.sha256, f.name).toBe(createHash('sha256').update(bytes).digest('hex'));
        }
        const nt = manifest.files.find((f) => f.name === 'synthetic.nt');
        expect(nt?.triples).toBe(body(join(dir, 'synthetic.nt')).length);
        shards.push(...body(join(dir, 'synthetic.nt')));
      }
      expect(shards).toEqual(body(join(one, 'synthetic.nt')));
      const bad = await runCli(['export', '--synthetic', '10', '--shard', '3/3', '--out', join(root, 'bad')]);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('--shard must be i/n with 0 ≤ i < n');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
