// One reader: kg validate, kg import and kg roundtrip give the same verdict and the same file:line:column message for every format (encoding, BOM, empty input, syntax); JSON datasets and JSON-LD are read strictly (line:column, duplicate keys, unknown fields, numbers as written).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { positionsOf, scanJson } from '../src/rdf/json.js';
import { projectPath } from '../src/project.js';
import { runCli } from './helpers.js';
import { BOM, FORMATS, TINY, TinyExport, type Ext } from './tiny-export.js';

const BASE = 'https://w3id.org/news-kg/id/';


const tiny = new TinyExport('kg-parity-');
const clean = tiny.clean;
let dir: string;
let tinyJson: string;
beforeAll(async () => {
  await tiny.setUp();
  dir = tiny.dir;
  tinyJson = tiny.tinyJson;
});
afterAll(() => tiny.tearDown());
const caseFile = (ext: string, content: Buffer | string): string => tiny.caseFile(ext, content);

/** The line and column (in code points, 1-based) of a byte offset into UTF-8 bytes, counted the plain way: decode the bytes before it, split at LF. */
function placeOf(bytes: Buffer, offset: number, skip = 0): string {
  const before = bytes.subarray(skip, offset).toString('utf8').split('\n');
  return `${before.length}:${[...(before[before.length - 1] ?? '')].length + 1}`;
}

/** Runs validate, import (into a folder that must stay empty when it fails) and roundtrip on one file. */
async function readAll(path: string): Promise<{ validate: Awaited<ReturnType<typeof runCli>>; import: Awaited<ReturnType<typeof runCli>>; roundtrip: Awaited<ReturnType<typeof runCli>>; wrote: boolean }> {
  const out = join(dirname(path), 'imported.json');
  const validate = await runCli(['validate', path]);
  const imported = await runCli(['import', path, '--out', out]);
  const roundtrip = await runCli(['roundtrip', path, '--input', tinyJson]);
  return { validate, import: imported, roundtrip, wrote: existsSync(out) };
}

