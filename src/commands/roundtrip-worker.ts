// The worker thread of kg roundtrip: turns the runs of whole N-Triples (or N-Quads) lines it is sent into canonical lines and posts them back (transferred, not copied).
import { parentPort } from 'node:worker_threads';
import { canonicalChunk } from '../rdf/ntriples-lines.js';

parentPort?.on('message', (chunk: { index: number; bytes: Uint8Array; quads: boolean }) => {
  const read = canonicalChunk(chunk.bytes, chunk.quads);
  if (!read.ok) parentPort?.postMessage({ index: chunk.index, refused: true });
  else parentPort?.postMessage({ index: chunk.index, bytes: read.bytes, lines: read.lines }, [read.bytes.buffer as ArrayBuffer]);
});
