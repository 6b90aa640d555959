// kg import reads through the same reader as kg validate: what one refuses, the other refuses, naming file:line:column.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { datasetJson } from '../src/commands/run/import.js';
import { importFile } from '../src/commands/import.js';
import { validateFile } from '../src/commands/validate.js';
import { DataError } from '../src/errors.js';
import { ParseError } from '../src/rdf/read.js';
import { DEFAULT_BASE } from '../src/model/vocab.js';
import { projectPath } from '../src/project.js';

const dir = mkdtempSync(join(tmpdir(), 'kg-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('kg import and kg validate read alike', () => {
  it.each([
    ['not valid UTF-8', 'bad-utf8.ttl', Buffer.from([0x3c, 0x61, 0x3e, 0x20, 0xff, 0x0a]), ParseError, /^.*bad-utf8\.ttl:1:5: not valid UTF-8 \(byte 0xff\)$/],
    ['an empty file', 'empty.ttl', '', DataError, /the file holds no triples/],
    ['a comment only', 'comment.ttl', '# nothing here\n', DataError, /the file holds no triples/],
    ['a syntax error', 'syntax.ttl', '<http://e.org/a> <http://e.org/b> .\n', ParseError, /^.*syntax\.ttl:1:\d+: /],
    ['RDF-star', 'star.ttl', '<< <http://e.org/a> <http://e.org/b> <http://e.org/c> >> <http://e.org/d> <http://e.org/e> .\n', ParseError, /star\.ttl:1:1: RDF-star/],
  ])('refuse %s, import with the place and the rule', async (_case, name, content, kind, message) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    const report = await validateFile(path, { base: DEFAULT_BASE, shapes: [], shaclMaxTriples: 0 });
    expect(report.status).toBe(kind === ParseError ? 'unreadable' : 'invalid');
    const error = await importFile(path, { base: DEFAULT_BASE }).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(kind);
    expect((error as Error).message).toMatch(message);
    if (error instanceof ParseError) expect(error.findings).toEqual(report.findings);
  });

  it('both accept the export', async () => {
    const path = projectPath('output/article-000.ttl');
    expect((await validateFile(path, { base: DEFAULT_BASE, shapes: [], shaclMaxTriples: 0 })).status).toBe('valid');
    expect((await importFile(path, { base: DEFAULT_BASE })).entities.length).toBeGreaterThan(100);
  });

  it('both read JSON-LD, the format the export also writes: the same graph as the Turtle', async () => {
    const ttl = await importFile(projectPath('output/article-000.ttl'), { base: DEFAULT_BASE });
    const jsonld = await importFile(projectPath('output/article-000.jsonld'), { base: DEFAULT_BASE });
    expect(jsonld.entities).toEqual(ttl.entities);
    const report = await validateFile(projectPath('output/article-000.jsonld'), { base: DEFAULT_BASE, shapes: [], shaclMaxTriples: 0 });
    expect([report.status, report.entities]).toEqual(['valid', ttl.entities.length]);
    expect(report.file).toBe(projectPath('output/article-000.jsonld'));
  });

  it('both refuse JSON that is not JSON-LD of a graph, naming the file', async () => {
    const path = join(dir, 'bad.jsonld');
    writeFileSync(path, '{ "@context": {}, ');
    expect((await validateFile(path, { base: DEFAULT_BASE, shapes: [], shaclMaxTriples: 0 })).status).toBe('unreadable');
    await expect(importFile(path, { base: DEFAULT_BASE })).rejects.toThrow(/^.*bad\.jsonld:1:19: not valid JSON: expected a member name in double quotes, found the end of the text$/);
  });

  it('kg roundtrip reads through the same reader: JSON-LD, and syntax errors with file:line:column', async () => {
    const { roundtrip } = await import('../src/commands/roundtrip.js');
    const { DATASETS } = await import('../src/data/index.js');
    const article = DATASETS.filter((d) => d.name === 'article-000');
    expect((await roundtrip(projectPath('output/article-000.jsonld'), () => article, { base: DEFAULT_BASE })).same).toBe(true);
    const path = join(dir, 'broken.nt');
    writeFileSync(path, '<http://e.org/a> <http://e.org/b> .\n');
    await expect(roundtrip(path, () => article, { base: DEFAULT_BASE })).rejects.toThrow(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1:35: Expected entity but got \\.$`));
  });
});

describe('kg import of N-Triples and N-Quads (read straight to terms, entity by entity)', () => {
  it('gives the dataset the Turtle gives', async () => {
    const ttl = await importFile(projectPath('output/article-000.ttl'), { base: DEFAULT_BASE });
    for (const file of ['output/article-000.nt', 'output/article-000.nq']) {
      const read = await importFile(projectPath(file), { base: DEFAULT_BASE });
      expect(JSON.stringify(read.entities)).toBe(JSON.stringify(ttl.entities));
      expect(read.title).toBe(ttl.title);
    }
  });

  /** The error importFile throws for a file, or undefined. */
  const failure = (path: string, options: { inputFormat?: string } = {}): Promise<unknown> => importFile(path, { base: DEFAULT_BASE, ...options }).then(() => undefined, (e: unknown) => e);
  const lines = readFileSync(projectPath('output/article-000.nt'), 'utf8').split('\n');

  it.each([
    ['a syntax error', (ls: string[]) => [...ls.slice(0, 5), '<http://e.org/a> <http://e.org/b> .', ...ls.slice(5)]],
    ['a blank node', (ls: string[]) => [...ls.slice(0, 5), `${ls[5]?.split(' ')[0]} <http://www.w3.org/2000/01/rdf-schema#label> _:b .`, ...ls.slice(5)]],
    ['a required triple missing', (ls: string[]) => ls.filter((l) => !l.includes('#hasSource>') || !l.includes('sentence-02>'))],
    ['an entity written in two runs', (ls: string[]) => [...ls.slice(4), ...ls.slice(0, 4)]],
    ['a value of the wrong datatype', (ls: string[]) => ls.map((l) => l.replace('XMLSchema#nonNegativeInteger>', 'XMLSchema#integer>'))],
  ])('gives the one reader\'s verdict for a file with %s, whatever its format', async (what, change) => {
    const text = change(lines).join('\n');
    writeFileSync(join(dir, 'changed.nt'), text);
    writeFileSync(join(dir, 'changed.ttl'), text);
    const nt = await failure(join(dir, 'changed.nt'));
    const ttl = await failure(join(dir, 'changed.ttl'));
    const asTurtle = await failure(join(dir, 'changed.nt'), { inputFormat: 'ttl' });
    if (what === 'an entity written in two runs') {
      expect([nt, ttl, asTurtle]).toEqual([undefined, undefined, undefined]);
      return;
    }
    expect(nt).toBeInstanceOf(Error);
    expect((nt as Error).constructor).toBe((asTurtle as Error).constructor);
    expect((nt as Error).message).toBe((asTurtle as Error).message);
    expect((nt as Error).message).toBe((ttl as Error).message.replaceAll('changed.ttl', 'changed.nt'));
    if (nt instanceof ParseError) expect(nt.findings).toEqual((await validateFile(join(dir, 'changed.nt'), { base: DEFAULT_BASE, shapes: [], shaclMaxTriples: 0 })).findings);
    else expect((nt as Error).message).toMatch(/\(entity at .*changed\.nt:\d+:1\)/);
  });
});

