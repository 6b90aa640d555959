// The worker thread of a parallel export: renders the runs of articles it is sent and posts their bytes back (transferred, not copied).
import { parentPort, workerData } from 'node:worker_threads';
import { DataError } from '../errors.js';
import { renderArticles, type RenderOptions } from './render.js';
import { articlesOf, type RenderSource } from './jobs.js';

const { source, options } = workerData as { source: RenderSource; options: RenderOptions };

parentPort?.on('message', (batch: { index: number; from: number; to: number }) => {
  try {
    const rendered = renderArticles(articlesOf(source, batch.from, batch.to), options);
    // Turtle and TriG share one buffer: each buffer is transferred once.
    const buffers = [...new Set(Object.values(rendered.bytes).map((b) => b.buffer as ArrayBuffer))];
    parentPort?.postMessage({ index: batch.index, rendered }, buffers);
  } catch (error) {
    const e = error as Error;
    parentPort?.postMessage({ index: batch.index, error: { name: e.name, message: e.message, problems: e instanceof DataError ? e.problems : undefined } });
  }
});
