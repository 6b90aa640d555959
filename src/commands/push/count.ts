// The count check of `kg push`: the graph's triples counted through the SPARQL query service, compared with those sent.
import type { Context } from './context.js';
import { PushError } from './errors.js';
import { bodyLength, type Body } from './http.js';

/** Counts the triples of the graph through the SPARQL query service. */
export async function countGraph(ctx: Context): Promise<number> {
  const query = `SELECT (COUNT(*) AS ?n) WHERE { GRAPH <${ctx.options.graph}> { ?s ?p ?o } }`;
  const body: Body = { kind: 'buffer', data: Buffer.from(new URLSearchParams({ query }).toString()) };
  const headers = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/sparql-results+json' };
  const answer = await ctx.request('POST', ctx.sparqlUrl, headers, body, false);
  if (answer.status < 200 || answer.status >= 300) throw ctx.statusError('POST', ctx.sparqlUrl, answer, bodyLength(body));
  const where = `POST ${ctx.display(ctx.sparqlUrl)}`;
  let json: unknown;
  try {
    json = JSON.parse(answer.text);
  } catch {
    throw new PushError('protocol', `${where}: the count query did not return SPARQL JSON results (content type ${answer.contentType || 'none'})`, { status: answer.status });
  }
  const bindings = (json as { results?: { bindings?: unknown } }).results?.bindings;
  const row = Array.isArray(bindings) && bindings.length === 1 ? bindings[0] as Record<string, { value?: unknown }> : undefined;
  const cell = row ? (row.n ?? (Object.keys(row).length === 1 ? Object.values(row)[0] : undefined)) : undefined;
  // Compare values, not spellings: "42", 42, "42.0" or "4.2E1" are all 42.
  const value = cell && (typeof cell.value === 'string' || typeof cell.value === 'number') ? Number(String(cell.value).trim()) : NaN;
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new PushError('protocol', `${where}: the count query returned no whole number (${JSON.stringify(answer.text.slice(0, 120))})`, { status: answer.status });
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