describe('the JSON kg import writes', () => {
  const whole = (dataset: { entities: unknown[] }): string => [...datasetJson(dataset)].join('');

  it('is JSON.stringify(dataset, null, 2) and a line end, written entity by entity', async () => {
    const dataset = await importFile(projectPath('output/article-000.nt'), { base: DEFAULT_BASE });
    const pieces = [...datasetJson(dataset)];
    expect(pieces.length).toBeGreaterThan(3);
    expect(pieces.join('')).toBe(`${JSON.stringify(dataset, null, 2)}\n`);
  });

  it('is JSON.stringify(dataset, null, 2) for any JSON values, no entities, or a key left undefined', () => {
    fc.assert(fc.property(fc.string(), fc.jsonValue(), fc.array(fc.jsonValue(), { maxLength: 5 }), (name, title, entities) => {
      const dataset = { name, title, entities };
      expect(whole(dataset)).toBe(`${JSON.stringify(dataset, null, 2)}\n`);
    }), { numRuns: 500 });
    const many = Array.from({ length: 1000 }, (_, k) => ({ type: 'T', id: `t/${k}`, n: k, list: [k, { text: `line\n${k}` }], empty: [], none: {} }));
    for (const dataset of [{ name: 'x', entities: [] }, { name: undefined, entities: [{ a: 1 }] }, { entities: [{ a: [1, { b: '\n"' }] }], name: 'last' }, { name: 'many', entities: many }]) {
      expect(whole(dataset)).toBe(`${JSON.stringify(dataset, null, 2)}\n`);
    }
  });
});

