// The EntityWriter (entities straight to text) against its oracle, the quads path: entitiesQuads through a QuadWriter (itself byte-identical to n3's Writer), on every dataset and on random entities.
import fc from 'fast-check';
import { DataFactory } from 'n3';
import { describe, expect, it } from 'vitest';
import type { Entity } from '../src/model/classes.js';
import { isMany, propertiesOf } from '../src/model/schema.js';
import { DEFAULT_BASE } from '../src/model/vocab.js';
import { classOf, entitiesQuads, sortedById } from '../src/mapping/encode.js';
import type { Dataset } from '../src/mapping/dataset.js';
import { addToStats, emptyStats } from '../src/generate/description.js';
import { EntityWriter } from '../src/rdf/entity-writer.js';
import { QuadWriter, type LineFormat } from '../src/rdf/quad-writer.js';
import { dataTurtleOptions } from '../src/commands/export.js';
import { syntheticArticle } from '../src/commands/synthetic.js';
import { TEST_CORPUS } from './fixtures/articles/index.js';
import { ALL_DATASETS } from './helpers.js';

const decoder = new TextDecoder();

/** What the quads path writes for entities in the order given: a QuadWriter chunk per format (Turtle without prefix declarations) and addToStats' counts. */
function oracle(entities: readonly Entity[], base: string, graph: string, prefixes: ReadonlyArray<readonly [string, string]>) {
  const quads = [...entitiesQuads(entities, { base })];
  const write = (format: LineFormat, qs: typeof quads): string => {
    const chunks: string[] = [];
    const writer = new QuadWriter((c) => chunks.push(c), format, format === 'Turtle' ? prefixes : [], false);
    for (const q of qs) writer.add(q);
    writer.end();
    return chunks.join('');
  };
  const g = DataFactory.namedNode(graph);
  const stats = emptyStats();
  addToStats(stats, quads);
  return {
    ntriples: write('N-Triples', quads),
    nquads: write('N-Quads', quads.map((q) => DataFactory.quad(q.subject, q.predicate, q.object, g))),
    turtle: write('Turtle', quads),
    stats: { triples: stats.triples, subjects: stats.subjects, entities: stats.entities, classes: stats.classes, properties: stats.properties, documents: stats.documents },
  };
}

/** What the EntityWriter writes for the same entities, decoded. */
function ours(entities: readonly Entity[], base: string, graph: string, prefixes: ReadonlyArray<readonly [string, string]>) {
  const writer = new EntityWriter({ base, ntriples: true, turtle: true, nquadsGraph: graph, prefixes });
  for (const e of entities) writer.add(e);
  const out = writer.take();
  return { ntriples: decoder.decode(out.ntriples), nquads: decoder.decode(out.nquads), turtle: decoder.decode(out.turtle), stats: writer.stats };
}

function expectSame(unsorted: readonly Entity[], base: string, prefixes: ReadonlyArray<readonly [string, string]>): void {
  const entities = sortedById(unsorted);
  const graph = `${base}graph/test`;
  const want = oracle(entities, base, graph, prefixes);
  const got = ours(entities, base, graph, prefixes);
  expect(got.ntriples).toBe(want.ntriples);
  expect(got.nquads).toBe(want.nquads);
  expect(got.turtle).toBe(want.turtle);
  expect(got.stats).toEqual(want.stats);
}

