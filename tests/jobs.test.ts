// Rendering on worker threads gives the same bytes, in the same order, whatever the number of jobs, and a bad article stops the run naming it.
import { describe, expect, it } from 'vitest';
import { BATCH, renderInOrder, type RenderSource } from '../src/commands/jobs.js';
import { renderArticles, type RenderOptions, type StreamFormat } from '../src/commands/render.js';
import { syntheticArticle } from '../src/commands/synthetic.js';
import { DataError } from '../src/errors.js';
import { DEFAULT_BASE } from '../src/model/vocab.js';

const formats: StreamFormat[] = ['turtle', 'ntriples', 'nquads', 'trig'];
const options: RenderOptions = { base: DEFAULT_BASE, formats, graph: `${DEFAULT_BASE}graph/synthetic` };
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
