// The project's QuadWriter writes exactly what n3's Writer (the oracle) writes, byte for byte, for the real data and for random quads, in every line format.
import type { Quad, Term } from '@rdfjs/types';
import fc from 'fast-check';
import { DataFactory, Parser } from 'n3';
import { describe, expect, it } from 'vitest';
import { entitiesQuads, sortedById } from '../src/mapping/encode.js';
import { DEFAULT_BASE } from '../src/model/vocab.js';
import { QuadWriter, type LineFormat } from '../src/rdf/quad-writer.js';
import { drain, sinkWriter } from '../src/rdf/turtle.js';
import { dataTurtleOptions } from '../src/commands/export.js';
import { TEST_CORPUS } from './fixtures/articles/index.js';
import { ALL_DATASETS, quadSet } from './helpers.js';

const { namedNode, literal, quad, defaultGraph } = DataFactory;
const FORMATS: readonly LineFormat[] = ['Turtle', 'application/trig', 'N-Triples', 'N-Quads'];

async function withN3(quads: readonly Quad[], format: LineFormat, prefixes: ReadonlyArray<readonly [string, string]>): Promise<string> {
  const chunks: string[] = [];
  const line = format === 'N-Triples' || format === 'N-Quads';
  await drain(sinkWriter((c) => chunks.push(c), { format, ...(line || !prefixes.length ? {} : { prefixes: Object.fromEntries(prefixes) }) }), quads);
  return chunks.join('');
}

function withOurs(quads: readonly Quad[], format: LineFormat, prefixes: ReadonlyArray<readonly [string, string]>): string {
  const chunks: string[] = [];
  const writer = new QuadWriter((c) => chunks.push(c), format, format === 'N-Triples' || format === 'N-Quads' ? [] : prefixes);
  for (const q of quads) writer.add(q);
  writer.end();
  return chunks.join('');
}

describe('QuadWriter against n3', () => {
  const datasets = [...ALL_DATASETS, ...TEST_CORPUS.all.filter((d) => !ALL_DATASETS.some((a) => a.name === d.name))];
  for (const dataset of datasets) {
    for (const format of FORMATS) {
      it(`${dataset.name} as ${format}: the same bytes`, async () => {
        const options = { base: DEFAULT_BASE };
        const plain = [...entitiesQuads(sortedById(dataset.entities), options)];
        const graph = namedNode(`${DEFAULT_BASE}graph/${dataset.name}`);
        const quads = format === 'N-Triples' || format === 'Turtle' ? plain : plain.map((q) => quad(q.subject, q.predicate, q.object, graph));
        const prefixes = dataTurtleOptions(dataset, options).prefixes;
        const ours = withOurs(quads, format, prefixes);
        expect(ours.length).toBeGreaterThan(1000);
        expect(ours).toBe(await withN3(quads, format, prefixes));
      });
    }
  }

  // Random quads: IRIs under the prefixes (local names with dots, hyphens, percent-escapes, digits first), IRIs that
  // look like prefixed names, and literals with every character class, language tags and datatypes n3 abbreviates.
  const prefixes: Array<[string, string]> = [['ex', 'http://example.org/'], ['p', 'http://example.org/person/'], ['xsd', 'http://www.w3.org/2001/XMLSchema#'], ['g', 'urn:g:']];
  const local = fc.stringMatching(/^[A-Za-z0-9_.%\-:~]{0,8}$/);
  const iriText = [
    local.map((l) => `http://example.org/${l}`),
    local.map((l) => `http://example.org/person/${l}`),
    local.map((l) => `urn:g:${l}`),
    fc.string({ unit: 'grapheme', maxLength: 6 }).map((l) => `http://other.example/${encodeURIComponent(l)}é`),
  ];
  // IRIs whose scheme is a declared prefix name (`ex:x`): n3 writes them bare, so they read back as another IRI; ours brackets them.
  const lookalike = local.map((l) => `ex:${l}`);
  const iri = fc.oneof(...iriText).map((v) => namedNode(v));
  const anyIri = fc.oneof(...iriText, lookalike).map((v) => namedNode(v));
  const text = fc.string({ unit: fc.oneof(fc.constantFrom('"', '\\', '\n', '\r', '\t', '\b', '\f', '\u0000', '\u0019', '\u001f', '\u007f', '\ufffe', '\uffff', '\u200e', '\u0301'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), maxLength: 12 });
  const datatypes = ['string', 'boolean', 'integer', 'decimal', 'double', 'date', 'gYear'].map((t) => `http://www.w3.org/2001/XMLSchema#${t}`);
  const object: fc.Arbitrary<Term> = fc.oneof(
    iri,
    text.map((v) => literal(v)),
    fc.tuple(text, fc.constantFrom('en', 'fr-ch', 'x-private')).map(([v, l]) => literal(v, l)),
    fc.tuple(fc.oneof(text, fc.constantFrom('true', 'false', '1', '-0012', '+3', '.5', '2.', '1.5e3', '1E-2', 'NaN')), fc.constantFrom(...datatypes)).map(([v, d]) => literal(v, namedNode(d))),
  );
  const triple = fc.tuple(iri, iri, object, fc.oneof(fc.constant(defaultGraph() as Term), iri));
  it('10,000 random quads in runs of one subject: the same bytes in every format', async () => {
    const runs = fc.sample(fc.array(fc.tuple(iri, fc.array(triple, { minLength: 1, maxLength: 6 })), { minLength: 1, maxLength: 50 }), { seed: 42, numRuns: 500 });
    let total = 0;
    for (const run of runs) {
      const quads = run.flatMap(([s, ts]) => ts.map(([, p, o, g]) => quad(s as never, p as never, o as never, g as never)));
      total += quads.length;
      for (const format of FORMATS) {
        const graphs = format === 'application/trig' || format === 'N-Quads';
        const input = graphs ? quads : quads.map((q) => quad(q.subject, q.predicate, q.object));
        const ours = withOurs(input, format, prefixes);
        expect(ours, format).toBe(await withN3(input, format, prefixes));
      }
    }
    expect(total).toBeGreaterThan(10_000);
  });

  it('what it writes parses back to the quads it was given, IRIs that look like prefixed names included', () => {
    const anyTriple = fc.tuple(anyIri, anyIri, fc.oneof(object, anyIri));
    const quads = fc.sample(anyTriple, { seed: 7, numRuns: 2000 }).map(([s, p, o]) => quad(s as never, p as never, o as never));
    expect(quads.some((q) => q.predicate.value.startsWith('ex:'))).toBe(true);
    for (const format of ['Turtle', 'N-Triples'] as const) {
      const parsed = new Parser({ format }).parse(withOurs(quads, format, prefixes)) as Quad[];
      expect(quadSet(parsed), format).toEqual(quadSet(quads));
    }
  });

  it('brackets an IRI that only looks like a prefixed name, where n3 writes it bare', async () => {
    const q = [quad(namedNode('http://example.org/s'), namedNode('ex:key'), namedNode('xsd:string'))];
    expect(withOurs(q, 'Turtle', prefixes)).toMatch(/^ex:s <ex:key> <xsd:string>\.$/m);
    expect(await withN3(q, 'Turtle', prefixes)).toMatch(/^ex:s ex:key xsd:string\.$/m);
  });

  it('refuses a blank node rather than writing it wrongly', () => {
    const writer = new QuadWriter(() => undefined, 'Turtle');
    expect(() => writer.add(quad(DataFactory.blankNode('b'), namedNode('http://example.org/p'), literal('x')))).toThrow(/IRIs and literals only, not a BlankNode/);
  });
});
