// The reader's UTF-8 check (Node's native check chunk by chunk; the byte-by-byte scan only places an error): sequences split by its 64 KiB chunks are read whole, errors past the first chunk are placed by line and column.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Quad } from '@rdfjs/types';
import { afterAll, describe, expect, it } from 'vitest';
import { parseFile, type Finding } from '../src/rdf/read.js';

const dir = mkdtempSync(join(tmpdir(), 'kg-utf8-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CHUNK = 1 << 16;
const line = (i: number, text: string): string => `<http://e.org/s${i}> <http://e.org/p> "${text}" .\n`;

async function read(bytes: Buffer): Promise<{ quads: Quad[]; findings: Finding[] }> {
  const path = join(dir, 'data.nt');
  writeFileSync(path, bytes);
  const findings: Finding[] = [];
  const quads: Quad[] = [];
  for await (const q of parseFile(path, 'application/n-triples', findings, 5)) quads.push(q);
  return { quads, findings };
}

/** Lines of ASCII up to `offset` bytes (the last one padded to end exactly there). */
function padding(offset: number): string {
  let text = '';
  for (let i = 0; ; i++) {
    const next = line(i, 'a'.repeat(40));
    if (Buffer.byteLength(text + next) > offset - 64) {
      const rest = offset - Buffer.byteLength(text) - Buffer.byteLength(line(i, ''));
      return text + line(i, 'b'.repeat(rest));
    }
    text += next;
  }
}

describe('the reader\'s UTF-8 check', () => {
  it.each([1, 2, 3])('reads a four-byte character split %i byte(s) before the end of a chunk', async (before) => {
    const head = padding(CHUNK - 60);
    const start = Buffer.byteLength(head) + Buffer.byteLength('<http://e.org/x> <http://e.org/p> "');
    const filler = 'c'.repeat(CHUNK - before - start);
    const { quads, findings } = await read(Buffer.from(`${head}<http://e.org/x> <http://e.org/p> "${filler}😀é" .\n`));
    expect(findings).toEqual([]);
    expect(quads.at(-1)?.object.value).toBe(`${filler}😀é`);
  });

  it('places a byte that is not UTF-8 in the second chunk by line and column, and a sequence cut short at the end', async () => {
    const head = padding(CHUNK + 1000);
    const lines = head.split('\n').length;
    const bad = await read(Buffer.concat([Buffer.from(`${head}<http://e.org/x> <http://e.org/p> "ab`), Buffer.from([0xff]), Buffer.from('" .\n')]));
    expect(bad.findings).toEqual([{ kind: 'syntax', line: lines, column: 38, message: 'not valid UTF-8 (byte 0xff)' }]);
    const cut = await read(Buffer.concat([Buffer.from(`${head}<http://e.org/x> <http://e.org/p> "ab" .\n`), Buffer.from([0xf0, 0x9f, 0x98])]));
    expect(cut.findings).toEqual([{ kind: 'syntax', line: lines + 1, column: 1, message: 'not valid UTF-8 (byte 0xf0)' }]);
  });
});
