// The files of `kg push`: checked before sending, N-Triples cut into chunks of at most N bytes, lines and triples counted.
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { readProblem } from '../../errors.js';
import { PushError } from './errors.js';

/** The media type of N-Triples, the one format cut into chunks. */
export const NTRIPLES = 'application/n-triples';

/** A media type without its parameters, in lower case. */
export function baseType(mediaType: string): string {
  return mediaType.split(';')[0]!.trim().toLowerCase();
}

/** A file to upload, with its size and whether it is cut into chunks (N-Triples) or sent whole. */
export interface FileInfo { path: string; mediaType: string; size: number; chunked: boolean }

/** Checks the files exist, and that an N-Triples file cut into several chunks has no blank node. */
export async function inspectFiles(files: readonly { path: string; mediaType: string }[], chunkBytes: number): Promise<FileInfo[]> {
  const out: FileInfo[] = [];
  for (const f of files) {
    let size: number;
    try {
      const s = await stat(f.path);
      if (!s.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
      size = s.size;
    } catch (error) {
      throw new PushError('input', `cannot read ${f.path}: ${readProblem(error)}`);
    }
    const chunked = baseType(f.mediaType) === NTRIPLES;
    if (chunked && size > chunkBytes) {
      const line = await firstBlankNodeLine(f.path);
      if (line !== undefined) {
        throw new PushError('input', `${f.path}:${line}: a blank node in a file cut into several requests would be split apart; upload it in one chunk`);
      }
    }
    out.push({ path: f.path, mediaType: f.mediaType, size, chunked });
  }
  return out;
}

/** The 1-based number of the first N-Triples line with a blank node as subject or object, if any. */
async function firstBlankNodeLine(path: string): Promise<number | undefined> {
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  let n = 0;
  try {
    for await (const line of lines) {
      n++;
      if (/^\s*(?:_:|<[^>]*>\s*<[^>]*>\s*_:)/.test(line)) return n;
    }
  } finally {
    lines.close();
  }
  return undefined;
}

/** Counts the statements of an N-Triples file (lines neither blank nor comments), reading it as a stream. */
export async function countNTriples(path: string): Promise<number> {
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) if (!/^\s*(?:#|$)/.test(line)) n++;
  return n;
}

/** Reads an N-Triples file as a stream and yields bodies of at most `max` bytes, each ending on a line boundary. */
export async function* ntriplesChunks(path: string, max: number): AsyncGenerator<Buffer> {
  let parts: Buffer[] = [];
  let size = 0;
  let carry: Buffer = Buffer.alloc(0);
  const flush = (): Buffer => { const b = Buffer.concat(parts, size); parts = []; size = 0; return b; };
  function* add(lines: Buffer): Generator<Buffer> {
    let rest = lines;
    while (rest.length > 0) {
      if (size + rest.length <= max) { parts.push(rest); size += rest.length; return; }
      const cut = max - size > 0 ? rest.lastIndexOf(10, max - size - 1) : -1;
      if (cut >= 0) {
        parts.push(rest.subarray(0, cut + 1)); size += cut + 1;
        rest = rest.subarray(cut + 1);
        yield flush();
      } else if (size > 0) {
        yield flush();
      } else {
        // One line longer than a chunk: it goes alone (the store may refuse it with 413).
        const nl = rest.indexOf(10);
        const end = nl < 0 ? rest.length : nl + 1;
        parts.push(rest.subarray(0, end)); size += end;
        rest = rest.subarray(end);
        yield flush();
      }
    }
  }
  for await (const data of createReadStream(path, { highWaterMark: 1 << 16 }) as AsyncIterable<Buffer>) {
    const buf = carry.length > 0 ? Buffer.concat([carry, data]) : data;
    const last = buf.lastIndexOf(10);
    if (last < 0) { carry = buf; continue; }
    carry = Buffer.from(buf.subarray(last + 1));
    yield* add(buf.subarray(0, last + 1));
  }
  if (carry.length > 0) yield* add(carry);
  if (size > 0) yield flush();
}

/**
 * The number of distinct triples the files hold together, i.e. how many the graph holds after they are all sent.
 * One N-Triples file is counted as a stream (the export writes no triple twice). Several N-Triples files are read
 * into a set of lines, because the files of one export share triples (each article's file holds copies of the
 * shared entities it uses; the export writes a triple as the same line wherever it appears). Turtle files are parsed
 * into a set of triples. A blank node is counted once per file (each file is its own document to the store).
 */
export async function countDistinctTriples(paths: readonly string[], mediaType: string): Promise<number> {
  const type = baseType(mediaType);
  const failed = (path: string, error: unknown): PushError => {
    if (error instanceof PushError) return error;
    const code = (error as NodeJS.ErrnoException).code;
    return new PushError('input', code ? `cannot read ${path}: ${readProblem(error)}` : `cannot count the triples of ${path}: ${(error as Error).message}`);
  };
  if (type === NTRIPLES) {
    if (paths.length === 1) {
      const path = paths[0] as string;
      try { return await countNTriples(path); } catch (error) { throw failed(path, error); }
    }
    const seen = new Set<string>();
    for (const [i, path] of paths.entries()) {
      const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
      try {
        for await (const raw of lines) {
          const line = raw.trim();
          if (line === '' || line.startsWith('#')) continue;
          seen.add(line.includes('_:') ? `${i} ${line}` : line);
        }
      } catch (error) {
        throw failed(path, error);
      } finally {
        lines.close();
      }
    }
    return seen.size;
  }
  if (type === 'text/turtle') {
    const { Parser } = await import('n3');
    const seen = new Set<string>();
    const key = (t: { termType: string; value: string; language?: string; datatype?: { value: string } }, file: number): string =>
      t.termType === 'BlankNode' ? `_:${file}:${t.value}` : t.termType === 'Literal' ? `${JSON.stringify(t.value)}@${t.language ?? ''}^^${t.datatype?.value ?? ''}` : `<${t.value}>`;
    for (const [i, path] of paths.entries()) {
      let text: string;
      try {
        text = await readFile(path, 'utf8');
        for (const q of new Parser({ format: 'text/turtle' }).parse(text)) seen.add(`${key(q.subject, i)} ${key(q.predicate, i)} ${key(q.object, i)}`);
      } catch (error) {
        throw failed(path, error);
      }
    }
    return seen.size;
  }
  throw new PushError('input', `cannot count the triples of ${mediaType} files: push N-Triples or Turtle`);
}
