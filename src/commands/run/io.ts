// What a command's runner takes from the process, handed in so that runners can be called (and tested) without
// process globals: the output sinks, standard input, the folder relative paths resolve against, and the environment.
import { resolve } from 'node:path';
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
