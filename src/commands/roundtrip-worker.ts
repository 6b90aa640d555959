// The worker thread of kg roundtrip: turns the runs of whole N-Triples (or N-Quads) lines, or Turtle (TriG) statements, it is sent into canonical lines and posts them back (transferred, not copied).
import { parentPort } from 'node:worker_threads';
import { canonicalChunk } from '../rdf/ntriples-lines.js';
import { canonicalTurtleChunk, turtlePrefixes, type TurtlePrefixes } from '../rdf/turtle-lines.js';

let table: { declared: Array<[string, string]>; prefixes: TurtlePrefixes } | undefined;

parentPort?.on('message', (chunk: { index: number; bytes: Uint8Array; quads: boolean; prefixes?: Array<[string, string]>; graph?: boolean }) => {
  let read;
  if (chunk.prefixes) {
    if (!table || JSON.stringify(table.declared) !== JSON.stringify(chunk.prefixes)) table = { declared: chunk.prefixes, prefixes: turtlePrefixes(chunk.prefixes) };
    read = canonicalTurtleChunk(chunk.bytes, table.prefixes, chunk.graph === true);
  } else read = canonicalChunk(chunk.bytes, chunk.quads);
  if (!read.ok) parentPort?.postMessage({ index: chunk.index, refused: true });
  else parentPort?.postMessage({ index: chunk.index, bytes: read.bytes, lines: read.lines, closed: 'closed' in read && read.closed === true }, [read.bytes.buffer as ArrayBuffer]);
});