/** Expects validate, import and roundtrip to refuse a file they cannot parse alike: exit 2, and the one line `file:place: message`. */
async function expectUnparseable(path: string, place: string, message: string | RegExp): Promise<void> {
  const r = await readAll(path);
  const line = r.validate.stdout.replace(/\n$/, '');
  expect(r.validate.code, r.validate.stdout).toBe(2);
  expect(line.startsWith(`${path}:${place}: `), `${line} should start with ${path}:${place}`).toBe(true);
  expect(line.slice(`${path}:${place}: `.length)).toMatch(typeof message === 'string' ? new RegExp(`^${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : message);
  expect([r.import.code, r.import.stderr, r.wrote]).toEqual([2, `kg: ${line}\n`, false]);
  expect([r.roundtrip.code, r.roundtrip.stderr]).toEqual([2, `kg: ${line}\n`]);
}

describe.each(FORMATS)('validate, import and roundtrip read %s alike', (ext) => {
  /** Where the label "C" starts in the clean file: the byte offset of its C (the same text in every format). */
  const labelC = (bytes: Buffer): number => {
    const at = bytes.indexOf(ext === 'jsonld' ? '"@value": "C"' : '"C"');
    expect(at, 'the label "C" is in the export').toBeGreaterThanOrEqual(0);
    return bytes.indexOf('C"', at);
  };
  const splice = (bytes: Buffer, at: number, insert: number[]): Buffer => Buffer.concat([bytes.subarray(0, at), Buffer.from(insert), bytes.subarray(at)]);

  it('refuses a 0xFF byte, with its line and column', async () => {
    const bytes = clean.get(ext) as Buffer;
    const at = labelC(bytes);
    await expectUnparseable(caseFile(ext, splice(bytes, at, [0xff])), placeOf(bytes, at), 'not valid UTF-8 (byte 0xff)');
  });

  it('refuses a truncated multi-byte sequence, inside the file and at its end', async () => {
    const bytes = clean.get(ext) as Buffer;
    const at = labelC(bytes);
    await expectUnparseable(caseFile(ext, splice(bytes, at, [0xe2, 0x82])), placeOf(bytes, at), 'not valid UTF-8 (byte 0xe2)');
    await expectUnparseable(caseFile(ext, Buffer.concat([bytes, Buffer.from([0xf0, 0x9f, 0x98])])), placeOf(bytes, bytes.length), 'not valid UTF-8 (byte 0xf0)');
  });

  it('counts columns in code points, after a character outside the BMP', async () => {
    const line = ext === 'jsonld' ? '["😀", ' : '<http://e.org/a> <http://e.org/b> "😀" <http://e.org/c> .\n';
    const text = Buffer.from(line);
    const path = caseFile(ext, Buffer.concat([text.subarray(0, text.indexOf('"', text.indexOf('😀'))), Buffer.from([0xff]), text.subarray(text.indexOf('"', text.indexOf('😀')))]));
    await expectUnparseable(path, ext === 'jsonld' ? '1:4' : '1:37', 'not valid UTF-8 (byte 0xff)');
  });

  it('accepts a leading UTF-8 BOM: the same entities, valid, the same triples', async () => {
    const bytes = clean.get(ext) as Buffer;
    const path = caseFile(ext, Buffer.concat([BOM, bytes]));
    const r = await readAll(path);
    expect([r.validate.code, r.validate.stdout]).toEqual([0, `${path}: valid (9 triples, 2 entities)\n`]);
    expect([r.import.code, r.roundtrip.code], r.import.stderr + r.roundtrip.stderr).toEqual([0, 0]);
    const plain = caseFile(ext, bytes);
    const again = await runCli(['import', plain, '--out', '-']);
    expect(JSON.parse(readFileSync(join(dirname(path), 'imported.json'), 'utf8')).entities).toEqual(JSON.parse(again.stdout).entities);
  });

  it('counts lines and columns after the BOM, and refuses a second BOM as the character it is', async () => {
    const bad = ext === 'jsonld' ? '{"a" 1}' : '<http://e.org/a> <http://e.org/b> .\n';
    const plain = caseFile(ext, bad);
    const withBom = caseFile(ext, Buffer.concat([BOM, Buffer.from(bad)]));
    const place = ext === 'jsonld' ? '1:6' : '1:35';
    const r = await runCli(['validate', plain]);
    await expectUnparseable(withBom, place, r.stdout.replace(`${plain}:${place}: `, '').replace(/\n$/, ''));
    const twice = caseFile(ext, Buffer.concat([BOM, BOM, clean.get(ext) as Buffer]));
    await expectUnparseable(twice, '1:1', ext === 'jsonld' ? /^not valid JSON: expected a value .*, found U\+FEFF$/ : /^Unexpected U\+FEFF/);
  });

  it('refuses a syntax error at the end of the file with its line and column', async () => {
    const bytes = clean.get(ext) as Buffer;
    if (ext === 'jsonld') {
      const text = bytes.toString('utf8').trimEnd();
      await expectUnparseable(caseFile(ext, `${text},\n`), `${text.split('\n').length}:${[...(text.split('\n').pop() ?? '')].length + 1}`, "not valid JSON: expected the end of the text after the JSON value, found ','");
      return;
    }
    const path = caseFile(ext, Buffer.concat([bytes, Buffer.from('<http://e.org/a> <http://e.org/b> .\n')]));
    await expectUnparseable(path, `${bytes.toString('utf8').split('\n').length}:35`, /^Expected .* but got \.$/);
  });

  it('refuses RDF-star (RDF 1.2 triple terms) with the place of the first "<<"', async () => {
    if (ext === 'jsonld') return; // JSON-LD 1.1 has no triple terms
    const star = ext === 'nt' || ext === 'nq'
      ? '<http://e.org/a> <http://e.org/b> <<( <http://e.org/a> <http://e.org/b> <http://e.org/c> )>> .\n'
      : '<< <http://e.org/a> <http://e.org/b> <http://e.org/c> >> <http://e.org/d> <http://e.org/e> .\n';
    const bytes = clean.get(ext) as Buffer;
    const path = caseFile(ext, Buffer.concat([bytes, Buffer.from(star)]));
    await expectUnparseable(path, `${bytes.toString('utf8').split('\n').length}:${star.indexOf('<<') + 1}`, 'RDF-star / RDF 1.2 triple terms (<< … >>) are not supported: the data must be plain RDF 1.1');
  });

  it('refuses an empty file, and one with only a comment, alike', async () => {
    if (ext === 'jsonld') {
      await expectUnparseable(caseFile(ext, ''), '1:1', 'not valid JSON: the text is empty: expected a JSON value');
      await expectUnparseable(caseFile(ext, '# a comment\n'), '1:1', "not valid JSON: expected a value (an object, array, string, number, true, false or null), found '#'");
      return;
    }
    for (const content of ['', Buffer.from([]), '# a comment\n', Buffer.concat([BOM, Buffer.from('# a comment\n')])]) {
      const path = caseFile(ext, content);
      const r = await readAll(path);
      expect([r.validate.code, r.validate.stdout]).toEqual([1, `${path}: invalid (1 problem in 0 triples)\n  empty: the file holds no triples\n`]);
      expect([r.import.code, r.import.stderr, r.wrote]).toEqual([1, `kg: invalid input, nothing was written:\n  entity ${path}, field (empty): the file holds no triples\n`, false]);
    }
  });
});

describe('an id that breaks the id rule', () => {
  const prefixes = '@prefix kg: <https://w3id.org/news-kg/ontology#>.\n@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#>.\n@prefix person: <https://w3id.org/news-kg/id/person/>.\n';
  const rule = '"<prefix>/<slug>" or "<prefix>/<article>/<slug>" (lower-case letters, digits, hyphens)';

  it.each([
    ['a prefixed name in Turtle', 'ttl', `${prefixes}\nperson:p a kg:Person, kg:Agent, kg:Item; rdfs:label "P"@en.\nperson:a.b a kg:Person, kg:Agent, kg:Item;\n    rdfs:label "A"@en.\n`, 'person/a.b', '6:1'],
    ['a full IRI in N-Triples', 'nt', `<${BASE}person/A> <http://www.w3.org/2000/01/rdf-schema#label> "A"@en .\n`, 'person/A', '1:1'],
  ])('is named with the IRI, the rule and the place (%s)', async (_what, ext, content, id, place) => {
    const path = caseFile(ext, content);
    const problem = `entity ${id}, field id: <${BASE}${id}>: the id "${id}" is not of the form ${rule}`;
    const v = await runCli(['validate', path]);
    expect(v.code).toBe(1);
    expect(v.stdout).toContain(`  decode: ${problem} (entity at ${path}:${place})\n`);
    const i = await runCli(['import', path, '--out', join(dirname(path), 'out.json')]);
    expect(i.code).toBe(1);
    expect(i.stderr).toContain(`  ${problem} (entity at ${path}:${place})\n`);
    for (const text of [v.stdout, i.stderr]) expect(text).not.toMatch(/neither an entity IRI|field http:\/\/www\.w3\.org\/1999\/02\/22-rdf-syntax-ns#type/);
  });

  it('is named in a reference too', async () => {
    const path = caseFile('ttl', `${prefixes}@prefix office: <https://w3id.org/news-kg/id/office/>.\nperson:p a kg:Person, kg:Agent, kg:Item; rdfs:label "P"@en; kg:holds office:x_y.\n`);
    const i = await runCli(['import', path, '--out', '-']);
    expect(i.stderr).toContain(`entity person/p, field holds: <${BASE}office/x_y>: the id "office/x_y" is not of the form ${rule} (entity at ${path}:5:1)`);
  });
});

