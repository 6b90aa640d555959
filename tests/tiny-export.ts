// A tiny dataset exported in every format, and case files made from it: the shared set-up of the reader tests (reader-parity, query-read).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { runCli } from './helpers.js';

/** A UTF-8 byte order mark. */
export const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
/** The file extensions the tiny dataset is exported in. */
export const FORMATS = ['ttl', 'nt', 'nq', 'trig', 'jsonld'] as const;
export type Ext = (typeof FORMATS)[number];

/** A small dataset with a non-ASCII and a non-BMP character. */
export const TINY = {
  name: 'tiny', title: 'Tiny',
  entities: [
    { type: 'Person', id: 'person/p', label: [{ value: 'P é 😀', lang: 'en' }] },
    { type: 'Country', id: 'country/c', label: [{ value: 'C', lang: 'en' }] },
  ],
};

/** A temporary folder holding TINY as JSON and its export in every format (`setUp` in beforeAll, `tearDown` in afterAll). */
export class TinyExport {
  dir = '';
  tinyJson = '';
  /** The bytes of each clean export. */
  readonly clean = new Map<Ext, Buffer>();
  private n = 0;

  constructor(private readonly prefix: string) {}

  /** Makes the folder, writes TINY and exports it with `kg export --format all`. */
  async setUp(): Promise<void> {
    this.dir = mkdtempSync(join(tmpdir(), this.prefix));
    this.tinyJson = join(this.dir, 'tiny.json');
    writeFileSync(this.tinyJson, JSON.stringify(TINY));
    const r = await runCli(['export', '--input', this.tinyJson, '--out', join(this.dir, 'clean'), '--format', 'all']);
    expect(r.code, r.stderr).toBe(0);
    for (const ext of FORMATS) this.clean.set(ext, readFileSync(join(this.dir, 'clean', `tiny.${ext}`)));
  }

  /** Removes the folder. */
  tearDown(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** Writes a case file `x.<ext>`, each in a folder of its own (so that roundtrip finds no dataset by its name). */
  caseFile(ext: string, content: Buffer | string): string {
    const folder = join(this.dir, `case-${++this.n}`);
    mkdirSync(folder);
    const path = join(folder, `x.${ext}`);
    writeFileSync(path, content);
    return path;
  }
}