describe('EntityWriter against the quads path', () => {
  const datasets: Dataset[] = [...ALL_DATASETS, ...TEST_CORPUS.all.filter((d) => !ALL_DATASETS.some((a) => a.name === d.name))];
  for (const dataset of datasets) {
    it(`${dataset.name}: the same N-Triples, N-Quads and Turtle bytes and counts`, () => {
      const prefixes = dataTurtleOptions(dataset, { base: DEFAULT_BASE }).prefixes;
      expectSame(dataset.entities, DEFAULT_BASE, prefixes);
      expect(ours(dataset.entities, DEFAULT_BASE, 'urn:g', prefixes).ntriples.length).toBeGreaterThan(1000);
    });
  }

  it('writes only the formats asked for, and one writer over many articles equals one article after another', () => {
    const articles = [0, 1, 2].map((i) => syntheticArticle(i, 3));
    const prefixes = dataTurtleOptions(articles[0] as Dataset, { base: DEFAULT_BASE }).prefixes;
    const all = articles.flatMap((a) => sortedById(a.entities));
    const writer = new EntityWriter({ base: DEFAULT_BASE, turtle: true, prefixes });
    for (const e of all) writer.add(e);
    const out = writer.take();
    expect(out.ntriples.length).toBe(0);
    expect(out.nquads.length).toBe(0);
    const want = oracle(all, DEFAULT_BASE, 'urn:g', prefixes);
    expect(decoder.decode(out.turtle)).toBe(want.turtle);
    // Taking ends the Turtle statement; what follows starts afresh.
    writer.add(all[0] as Entity);
    expect(decoder.decode(writer.take().turtle)).toBe(oracle([all[0] as Entity], DEFAULT_BASE, 'urn:g', prefixes).turtle);
  });

  // Random entities: synthetic articles whose texts, language tags and many-valued fields are replaced by random ones
  // (quotes, backslashes, controls, non-BMP characters, any case of tag), under bases where the id prefixes are, or are
  // not, what Turtle abbreviates with (a longer namespace declared under a prefix claims some IRIs).
  const text = fc.string({ unit: fc.oneof(fc.constantFrom('"', '\\', '\n', '\r', '\t', '\b', '\f', '\u0001', '\u007f', '\u2028', '\ufffd', 'é', '🚀', '<', '>', ' ', '.'), fc.string({ unit: 'grapheme', maxLength: 1 })), maxLength: 12 });
  const tag = fc.constantFrom('en', 'EN', 'en-GB', 'fr-Latn-FR', 'zh-Hant', 'x-private');
  const bases = [
    { base: DEFAULT_BASE, extra: [] as Array<[string, string]> },
    { base: 'http://example.org/kg/', extra: [] as Array<[string, string]> },
    { base: 'https://example.com/', extra: [['pa', 'https://example.com/person/a0'], ['d', 'https://example.com/doc/']] as Array<[string, string]> },
    { base: 'http://ex.org/x/', extra: [['x', 'http://ex.org/x/']] as Array<[string, string]> },
  ];
  it('writes 10^4 random entities byte for byte as the quads path does', () => {
    let entities = 0;
    fc.assert(fc.property(fc.nat(10_000), fc.nat(bases.length - 1), fc.array(text, { minLength: 40, maxLength: 40 }), fc.array(tag, { minLength: 8, maxLength: 8 }), fc.boolean(),
      (i, b, texts, tags, reverse) => {
        const { base, extra } = bases[b] as (typeof bases)[number];
        const article = syntheticArticle(i, 11);
        let t = 0;
        const mutated = article.entities.map((e) => {
          const out: Record<string, unknown> = { ...e };
          for (const { key, prop } of propertiesOf(classOf(e))) {
            const v = out[key];
            if (v === undefined) continue;
            const swap = (x: unknown): unknown => {
              if (prop.kind === 'langString') return { value: texts[t++ % texts.length], lang: tags[t % tags.length] };
              if (prop.kind === 'string' && key !== 'text') return texts[t++ % texts.length];
              return x;
            };
            if (isMany(prop)) {
              const values = (v as unknown[]).map(swap);
              // A duplicate and a reversed order: the writer sorts as the mapping does.
              if (values.length && t % 3 === 0) values.push(values[0]);
              out[key] = reverse ? values.reverse() : values;
            } else out[key] = swap(v);
          }
          return out as unknown as Entity;
        });
        entities += mutated.length;
        const prefixes = [...extra, ...dataTurtleOptions(article, { base }).prefixes];
        expectSame(mutated, base, prefixes);
      }), { numRuns: 300, seed: 15 });
    expect(entities).toBeGreaterThanOrEqual(10_000);
  });
});
