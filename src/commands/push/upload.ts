// The upload of `kg push`: Graph Store PUT/POST requests of a graph's files, and retries of transient failures with bounded backoff.
import { readProblem } from '../../errors.js';
import { NTRIPLES, ntriplesChunks, type FileInfo } from './chunks.js';
import type { Context } from './context.js';
import { PushError } from './errors.js';
import { bodyLength, type Body } from './http.js';

/** Runs `step`, retrying transient failures at most `ctx.retries` times with exponential backoff; the final error says how many attempts. */
export async function withRetries<T>(ctx: Context, label: string, step: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await step();
    } catch (error) {
      if (!(error instanceof PushError) || !error.transient) throw error;
      const e = error;
      if (attempt > ctx.retries) {
        throw new PushError(e.kind, `${e.message} (after ${attempt} attempts)`, { status: e.status, transient: true });
      }
      const wait = ctx.backoffMs * 2 ** (attempt - 1);
      ctx.log(`${label}: ${e.message}; retrying in ${wait} ms (retry ${attempt} of ${ctx.retries})`);
      await new Promise((r) => setTimeout(r, wait));
    }
  }
}

/** Sends every file; the first request uses `firstMethod`, later ones POST; `retryEach` retries requests one by one. */
export async function uploadAll(ctx: Context, files: readonly FileInfo[], firstMethod: 'PUT' | 'POST', retryEach: boolean): Promise<{ bytes: number; chunks: number }> {
  let bytes = 0;
  let chunks = 0;
  const send = async (body: Body, mediaType: string): Promise<void> => {
    const method = chunks === 0 ? firstMethod : 'POST';
    const n = chunks + 1;
    const once = (): Promise<void> => upload(ctx, method, body, mediaType);
    if (retryEach) await withRetries(ctx, `chunk ${n}`, once); else await once();
    chunks++;
    bytes += bodyLength(body);
    ctx.log(`${method} chunk ${n}: ${bodyLength(body)} bytes`);
  };
  for (const f of files) {
    if (!f.chunked) { await send({ kind: 'file', path: f.path, size: f.size }, f.mediaType); continue; }
    try {
      for await (const data of ntriplesChunks(f.path, ctx.chunkBytes)) await send({ kind: 'buffer', data }, f.mediaType);
    } catch (error) {
      if (error instanceof PushError) throw error;
      throw new PushError('input', `cannot read ${f.path}: ${readProblem(error)}`);
    }
  }
  if (chunks === 0 && firstMethod === 'PUT') await send({ kind: 'buffer', data: Buffer.alloc(0) }, NTRIPLES);
  return { bytes, chunks };
}

/** One Graph Store request; throws a PushError unless the store accepts it. */
async function upload(ctx: Context, method: 'PUT' | 'POST', body: Body, mediaType: string): Promise<void> {
  const answer = await ctx.request(method, ctx.gspUrl, { 'content-type': mediaType }, body, true);
  if (answer.status >= 200 && answer.status < 300) return;
  throw ctx.statusError(method, ctx.gspUrl, answer, bodyLength(body));
}
