// Writes quads as pretty, byte-for-byte deterministic Turtle (prefixes, `;` and `,` grouping) through n3's Writer.
import { Writer } from 'n3';
import type { Literal, Quad, Term } from '@rdfjs/types';
import { QuadWriter } from './quad-writer.js';

/** What a Turtle file starts with. */
export interface TurtleOptions {
  /** Lines of the header comment (each written after "# "). */
  readonly header: readonly string[];
  /** Prefixes, in the order they are declared. */
  readonly prefixes: ReadonlyArray<readonly [string, string]>;
  /** RDF lists to print inline as `( … )`: blank-node label of the head to its members. */
  readonly lists?: Readonly<Record<string, readonly Term[]>>;
}

const XSD_INTEGER = 'http://www.w3.org/2001/XMLSchema#integer';

/** n3's Writer, except that integers keep their datatype (`"1"^^xsd:integer`): a bare `1.` at the end of a statement is misread as a decimal by some stores (Virtuoso 7). */
class PortableWriter extends Writer {
  /** Encodes a literal as n3 does, but never abbreviates an integer. */
  _encodeLiteral(literal: Literal): string {
    const encoded = (Writer.prototype as unknown as { _encodeLiteral(l: Literal): string })._encodeLiteral.call(this, literal);
    if (!literal.language && literal.datatype.value === XSD_INTEGER && !encoded.startsWith('"')) {
      // n3 abbreviated it, which it does only for digits (nothing to escape).
      const self = this as unknown as { _encodeIriOrBlank(t: Term): string };
      return `"${literal.value}"^^${self._encodeIriOrBlank(literal.datatype)}`;
    }
    return encoded;
  }
}

/** The comment lines of a header: each line one comment, whatever it contains (a line break would end the comment). */
export function headerComment(header: readonly string[]): string {
  return header.flatMap((line) => line.split(/\r\n|[\n\r\u2028\u2029\u0085]/)).map((line) => `# ${line}`.trimEnd() + '\n').join('') + '\n';
}

/** An n3 Writer (Turtle, TriG, N-Triples or N-Quads) that writes its chunks to a sink. */
export function sinkWriter(sink: (chunk: string) => void, options: Record<string, unknown>): Writer {
  return new PortableWriter(
    { write: (chunk: string, _enc: unknown, done?: () => void) => { sink(chunk); done?.(); }, end: (done?: () => void) => done?.() } as never,
    options as never,
  );
}

/** Writes all quads through a writer and ends it. */
export function drain(writer: Writer, quads: Iterable<Quad>): Promise<void> {
  for (const q of quads) writer.addQuad(q);
  return new Promise((resolve, reject) => writer.end((error: Error | null) => (error ? reject(error) : resolve())));
}

/**
 * Writes quads as Turtle, chunk by chunk, to a sink; quads of one subject must come together (as the mapping emits
 * them). Data goes through the project's QuadWriter; a graph with inline lists (the shapes) through n3's Writer.
 */
export function writeTurtle(quads: Iterable<Quad>, options: TurtleOptions, sink: (chunk: string) => void): Promise<void> {
  sink(headerComment(options.header));
  if (options.lists) return drain(sinkWriter(sink, { prefixes: Object.fromEntries(options.prefixes), lists: options.lists }), quads);
  const writer = new QuadWriter(sink, 'Turtle', options.prefixes);
  for (const q of quads) writer.add(q);
  writer.end();
  return Promise.resolve();
}

/** Serialises quads as a Turtle string. */
export async function turtleString(quads: Iterable<Quad>, options: TurtleOptions): Promise<string> {
  const chunks: string[] = [];
  await writeTurtle(quads, options, (c) => chunks.push(c));
  return chunks.join('');
}
