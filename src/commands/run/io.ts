// What a command's runner takes from the process, handed in so that runners can be called (and tested) without
// process globals: the output sinks, standard input, the folder relative paths resolve against, and the environment.
import { resolve } from 'node:path';
import { UsageError } from '../../errors.js';
import type { ProgressStream } from './progress.js';

/** Where a runner writes: process.stdout or process.stderr, or in tests any object with write (and isTTY, for progress). */
export interface Sink extends ProgressStream {
  write(chunk: string): unknown;
}

/** The process as a runner sees it. */
export interface Io {
  /** Results (Turtle, query rows, reports). */
  readonly stdout: Sink;
  /** Messages (`wrote …`) and the progress line (shown only when `isTTY` and `CI` is not set in env). */
  readonly stderr: Sink;
  /** Standard input, read where a file is "-". */
  readonly stdin: NodeJS.ReadableStream & AsyncIterable<string | Buffer>;
  /** The folder that relative output paths (--out, the default ./output) resolve against. */
  readonly cwd: string;
  /** The environment: CI (progress), KG_PUSH_USER and KG_PUSH_PASSWORD (kg push). */
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** A path resolved against the runner's folder (an absolute path as it is). */
export function resolvePath(io: Io, path: string): string {
  return resolve(io.cwd, path);
}

/**
 * Refuses a `--base` that cannot be the base of entity IRIs, by the one rule of checkBase (mapping/iri.ts: an absolute
 * IRI per RFC 3987 ending with "/", without "#", whose scheme is no prefix of the JSON-LD context), before any file is
 * read, so that every command that takes --base refuses the same ones.
 * @throws UsageError naming --base, the rule and the value as written.
 */
export async function checkBaseOption(base: string): Promise<void> {
  const { checkBase } = await import('../../mapping/iri.js');
  const problem = checkBase(base);
  if (problem) throw new UsageError(problem.includes('--base') ? problem : `--base: ${problem}`);
}
