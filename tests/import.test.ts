// kg import reads through the same reader as kg validate: what one refuses, the other refuses, naming file:line:column.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
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