describe('JSON datasets (kg export --input, kg roundtrip --input)', () => {
  const json = JSON.stringify(TINY, null, 2);
  /** Runs export --input on a JSON text and checks that nothing was written when it fails. */
  const exportJson = async (content: string | Buffer): Promise<{ code: number; stderr: string; path: string }> => {
    const path = caseFile('json', content);
    const out = join(dirname(path), 'out');
    const r = await runCli(['export', '--input', path, '--out', out]);
    if (r.code !== 0) expect(existsSync(out), 'nothing is written when the input is refused').toBe(false);
    return { code: r.code, stderr: r.stderr, path };
  };

  it('reports a syntax error with its line and column (in code points), exit 2', async () => {
    const r = await exportJson('{\n  "name": "x",\n  "title": "😀 t" "entities": []\n}\n');
    expect([r.code, r.stderr]).toEqual([2, `kg: ${r.path}:3:18: not valid JSON: expected ',' or '}' after the value of "title", found '"'\n`]);
    const rt = await runCli(['roundtrip', join(dir, 'clean', 'tiny.nt'), '--input', r.path]);
    expect([rt.code, rt.stderr]).toEqual([2, r.stderr]);
  });

  it('refuses bytes that are not UTF-8 and an empty file with their place, exit 2', async () => {
    const bad = await exportJson(Buffer.concat([Buffer.from('{"name": "x\n", '), Buffer.from([0xc3, 0x28])]));
    expect([bad.code, bad.stderr]).toEqual([2, `kg: ${bad.path}:2:4: not valid UTF-8 (byte 0xc3)\n`]);
    const empty = await exportJson('');
    expect([empty.code, empty.stderr]).toEqual([2, `kg: ${empty.path}:1:1: not valid JSON: the text is empty: expected a JSON value\n`]);
  });

  it('skips a leading BOM: the same files as without it', async () => {
    const plain = await exportJson(json);
    const bom = await exportJson(Buffer.concat([BOM, Buffer.from(json)]));
    expect([plain.code, bom.code], bom.stderr).toEqual([0, 0]);
    const body = (p: string): string => readFileSync(join(dirname(p), 'out', 'tiny.ttl'), 'utf8').replace(/^#.*\n/gm, ''); // the header names the input file
    expect(body(bom.path)).toBe(body(plain.path));
  });

  it('refuses an unknown top-level field, naming it, its place and the fields allowed', async () => {
    const r = await exportJson(json.replace('"title"', '"titel": "x",\n  "title"'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`entity ${r.path}, field titel: unknown top-level field "titel" (at ${r.path}:3:3): a dataset file has only the fields name, title, entities`);
  });

  it('refuses a key given twice in one object, naming the key, its place and the entity', async () => {
    const twice = json.replace('"id": "person/p",', '"id": "person/p",\n      "label": [],');
    const r = await exportJson(twice);
    const line = twice.split('\n').findIndex((l) => l.includes('"label": [],')) + 1;
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`entity person/p, field label: the key "label" is given twice in one object (the second at ${r.path}:${line + 1}:7)`);
    const top = await exportJson(json.replace('"name": "tiny",', '"name": "tiny",\n  "name": "other",'));
    expect(top.stderr).toContain(`entity ${top.path}, field name: the key "name" is given twice in one object (the second at ${top.path}:3:3)`);
  });

  it('shows a number a double would round as written, with its entity, field and place', async () => {
    const r = await exportJson(json.replace('"id": "country/c",', '"id": "country/c",\n      "population": 9007199254740993,'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('entity country/c, field population: the number 9007199254740993 (as written) cannot be read exactly');
    expect(r.stderr).toContain('so it would become 9007199254740992');
    expect(r.stderr).toMatch(new RegExp(`\\(at ${r.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:21\\)`));
  });

  it('refuses an escaped lone surrogate as written, with its entity, field and place', async () => {
    const r = await exportJson(json.replace('"value": "C"', '"value": "C\\udc00"'));
    const line = json.split('\n').findIndex((l) => l.includes('"value": "C"')) + 1;
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`entity country/c, field label[0].value: \\udc00 (as written, at ${r.path}:${line}:${(json.split('\n')[line - 1] ?? '').indexOf('"C"') + 3}) is half of a UTF-16 surrogate pair with no other half`);
  });

  it('names the place of an entity the checks refuse', async () => {
    const r = await exportJson(json.replace('"id": "country/c"', '"id": "country/C"'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`entity country/C, .*\\(declared at ${r.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:5\\)`));
  });
});

describe('JSON-LD read strictly', () => {
  it.each([
    ['a key given twice', '{\n  "@id": "https://w3id.org/news-kg/id/person/p",\n  "@id": "https://w3id.org/news-kg/id/person/q"\n}',
      'https://w3id.org/news-kg/id/person/q', '$', 'the key "@id" is given twice in one object', '3:3'],
    ['a number a double rounds', '{\n  "@context": {"@vocab": "https://e.org/"},\n  "n": 12345678901234567890\n}',
      undefined, 'n', 'the number 12345678901234567890 (as written) cannot be read exactly', '3:8'],
    ['a lone surrogate escape', '{\n  "@id": "https://w3id.org/news-kg/id/person/p",\n  "http://www.w3.org/2000/01/rdf-schema#label": {"@value": "a\\uD800b", "@language": "en"}\n}',
      'https://w3id.org/news-kg/id/person/p', '["http://www.w3.org/2000/01/rdf-schema#label"].@value', '\\uD800 (as written) is half of a UTF-16 surrogate pair with no other half', '3:62'],
  ])('refuses %s in validate and import alike (exit 1), naming the node, the JSON path and the place', async (_what, content, node, field, message, place) => {
    const path = caseFile('jsonld', content);
    const v = await runCli(['validate', path]);
    expect(v.code, v.stdout).toBe(1);
    expect(v.stdout).toContain(`  decode: ${node === undefined ? '' : `entity ${node}, `}field ${field}: ${message}`);
    expect(v.stdout).toContain(`(${node === undefined ? 'at' : 'entity at'} ${path}:${place})\n`);
    const i = await runCli(['import', path, '--out', '-']);
    expect(i.code, i.stderr).toBe(1);
    expect(i.stderr).toContain(node === undefined ? `entity ${path}:${place}, field ${field}: ${message}` : `entity ${node}, field ${field}: ${message}`);
    if (node !== undefined) expect(i.stderr).toContain(`(at ${path}:${place})\n`);
  });

  it('tells a graph the JSON-LD gives that cannot be read without a line of the file (the line is the graph\'s)', async () => {
    // (an "@language" that is no BCP 47 tag is refused before, in the JSON, with its node and place)
    const path = caseFile('jsonld', '{"@id": "https://w3id.org/news-kg/id/person/p", "http://www.w3.org/2000/01/rdf-schema#seeAlso": {"@id": "http://e.org/a<b"}}');
    const message = `${path}: the graph of this JSON-LD cannot be read: Unexpected "<http://e.org/a\\u003Cb>" (line 1 of that graph as N-Quads)`;
    const r = await readAll(path);
    expect([r.validate.code, r.validate.stdout]).toEqual([2, `${message}\n`]);
    expect([r.import.code, r.import.stderr, r.wrote]).toEqual([2, `kg: ${message}\n`, false]);
  });
});

describe('options every reader takes', () => {
  it.each([['news-kg/id/'], ['http://e.org/a#/'], ['http://e.org/a']])('refuses --base %s up front in validate, import and roundtrip (exit 2, naming --base)', async (base) => {
    const file = join(dir, 'clean', 'tiny.ttl');
    for (const args of [['validate', file], ['import', file, '--out', '-'], ['roundtrip', file, '--input', tinyJson]]) {
      const r = await runCli([...args, '--base', base]);
      expect([r.code, r.stdout], args[0]).toEqual([2, '']);
      expect(r.stderr, args[0]).toMatch(new RegExp(`^kg: .*${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*--base`));
    }
  });

  it('kg roundtrip --input checks the dataset as kg export --input does, naming the entity and where it is declared', async () => {
    const path = caseFile('json', JSON.stringify({ ...TINY, entities: [...TINY.entities, { type: 'Person', id: 'person/a.b', label: [{ value: 'A', lang: 'en' }] }] }, null, 2));
    const r = await runCli(['roundtrip', join(dir, 'clean', 'tiny.ttl'), '--input', path]);
    expect([r.code, r.stdout]).toEqual([1, '']);
    expect(r.stderr).toMatch(new RegExp(`entity person/a\\.b, field id: .*"person/a\\.b".*\\(declared at ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:5\\)`));
  });
});

describe('the built kg on standard input', () => {
  const CLI = projectPath('dist/src/cli.js');
  const kg = (args: readonly string[], input: Buffer | string): { code: number | null; stdout: string; stderr: string } => {
    const r = spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8' });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it('names <stdin> in roundtrip, import and validate errors, with the same line', () => {
    expect(existsSync(CLI), `${CLI} is missing: run npm run build first`).toBe(true);
    const bad = Buffer.concat([BOM, Buffer.from('<http://e.org/a> <http://e.org/b> "x\xff" .\n', 'latin1')]);
    const validate = kg(['validate', '-', '--input-format', 'nt'], bad);
    expect([validate.code, validate.stdout]).toEqual([2, '<stdin>:1:37: not valid UTF-8 (byte 0xff)\n']);
    expect(kg(['import', '-', '--input-format', 'nt', '--out', '-'], bad)).toEqual({ code: 2, stdout: '', stderr: 'kg: <stdin>:1:37: not valid UTF-8 (byte 0xff)\n' });
    expect(kg(['roundtrip', '-', '--input', tinyJson, '--input-format', 'nt'], bad)).toEqual({ code: 2, stdout: '', stderr: 'kg: <stdin>:1:37: not valid UTF-8 (byte 0xff)\n' });
  });

  it('imports a file with a BOM from standard input', () => {
    const r = kg(['import', '-', '--out', '-'], Buffer.concat([BOM, clean.get('ttl') as Buffer]));
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { entities: unknown[] }).entities).toHaveLength(2);
  });
});

