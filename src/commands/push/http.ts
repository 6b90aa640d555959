// The minimal HTTP client of `kg push`: one request and its answer, an idle timeout, network failures as PushErrors.
import { createReadStream } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';
import { PushError } from './errors.js';

/** A request body: bytes in memory, or a file streamed whole. */
export type Body = { kind: 'buffer'; data: Buffer } | { kind: 'file'; path: string; size: number } | { kind: 'none' };

/** The length in bytes of a request body. */
export function bodyLength(b: Body): number {
  return b.kind === 'buffer' ? b.data.length : b.kind === 'file' ? b.size : 0;
}

/** The store's answer to one request: status, authentication challenges, content type and (the first MiB of) the body. */
export interface Answer { status: number; statusText: string; challenges: string[]; contentType: string; text: string }

/** A failure below HTTP (or a timeout) before the store answered. */
class NetFailure extends Error {
  constructor(readonly what: 'refused' | 'dns' | 'reset' | 'timeout' | 'other', message: string) { super(message); }
}

/** A URL as shown in messages: origin and path, no query, never credentials. */
export function display(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

/** One HTTP request/response with an idle timeout; network failures become PushErrors naming the URL. */
export async function exchange(method: string, url: URL, headers: Record<string, string>, body: Body, timeoutMs: number): Promise<Answer> {
  try {
    return await rawExchange(method, url, headers, body, timeoutMs);
  } catch (error) {
    const where = `${method} ${display(url)}`;
    if (!(error instanceof NetFailure)) throw error;
    switch (error.what) {
      case 'refused': throw new PushError('connect', `${where}: connection refused (is the store running?)`);
      case 'dns': throw new PushError('dns', `${where}: host ${url.hostname} not found (DNS)`);
      case 'reset': throw new PushError('connect', `${where}: connection reset by the store`, { transient: true });
      case 'timeout': throw new PushError('timeout', `${where}: no answer within ${timeoutMs} ms`);
      default: throw new PushError('connect', `${where}: ${error.message}`);
    }
  }
}

function rawExchange(method: string, url: URL, headers: Record<string, string>, body: Body, timeoutMs: number): Promise<Answer> {
  const lib = url.protocol === 'https:' ? https : http;
  return new Promise<Answer>((resolve, reject) => {
    let settled = false;
    const fail = (e: NetFailure): void => { if (!settled) { settled = true; reject(e); } };
    const req = lib.request(url, {
      method,
      headers: { ...headers, 'content-length': String(bodyLength(body)), 'user-agent': 'kg-push' },
      agent: false,
    });
    req.setTimeout(timeoutMs, () => req.destroy(new NetFailure('timeout', 'timeout')));
    req.on('error', (error: NodeJS.ErrnoException) => fail(classify(error)));
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const limit = 1 << 20;
      res.on('data', (c: Buffer) => { if (size < limit) { chunks.push(c); size += c.length; } });
      res.on('error', (error: NodeJS.ErrnoException) => fail(classify(error)));
      res.on('aborted', () => fail(new NetFailure('reset', 'aborted')));
      res.on('end', () => {
        if (settled) return;
        settled = true;
        const challenges: string[] = [];
        for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) {
          if (res.rawHeaders[i]!.toLowerCase() === 'www-authenticate') challenges.push(res.rawHeaders[i + 1]!);
        }
        resolve({
          status: res.statusCode ?? 0, statusText: res.statusMessage ?? '', challenges,
          contentType: String(res.headers['content-type'] ?? ''), text: Buffer.concat(chunks).toString('utf8'),
        });
      });
    });
    if (body.kind === 'file') {
      const stream: Readable = createReadStream(body.path);
      stream.on('error', (error) => req.destroy(error));
      stream.pipe(req);
    } else {
      req.end(body.kind === 'buffer' ? body.data : undefined);
    }
  });
}

/** Maps a Node.js network error to what it means for the user. */
function classify(error: NodeJS.ErrnoException): NetFailure {
  if (error instanceof NetFailure) return error;
  const code = error.code ?? '';
  if (code === 'ECONNREFUSED') return new NetFailure('refused', error.message);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_FAIL' || code === 'EAI_NONAME') return new NetFailure('dns', error.message);
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'ECONNABORTED') return new NetFailure('reset', error.message);
  if (code === 'ETIMEDOUT') return new NetFailure('timeout', error.message);
  return new NetFailure('other', code ? `${code}` : error.message);
}

/** A short readable reason from an error page (Virtuoso puts it in <xmp>), or from a plain-text body. */
export function errorDetail(answer: Answer): string {
  const text = answer.text;
  let detail = '';
  const pre = /<(xmp|pre)[^>]*>([\s\S]*?)<\/\1>/i.exec(text);
  if (pre) detail = pre[2]!;
  else if (/^text\/plain/i.test(answer.contentType)) detail = text;
  detail = detail.replace(/\s+/g, ' ').trim();
  return detail.length > 200 ? `${detail.slice(0, 199)}…` : detail;
}
