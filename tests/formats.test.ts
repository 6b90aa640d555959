// Every output format parses back to the same graph, deterministically; the dataset description counts and hashes that graph.
import { readFileSync } from 'node:fs';
import type { Quad } from '@rdfjs/types';
import jsonld from 'jsonld';
import { DataFactory, Parser } from 'n3';
import { describe, expect, it } from 'vitest';
import { CLASSES, Item } from '../src/model/classes.js';
import { DATASETS } from '../src/data/index.js';
import { canonicalHash, graphIri } from '../src/generate/description.js';
import { classOf, entitiesQuads, sortedById } from '../src/mapping/encode.js';
import { datasetFile } from '../src/commands/export.js';
import { DIRECT_EXTENSIONS, directMediaType, formatNamed, FORMATS, type FormatName } from '../src/rdf/formats.js';
import { INPUT_FORMATS } from '../src/commands/validate.js';
import { projectPath } from '../src/project.js';
import { ancestorsOf, propertiesOf, type ClassDecl } from '../src/model/schema.js';
import { DEFAULT_BASE } from '../src/model/vocab.js';
import { kitchenSink } from './fixtures/kitchen-sink.js';
import { ALL_DATASETS, parseTurtle, quadKey, quadSet } from './helpers.js';

const base = DEFAULT_BASE;
const VOID = 'http://rdfs.org/ns/void#';
const SPDX = 'http://spdx.org/rdf/terms#';

async function write(format: FormatName, dataset = kitchenSink): Promise<string> {
  const chunks: string[] = [];
  await datasetFile('', dataset, { base }, format).write((c) => chunks.push(c));
  return chunks.join('');
}

/** Parses any of our formats back into quads. */
async function parse(format: FormatName, text: string): Promise<Quad[]> {
  if (format === 'jsonld') {
    const nquads = await (jsonld as unknown as { toRDF(d: unknown, o: unknown): Promise<string> }).toRDF(JSON.parse(text), { format: 'application/n-quads' });
    return new Parser({ format: 'N-Quads' }).parse(nquads) as Quad[];
  }
  return new Parser({ format: FORMATS[format].mediaType }).parse(text) as Quad[];
}

const inDefaultGraph = (quads: Quad[]): Quad[] => quads.map((q) => DataFactory.quad(q.subject, q.predicate, q.object));
const formats = Object.keys(FORMATS) as FormatName[];

describe.each(ALL_DATASETS.map((d) => [d.name, d] as const))('the formats of %s', (_name, dataset) => {
  const expected = quadSet(entitiesQuads(sortedById(dataset.entities), { base }));

  it.each(formats)('%s parses back to the same graph', async (format) => {
    const quads = await parse(format, await write(format, dataset));
    expect(quadSet(inDefaultGraph(quads))).toEqual(expected);
    const graphs = new Set(quads.map((q) => q.graph.value));
    expect([...graphs]).toEqual([FORMATS[format].graphs ? graphIri(base, dataset.name) : '']);
    expect(quads.some((q) => q.subject.termType === 'BlankNode' || q.object.termType === 'BlankNode')).toBe(false);
  });

  it.each(formats)('%s gives the same bytes in any authoring order', async (format) => {
    const reversed = { ...dataset, entities: [...dataset.entities].reverse() };
    expect(await write(format, reversed)).toBe(await write(format, dataset));
  });
});

