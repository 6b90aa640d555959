// Round trips over every dataset and the kitchen sink: entities -> quads -> Turtle -> quads -> entities.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import oxigraph from 'oxigraph';
import { describe, expect, it } from 'vitest';
import { assertValid } from '../src/check.js';
import { CLASSES, ENTITY_CLASSES, type Entity } from '../src/classes.js';
import type { Dataset } from '../src/dataset.js';
import { decodeQuads } from '../src/decode.js';
import { canonicalEntity, classOf, entitiesQuads, sortedById } from '../src/encode.js';
import { DataError } from '../src/errors.js';
import { dataTurtleOptions, exportAll } from '../src/export.js';
import { DATASETS } from '../src/data/index.js';
import { projectPath } from '../src/project.js';
import { propertiesOf, type ClassDecl } from '../src/schema.js';
import { turtleString } from '../src/turtle.js';
import { DEFAULT_BASE } from '../src/vocab.js';
import { kitchenSink } from './fixtures/kitchen-sink.js';
import { ALL_DATASETS, parseTurtle, quadSet } from './helpers.js';

const options = { base: DEFAULT_BASE };

async function toTurtle(dataset: Dataset, base = DEFAULT_BASE): Promise<string> {
  return turtleString(entitiesQuads(sortedById(dataset.entities), { base }), dataTurtleOptions(dataset, { base }));
}

describe.each(ALL_DATASETS.map((d) => [d.name, d] as const))('dataset %s', (_name, dataset) => {
  it('passes the checker', () => {
    expect(() => assertValid(dataset.entities)).not.toThrow();
  });

  it('gives the same set of quads after Turtle and back', async () => {
    const quads = [...entitiesQuads(dataset.entities, options)];
    const parsed = parseTurtle(await toTurtle(dataset));
    expect(quadSet(parsed)).toEqual(quadSet(quads));
    expect(parsed.length).toBe(new Set(quadSet(quads)).size);
  });

  it('decodes from Turtle into entities deep-equal to the originals', async () => {
    const decoded = decodeQuads(parseTurtle(await toTurtle(dataset)), options);
    const expected = sortedById(dataset.entities).map((e) => canonicalEntity(e, options));
    expect(decoded).toEqual(expected);
  });

  it('round-trips under another base IRI too, in a file that a strict parser (Oxigraph) also reads', async () => {
    const base = 'http://example.org/other/kg/';
    const turtle = await toTurtle(dataset, base);
    expect(oxigraph.parse(turtle, { format: 'text/turtle' }).length).toBe(parseTurtle(turtle).length);
    const decoded = decodeQuads(parseTurtle(turtle), { base });
    expect(decoded).toEqual(sortedById(dataset.entities).map((e) => canonicalEntity(e, { base })));
  });

  it('has no blank nodes', async () => {
    const parsed = parseTurtle(await toTurtle(dataset));
    const blank = parsed.filter((q) => q.subject.termType === 'BlankNode' || q.object.termType === 'BlankNode');
    expect(blank).toEqual([]);
  });

  it('gives identical bytes on every run and in any authoring order', async () => {
    const first = await toTurtle(dataset);
    const reversed = await toTurtle({ ...dataset, entities: [...dataset.entities].reverse() });
    expect(reversed).toBe(first);
    expect(await toTurtle(dataset)).toBe(first);
  });
});

