// Runs of articles rendered on every core: worker threads render batches, the caller receives them in article order, so the bytes never depend on the number of jobs.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { DataError, type DataProblem } from '../errors.js';
import type { Dataset } from '../mapping/dataset.js';
import { projectPath } from '../project.js';
import { recycleBuffers } from '../rdf/entity-writer.js';
import { renderArticles, type Rendered, type RenderOptions } from './render.js';
import { syntheticArticle } from './synthetic.js';

/** Where the articles come from: the synthetic corpus of a seed (each article computed where it is rendered) or datasets in memory. */
export type RenderSource =
  | { readonly kind: 'synthetic'; readonly seed: number; readonly count: number; readonly from?: number; readonly to?: number }
  | { readonly kind: 'datasets'; readonly datasets: readonly Dataset[] };

/** Articles per batch: large enough that posting a batch costs little, small enough that memory stays flat (~380 triples an article). */
export const BATCH = 50;

/**
 * The heap of each worker, in MB: a young generation large enough that rendering's short-lived strings and terms
 * need few scavenges, and an old generation capped low (a worker holds one batch at a time), which brought the peak
 * RSS of a 1M-triple export with 2 jobs from 376–406 MB to 254–289 MB at about the same speed.
 */
const YOUNG_GENERATION_MB = 32;
const OLD_GENERATION_MB = 64;

/** Below this many articles, starting worker threads (about 0.3 s) costs more than it saves: one job renders them. */
export const PARALLEL_FROM = 400;

/** The default number of jobs for `articles` articles: the cores Node may use, or 1 for a corpus too small to gain. */
export function defaultJobs(articles: number): number {
  return articles < PARALLEL_FROM ? 1 : availableParallelism();
}

/** How many articles a source holds. */
export function sourceSize(source: RenderSource): number {
  return source.kind === 'synthetic' ? source.count : source.datasets.length;
}

/** Articles `from` (inclusive) to `to` (exclusive) of a source (synthetic article numbers are absolute, whatever the shard). */
export function* articlesOf(source: RenderSource, from: number, to: number): Generator<Dataset> {
  for (let i = from; i < to; i++) yield source.kind === 'synthetic' ? syntheticArticle(i, source.seed) : source.datasets[i] as Dataset;
}

/** Where the consumer of renderInOrder gives back a batch whose bytes it has written (and will not read again), so that its buffers are written into again. */
export interface Recycler {
  recycle?: (rendered: Rendered) => void;
}

/** The distinct buffers under a batch's bytes (Turtle and TriG share one). */
export function buffersOf(rendered: Rendered): ArrayBuffer[] {
  return [...new Set(Object.values(rendered.bytes).map((b) => b.buffer as ArrayBuffer))].filter((b) => b.byteLength > 0);
}

/** The compiled worker script (under vitest, which runs the TypeScript sources, the built copy in dist/). */
function workerScript(): string {
  const here = fileURLToPath(new URL('./render-worker.js', import.meta.url));
  return existsSync(here) ? here : projectPath('dist/src/commands/render-worker.js');
}

interface Reply { index: number; rendered?: Rendered; error?: { name: string; message: string; problems?: DataProblem[] } }

/**
 * Renders the articles of a source (of a synthetic source, `[from, to)`: its shard) in batches of `BATCH`, on `jobs` worker threads (in this thread when
 * `jobs` is 1), and yields the batches in article order; at most `2 × jobs` batches are in flight, so memory stays bounded.
 * @throws DataError of the first batch (in article order) whose articles fail the checks; every worker is stopped.
 */
export async function* renderInOrder(source: RenderSource, options: RenderOptions, jobs: number, recycler?: Recycler): AsyncGenerator<Rendered> {
  const from = source.kind === 'synthetic' ? source.from ?? 0 : 0;
  const to = source.kind === 'synthetic' ? source.to ?? source.count : source.datasets.length;
  const batches: Array<{ index: number; from: number; to: number }> = [];
  for (let start = from, index = 0; start < to; start += BATCH, index++) batches.push({ index, from: start, to: Math.min(to, start + BATCH) });
  if (jobs <= 1 || batches.length <= 1) {
    if (recycler) recycler.recycle = (rendered) => { recycleBuffers(buffersOf(rendered)); };
    for (const b of batches) yield renderArticles(articlesOf(source, b.from, b.to), options);
    return;
  }
  const workers = Array.from({ length: Math.min(jobs, batches.length) }, () => new Worker(workerScript(), { workerData: { source, options }, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB, maxOldGenerationSizeMb: OLD_GENERATION_MB } }));
  let turn = 0;
  if (recycler) {
    recycler.recycle = (rendered) => {
      const buffers = buffersOf(rendered);
      if (buffers.length) (workers[turn++ % workers.length] as Worker).postMessage({ recycle: buffers }, buffers);
    };
  }
  const done = new Map<number, Reply>();
  let wake: (() => void) | undefined;
  let failure: Error | undefined;
  let next = 0;
  const window = 2 * workers.length;
  let emitted = 0;
  const dispatch = (w: Worker): void => {
    if (next < batches.length && next < emitted + window) w.postMessage(batches[next++]);
    else idle.push(w);
  };
  const idle: Worker[] = [];
  for (const w of workers) {
    w.on('message', (reply: Reply) => { done.set(reply.index, reply); dispatch(w); wake?.(); });
    w.on('error', (error) => { failure ??= error; wake?.(); });
    w.on('exit', (code) => { if (code !== 0) failure ??= new Error(`an export worker stopped with exit code ${code}`); wake?.(); });
    dispatch(w);
  }
  try {
    while (emitted < batches.length) {
      const reply = done.get(emitted);
      if (!reply) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => { wake = resolve; });
        wake = undefined;
        continue;
      }
      done.delete(emitted);
      if (reply.error) {
        throw reply.error.problems ? new DataError(reply.error.problems) : Object.assign(new Error(reply.error.message), { name: reply.error.name });
      }
      emitted++;
      while (idle.length && next < batches.length && next < emitted + window) dispatch(idle.pop() as Worker);
      yield reply.rendered as Rendered;
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
