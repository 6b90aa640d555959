// Atomic writes: a file appears complete or not at all, and a failure part-way leaves the folder as it was.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFilesAtomically } from '../src/rdf/atomic.js';

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'kg-atomic-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const contents = (): Record<string, string> => Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f), 'utf8')]));

describe('writeFilesAtomically', () => {
  it('writes every file, creating the folder when needed', async () => {
    const sub = join(dir, 'new');
    await writeFilesAtomically([
      { path: join(sub, 'a.ttl'), write: (sink) => { sink('A1'); sink('A2'); } },
      { path: join(sub, 'b.ttl'), write: async (sink) => { sink('B'); } },
    ]);
    expect(readdirSync(sub).sort()).toEqual(['a.ttl', 'b.ttl']);
    expect(readFileSync(join(sub, 'a.ttl'), 'utf8')).toBe('A1A2');
  });

  it('leaves every target untouched and no temporary file when a write fails part-way', async () => {
    writeFileSync(join(dir, 'a.ttl'), 'old a');
    writeFileSync(join(dir, 'b.ttl'), 'old b');
    await expect(writeFilesAtomically([
      { path: join(dir, 'a.ttl'), write: (sink) => { sink('new a'); } },
      { path: join(dir, 'b.ttl'), write: (sink) => { sink('half of b'); throw new Error('disk on fire'); } },
    ])).rejects.toThrow('disk on fire');
    expect(contents()).toEqual({ 'a.ttl': 'old a', 'b.ttl': 'old b' });
  });

  it('replaces an existing file by the new content', async () => {
    writeFileSync(join(dir, 'a.ttl'), 'old');
    await writeFilesAtomically([{ path: join(dir, 'a.ttl'), write: (sink) => { sink('new'); } }]);
    expect(contents()).toEqual({ 'a.ttl': 'new' });
  });
});
