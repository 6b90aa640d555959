// The worker thread of a parallel export: renders the runs of articles it is sent and posts their bytes back (transferred, not copied); the buffers come back once written.
import { parentPort, workerData } from 'node:worker_threads';
import { DataError } from '../errors.js';
import { recycleBuffers } from '../rdf/entity-writer.js';
import { renderArticles, type RenderOptions } from './render.js';
import { articlesOf, buffersOf, type RenderSource } from './jobs.js';

const { source, options } = workerData as { source: RenderSource; options: RenderOptions };

parentPort?.on('message', (batch: { index: number; from: number; to: number } | { recycle: ArrayBuffer[] }) => {
  // Buffers whose bytes the main thread has written come back, to be written into again.
  if ('recycle' in batch) { recycleBuffers(batch.recycle); return; }
  try {
    const rendered = renderArticles(articlesOf(source, batch.from, batch.to), options);
    // Turtle and TriG share one buffer: each buffer is transferred once.
    parentPort?.postMessage({ index: batch.index, rendered }, buffersOf(rendered));
  } catch (error) {
    const e = error as Error;
    parentPort?.postMessage({ index: batch.index, error: { name: e.name, message: e.message, problems: e instanceof DataError ? e.problems : undefined } });
  }
});
