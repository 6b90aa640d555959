// Standard input as a file: `-` (or /dev/stdin, or a pipe such as <(cat x)) wherever a command reads one file.
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { cannotRead, UsageError } from '../errors.js';

/** The names that mean standard input. */
const STDIN_PATHS: ReadonlySet<string> = new Set(['-', '/dev/stdin', '/dev/fd/0', '/proc/self/fd/0']);

/** Whether a path names standard input: `-` or /dev/stdin (and its aliases). */
export function isStdin(path: string): boolean {
  return STDIN_PATHS.has(path);
}

/** Refuses standard input named more than once: it can be read only once. */
export function stdinAtMostOnce(paths: readonly string[]): void {
  if (paths.filter(isStdin).length > 1) throw new UsageError('standard input ("-") can be read only once: name it at most once');
}

/** A file that may be read several times, in place of one that may not (standard input, a pipe). */
export interface Spooled {
  /** The path to read: the file itself, or a temporary copy. */
  readonly path: string;
  /** The name to report: the path given, or `<stdin>`. */
  readonly name: string;
  /** `ttl` when the input was copied and its name has no extension (stdin and pipes default to Turtle, which N-Triples also is). */
  readonly defaultFormat: string | undefined;
  /** Removes the temporary copy, if any. */
  cleanup(): void;
}

/** Whether a path is a pipe, a terminal or a socket: something that cannot be read twice. */
function isStream(path: string): boolean {
  try {
    const stat = statSync(path);
    return !stat.isFile() && !stat.isDirectory();
  } catch {
    return false;
  }
}

/**
 * Gives a re-readable file for a path: a regular file as it is; standard input (`-`, /dev/stdin) or a pipe copied
 * into a temporary file first (validation and round trips read a file more than once).
 * @throws InputError when the stream cannot be read.
 */
export async function spool(path: string, stdin: NodeJS.ReadableStream = process.stdin): Promise<Spooled> {
  const fromStdin = isStdin(path);
  if (!fromStdin && !isStream(path)) return { path, name: path, defaultFormat: undefined, cleanup: () => undefined };
  const dir = mkdtempSync(join(tmpdir(), 'kg-stdin-'));
  const cleanup = (): void => rmSync(dir, { recursive: true, force: true });
  const copy = join(dir, 'input');
  try {
    await pipeline(fromStdin ? stdin : createReadStream(path), createWriteStream(copy));
  } catch (error) {
    cleanup();
    throw cannotRead(fromStdin ? 'standard input' : path, error);
  }
  const name = fromStdin ? '<stdin>' : path;
  return { path: copy, name, defaultFormat: fromStdin || extname(path) === '' ? 'ttl' : extname(path).slice(1), cleanup };
}