describe('the kitchen sink', () => {
  it('has an entity of every concrete class', () => {
    const used = new Set(kitchenSink.entities.map((e) => e.type));
    expect(ENTITY_CLASSES.map((c) => c.name).filter((n) => !used.has(n))).toEqual([]);
  });

  it('sets every property of every class at least once', () => {
    const used = new Set<string>();
    const visit = (decl: ClassDecl, fields: Record<string, unknown>): void => {
      for (const { key, prop, owner } of propertiesOf(decl)) {
        const v = fields[key];
        if (v === undefined || (Array.isArray(v) && v.length === 0)) continue;
        used.add(`${owner.name}.${key}`);
        if (prop.kind === 'embedded') visit(prop.cls, v as Record<string, unknown>);
      }
    };
    for (const e of kitchenSink.entities) visit(classOf(e), e as unknown as Record<string, unknown>);
    const declared = CLASSES.flatMap((c) => Object.keys(c.props).map((k) => `${c.name}.${k}`));
    expect(declared.filter((p) => !used.has(p))).toEqual([]);
  });

  it('uses every literal datatype and language tags other than English', async () => {
    const turtle = await toTurtle(kitchenSink);
    for (const dt of ['xsd:date', 'xsd:gYearMonth', 'xsd:gYear', 'xsd:integer', 'xsd:nonNegativeInteger']) {
      expect(turtle, dt).toMatch(new RegExp(`"\\^\\^${dt}[;.,\\s]`));
    }
    expect(turtle, 'xsd:boolean, written bare').toMatch(/kg:evidenceOffered false[;.]/);
    expect(turtle).toContain('@de-ch');
  });
});

describe('strings', () => {
  const awkward = fc.oneof(
    fc.constantFrom('"', '\\', '\n', '\r', '\t', '\u0000', '\u0001', '\u001f', '\u007f', '\u200f', '\u202e', '\u2028', '😀', '𝄞', '\ufffe', '\uffff', "'", '"""', '<', '>', '@', '^^', '#', ' '),
    fc.string({ unit: 'binary', maxLength: 3 }),
  );
  const text = fc.array(awkward, { minLength: 1, maxLength: 12 }).map((parts) => parts.join('')).filter((s) => s.trim() !== '');
  const lang = fc.constantFrom('en', 'fr', 'de-ch', 'ar', 'he', 'zh-hant', 'x-private');

  it('any Unicode string survives the round trip exactly, as plain and language-tagged literal', async () => {
    await fc.assert(fc.asyncProperty(text, text, lang, async (label, verbatim, tag) => {
      const entities: Entity[] = [
        { type: 'Person', id: 'person/p', label: [{ value: label, lang: tag }] },
        { type: 'Region', id: 'place/r', label: [{ value: verbatim, lang: 'en' }], description: [{ value: verbatim, lang: tag }, { value: label, lang: 'x-other' }] },
        { type: 'Group', id: 'group/g', label: [{ value: 'g', lang: 'en' }] },
      ];
      assertValid(entities);
      const dataset = { name: 'p', title: 't', entities };
      const decoded = decodeQuads(parseTurtle(await toTurtle(dataset)), options);
      expect(decoded).toEqual(sortedById(entities).map((e) => canonicalEntity(e, options)));
    }), { numRuns: 300 });
  });

  it.each([
    ['a lone high surrogate', 'abc\uD800def', 'U+D800 at index 3'],
    ['a lone low surrogate', '\uDC00', 'U+DC00 at index 0'],
    ['reversed surrogates', '\uDE00\uD83D', 'U+DE00 at index 0'],
  ])('rejects %s with an error naming entity, field and position', (_what, value, where) => {
    const entities: Entity[] = [{ type: 'Person', id: 'person/p', label: [{ value, lang: 'en' }] }];
    expect(() => assertValid(entities)).toThrow(DataError);
    expect(() => assertValid(entities)).toThrow(`entity person/p, field label: string contains a lone surrogate ${where}, which RDF cannot carry`);
  });
});

describe('the committed output', () => {
  it('equals what the export writes now', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kg-export-'));
    try {
      const written = await exportAll(DATASETS, dir, { ...options, formats: ['turtle', 'ntriples', 'nquads', 'trig', 'jsonld'] });
      const committed = projectPath('output');
      expect(readdirSync(committed).sort()).toEqual(written.map((p) => p.slice(dir.length + 1)).sort());
      for (const path of written) {
        const name = path.slice(dir.length + 1);
        expect(readFileSync(join(committed, name), 'utf8'), `output/${name} is stale: run npm run export`).toBe(readFileSync(path, 'utf8'));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