describe('the JSON scan', () => {
  /** A seeded generator (a linear congruential one), so that the corpus is the same on every run. */
  const random = (seed: number): (() => number) => () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;

  it('finds an error exactly where JSON.parse does, over 20 000 mutated documents', () => {
    const next = random(14);
    const pieces = ['{', '}', '[', ']', ':', ',', '"', '\\', 'u', '0', '1', '-', '+', '.', 'e', 't', 'r', 'f', 'n', 'l', ' ', '\n', '\t', '\u0001', 'é', '😀', 'x', '/'];
    const seeds = ['{"a":[1,2,{"b":"c\\n"}],"d":-0.5e+3,"e":true,"f":null}', '[]', '{}', '"\\u00e9"', '123', '[1e5,2E-3,0,-0]'];
    const disagreements: string[] = [];
    for (let k = 0; k < 20_000; k++) {
      let s = seeds[Math.floor(next() * seeds.length)] as string;
      for (let e = Math.floor(next() * 4); e > 0; e--) {
        const at = Math.floor(next() * (s.length + 1));
        const piece = pieces[Math.floor(next() * pieces.length)] as string;
        const op = next();
        s = op < 0.4 ? s.slice(0, at) + piece + s.slice(at) : op < 0.7 ? s.slice(0, at) + s.slice(at + 1) : s.slice(0, at) + piece + s.slice(at + 1);
      }
      let parses = true;
      try { JSON.parse(s); } catch { parses = false; }
      if (parses === Boolean(scanJson(s).error)) disagreements.push(s);
    }
    expect(disagreements).toEqual([]);
  });

  it('finds duplicate keys however they are written, and numbers a double rounds', () => {
    const scan = scanJson('{"a":1,"b":{"x":1,"x":2},"a":3,"c":[{"k":1,"\\u006b":2}],"n":[9007199254740993,9007199254740992,1e400,1.5,-0]}');
    expect(scan.duplicates.map((d) => [d.key, d.path])).toEqual([['x', ['b']], ['a', []], ['k', ['c', 0]]]);
    expect(scan.inexact.map((d) => [d.text, d.path])).toEqual([['9007199254740993', ['n', 0]], ['1e400', ['n', 2]]]);
  });

  it('scans any depth of nesting without recursion', () => {
    expect(scanJson(`${'['.repeat(100_000)}${']'.repeat(100_000)}`).error).toBeUndefined();
    expect(scanJson(`${'['.repeat(100_000)}${']'.repeat(99_999)}`).error?.offset).toBe(199_999);
  });

  it('counts lines at LF and columns in code points', () => {
    const text = 'a😀b\r\nc\nd';
    expect(positionsOf(text, [3, 7, 5, 0])).toEqual([{ line: 1, column: 3 }, { line: 2, column: 2 }, { line: 1, column: 5 }, { line: 1, column: 1 }]);
  });
});
