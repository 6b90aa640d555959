// Shared helpers of the tests: parsing Turtle, comparing quad sets, the datasets to run over, capturing CLI output.
import { existsSync, readFileSync } from 'node:fs';
import { Parser } from 'n3';
import type { Quad } from '@rdfjs/types';
import { vi } from 'vitest';
import { main } from '../src/cli/main.js';
import { DATASETS } from '../src/data/index.js';
import type { Dataset } from '../src/mapping/dataset.js';
import { kitchenSink } from './fixtures/kitchen-sink.js';
import { projectPath } from '../src/project.js';

/** Every real dataset plus the kitchen sink: the round-trip tests run over all of them. */
export const ALL_DATASETS: readonly Dataset[] = [...DATASETS, kitchenSink];

/**
 * Reads a file the tests need from inside the repo (path relative to the project root, UTF-8).
 * @throws Error naming the absolute path it looked for when the file is missing, so a missing fixture fails loudly.
 */
export function readProjectFile(relative: string): string {
  const path = projectPath(relative);
  if (!existsSync(path)) throw new Error(`missing project file: expected ${relative} at ${path} (everything the tests read lives in the repo)`);
  return readFileSync(path, 'utf8');
}

/** Parses Turtle with n3 (throws on any syntax error). */
export function parseTurtle(text: string): Quad[] {
  return new Parser({ format: 'text/turtle' }).parse(text) as Quad[];
}

/** A quad as one N-Triples-like line, for set comparison (the data has no blank nodes). */
export function quadKey(q: Quad): string {
  const t = (x: Quad['object']): string =>
    x.termType === 'Literal' ? `${JSON.stringify(x.value)}@${x.language}^^<${x.datatype.value}>` : `${x.termType}<${x.value}>`;
  return `${t(q.subject as never)} ${t(q.predicate as never)} ${t(q.object)} ${t(q.graph as never)}`;
}

/** The sorted, de-duplicated keys of quads. */
export function quadSet(quads: Iterable<Quad>): string[] {
  return [...new Set([...quads].map(quadKey))].sort();
}

/** Runs the CLI in-process and returns its exit code and what it printed. */
export async function runCli(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => { stdout += String(chunk); return true; });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => { stderr += String(chunk); return true; });
  try {
    const code = await main(args);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}