describe('the dataset description', () => {
  const description = parseTurtle(readFileSync(projectPath('output/void.ttl'), 'utf8'));
  const value = (s: string, p: string): string | undefined => description.find((q) => q.subject.value === s && q.predicate.value === p)?.object.value;

  it.each(DATASETS.map((d) => [d.name, d] as const))('counts the triples, classes and properties of %s', (name, dataset) => {
    const quads = [...entitiesQuads(sortedById(dataset.entities), { base })];
    const d = `${base}dataset/${name}`;
    expect(value(d, `${VOID}triples`)).toBe(String(quads.length));
    const partitions = description.filter((q) => q.subject.value === d && q.predicate.value === `${VOID}classPartition`).map((q) => q.object.value);
    const total = partitions.reduce((n, p) => n + Number(value(p, `${VOID}entities`)), 0);
    expect(total).toBe(quads.filter((q) => q.predicate.value === 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type').length);
    const properties = description.filter((q) => q.subject.value === d && q.predicate.value === `${VOID}propertyPartition`).map((q) => q.object.value);
    expect(properties.reduce((n, p) => n + Number(value(p, `${VOID}triples`)), 0)).toBe(quads.length);
  });

  it.each(DATASETS.map((d) => [d.name, d] as const))('gives %s a class partition per asserted class, superclasses of ours included, and counts each entity once', (name, dataset) => {
    const d = `${base}dataset/${name}`;
    const partitionOf = (cls: ClassDecl): number => {
      const partition = description.find((q) => q.predicate.value === `${VOID}class` && q.object.value === cls.iri && q.subject.value.startsWith(`${d}/`))?.subject.value;
      return partition ? Number(value(partition, `${VOID}entities`)) : 0;
    };
    const decls = dataset.entities.map((e) => classOf(e));
    for (const cls of CLASSES as readonly ClassDecl[]) {
      if (cls.embedded) continue;
      expect(partitionOf(cls), cls.name).toBe(decls.filter((c) => c === cls || ancestorsOf(c).includes(cls)).length);
    }
    expect(partitionOf(Item)).toBeGreaterThan(0);
    const selectors = decls.reduce((n, c) => n + propertiesOf(c).filter((p) => p.prop.kind === 'embedded').length, 0);
    expect(value(d, `${VOID}entities`)).toBe(String(dataset.entities.length + selectors));
  });

  it.each(formats)('gives the canonical hash of the graph that the %s file holds', async (format) => {
    const dataset = DATASETS[0];
    if (!dataset) throw new Error('no dataset');
    const file = readFileSync(projectPath(`output/${dataset.name}.${FORMATS[format].ext}`), 'utf8');
    const quads = inDefaultGraph(await parse(format, file));
    const recorded = value(`${base}dataset/${dataset.name}/checksum`, `${SPDX}checksumValue`);
    expect(await canonicalHash(quads)).toBe(recorded);
  });

  it('changes its hash when one triple changes', async () => {
    const quads = [...entitiesQuads(sortedById(kitchenSink.entities), { base })];
    const changed = [...quads.slice(1), DataFactory.quad(quads[0]!.subject, quads[0]!.predicate, DataFactory.namedNode('http://example.org/other'))];
    expect(await canonicalHash(changed)).not.toBe(await canonicalHash(quads));
    expect(await canonicalHash([...quads].reverse())).toBe(await canonicalHash(quads));
  });

  it('holds no wall-clock time and names the licence, source and generating version', () => {
    const text = readFileSync(projectPath('output/void.ttl'), 'utf8');
    expect(text).not.toMatch(/xsd:dateTime|generatedAtTime|\d{4}-\d{2}-\d{2}T/);
    const d = `${base}dataset/article-000`;
    expect(value(d, 'http://purl.org/dc/terms/license')).toBe('https://creativecommons.org/licenses/by/4.0/');
    expect(value(d, 'http://purl.org/dc/terms/source')).toBe(`${base}doc/article-000`);
    expect(description.some((q) => q.predicate.value === 'https://schema.org/softwareVersion')).toBe(true);
  });

  it('is itself free of blank nodes and keyed by quad', () => {
    expect(description.filter((q) => q.subject.termType === 'BlankNode' || q.object.termType === 'BlankNode').map(quadKey)).toEqual([]);
  });
});

describe('the one registry of formats', () => {
  it.each([
    ['ttl', 'turtle'], ['TURTLE', 'turtle'], ['.ttl', 'turtle'], ['nt', 'ntriples'], ['n-triples', 'ntriples'], ['nq', 'nquads'],
    ['N-Quads', 'nquads'], ['trig', 'trig'], ['jsonld', 'jsonld'], ['json-ld', 'jsonld'], ['rdfxml', undefined], ['', undefined],
  ])('finds the format of %j: %s', (name, format) => {
    expect(formatNamed(name)).toBe(format);
  });

  it.each([
    ['a.ttl', undefined, 'text/turtle'], ['a.nt', undefined, 'application/n-triples'], ['dir.x/a', undefined, undefined],
    ['a.jsonld', undefined, undefined], ['a.txt', 'turtle', 'text/turtle'], ['a.ttl', 'nq', 'application/n-quads'], ['a.rdf', undefined, undefined],
  ])('reads %s (format %s) directly as %s', (path, override, mediaType) => {
    expect(directMediaType(path, override)).toBe(mediaType);
  });

  it('is what validate, import and query accept: the same aliases, and messages that list the same extensions', () => {
    expect(Object.keys(INPUT_FORMATS).sort()).toEqual(['n-quads', 'n-triples', 'nq', 'nquads', 'nt', 'ntriples', 'trig', 'ttl', 'turtle']);
    expect(DIRECT_EXTENSIONS).toBe('.ttl, .nt, .nq or .trig');
  });
});
