// The count check of `kg push`: the graph's triples counted through the SPARQL query service, compared with those sent.
import type { Context } from './context.js';
import { PushError } from './errors.js';
import { selectRows, snippet } from './sparql.js';

/** Counts the triples of the graph through the SPARQL query service; throws a 'protocol' PushError if the reply holds no whole number. */
export async function countGraph(ctx: Context): Promise<number> {
  const query = `SELECT (COUNT(*) AS ?n) WHERE { GRAPH <${ctx.options.graph}> { ?s ?p ?o } }`;
  const { rows, text } = await selectRows(ctx, query, 'count query');
  const row = rows.length === 1 ? rows[0] : undefined;
  const cell = row ? (row.n ?? (Object.keys(row).length === 1 ? Object.values(row)[0] : undefined)) : undefined;
  // Compare values, not spellings: "42", 42, "42.0" or "4.2E1" are all 42.
  const value = cell && (typeof cell.value === 'string' || typeof cell.value === 'number') ? Number(String(cell.value).trim()) : NaN;
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new PushError('protocol', `POST ${ctx.display(ctx.sparqlUrl)}: the count query returned no whole number (${snippet(ctx, text)})`);
  }
  return value;
}

/**
 * Throws a 'count-mismatch' PushError unless the graph holds what it should: exactly `expected` triples after a
 * replace; after an append to `before` triples, between `max(before, expected)` and `before + expected`.
 */
export function checkCount(ctx: Context, counted: number, expected: number, before: number | undefined): void {
  const where = `graph <${ctx.options.graph}> at ${ctx.display(ctx.sparqlUrl)}`;
  if (before === undefined) {
    if (counted !== expected) throw new PushError('count-mismatch', `${where} holds ${counted} triples, expected ${expected}`);
  } else {
    const low = Math.max(before, expected);
    const high = before + expected;
    if (counted < low || counted > high) {
      throw new PushError('count-mismatch', `${where} holds ${counted} triples after appending ${expected} to ${before}, expected between ${low} and ${high}`);
    }
  }
}
