// Writes quads as pretty, byte-for-byte deterministic Turtle (prefixes, `;` and `,` grouping) through n3's Writer.
import { Writer } from 'n3';
import type { Quad, Term } from '@rdfjs/types';

/** What a Turtle file starts with. */
export interface TurtleOptions {
  /** Lines of the header comment (each written after "# "). */
  readonly header: readonly string[];
  /** Prefixes, in the order they are declared. */
  readonly prefixes: ReadonlyArray<readonly [string, string]>;
  /** RDF lists to print inline as `( … )`: blank-node label of the head to its members. */
  readonly lists?: Readonly<Record<string, readonly Term[]>>;
}

/** Writes quads as Turtle, chunk by chunk, to a sink; quads of one subject must come together (as the mapping emits them). */
export function writeTurtle(quads: Iterable<Quad>, options: TurtleOptions, sink: (chunk: string) => void): Promise<void> {
  // Each header line is one comment line, whatever it contains (a line break would end the comment).
  sink(options.header.flatMap((line) => line.split(/\r\n|[\n\r\u2028\u2029\u0085]/)).map((line) => `# ${line}`.trimEnd() + '\n').join('') + '\n');
  const writer = new Writer(
    { write: (chunk: string, _enc: unknown, done?: () => void) => { sink(chunk); done?.(); }, end: (done?: () => void) => done?.() } as never,
    { prefixes: Object.fromEntries(options.prefixes), ...(options.lists ? { lists: options.lists } : {}) } as never,
  );
  for (const q of quads) writer.addQuad(q);
  return new Promise((resolve, reject) => writer.end((error: Error | null) => (error ? reject(error) : resolve())));
}

/** Serialises quads as a Turtle string. */
export async function turtleString(quads: Iterable<Quad>, options: TurtleOptions): Promise<string> {
  const chunks: string[] = [];
  await writeTurtle(quads, options, (c) => chunks.push(c));
  return chunks.join('');
}
