// Re-reads an export and compares it, triple by triple and in bounded memory, with what the entities produce now.
import { createReadStream, statSync } from 'node:fs';
import { extname } from 'node:path';
import type { Quad } from '@rdfjs/types';
import { DataFactory, StreamParser, Writer } from 'n3';
import type { Dataset } from './dataset.js';
import { entitiesQuads, sortedById } from './encode.js';
import { DataError } from './errors.js';
import { hash53 } from './validate.js';

/** The outcome of a round-trip check. */
export interface RoundtripReport {
  readonly fileTriples: number;
  readonly expectedTriples: number;
  /** True when the file holds exactly the expected triples (in whatever order). */
  readonly same: boolean;
  /** True when they also come in the same order (as the exporter writes them). */
  readonly sameOrder: boolean;
  /** The first positions where the file and the entities disagree: `#n: file <line>, entities <line>`. */
  readonly differences: readonly string[];
}

const MOD = 2 ** 52;
const FORMATS: Readonly<Record<string, string>> = { '.ttl': 'text/turtle', '.nt': 'application/n-triples', '.nq': 'application/n-quads', '.trig': 'application/trig' };

/** An order-independent fingerprint of a multiset of lines: two sums of 52-bit hashes. */
class MultisetHash {
  a = 0;
  b = 0;
  /** Adds one line. */
  add(line: string): void {
    this.a = (this.a + (hash53(line) % MOD)) % MOD;
    this.b = (this.b + (hash53(`~${line}`) % MOD)) % MOD;
  }
  /** Whether two fingerprints are equal. */
  equals(other: MultisetHash): boolean {
    return this.a === other.a && this.b === other.b;
  }
}

/** Compares a file (.ttl, .nt, .nq, .trig; graphs ignored) with the quads of some datasets, holding one article at a time. */
export async function roundtrip(path: string, datasets: Iterable<Dataset>, options: { base: string; maxDifferences?: number }): Promise<RoundtripReport> {
  const format = FORMATS[extname(path)];
  if (!format) throw new DataError([{ entity: path, field: '(file)', message: 'unknown RDF format: use .ttl, .nt, .nq or .trig' }]);
  try { statSync(path); } catch (error) {
    throw new DataError([{ entity: path, field: '(file)', message: `cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}` }]);
  }
  const line = new Writer({ format: 'N-Triples' });
  const toLine = (q: Quad): string => line.quadToString(q.subject, q.predicate, q.object, DataFactory.defaultGraph());
  function* expected(): Generator<string> {
    for (const d of datasets) for (const q of entitiesQuads(sortedById(d.entities), options)) yield toLine(q);
  }
  const want = expected();
  const fileHash = new MultisetHash();
  const wantHash = new MultisetHash();
  const differences: string[] = [];
  const max = options.maxDifferences ?? 5;
  let n = 0;
  let expectedCount = 0;
  const parser = createReadStream(path).pipe(new StreamParser({ format }));
  try {
    for await (const q of parser) {
      n++;
      const got = toLine(q as Quad).trimEnd();
      fileHash.add(got);
      const next = want.next();
      if (!next.done) { expectedCount++; wantHash.add(next.value.trimEnd()); }
      const w = next.done ? '(nothing)' : next.value.trimEnd();
      if (got !== w && differences.length < max) differences.push(`#${n}: file ${got} | entities ${w}`);
    }
  } catch (error) {
    throw new DataError([{ entity: path, field: '(file)', message: `cannot parse: ${(error as Error).message}` }]);
  }
  for (let next = want.next(); !next.done; next = want.next()) {
    expectedCount++;
    wantHash.add(next.value.trimEnd());
    if (differences.length < max) differences.push(`#${expectedCount}: file (nothing) | entities ${next.value.trimEnd()}`);
  }
  const same = n === expectedCount && fileHash.equals(wantHash);
  return { fileTriples: n, expectedTriples: expectedCount, same, sameOrder: same && differences.length === 0, differences };
}
