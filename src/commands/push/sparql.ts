// The SPARQL query requests of `kg push` (SPARQL 1.1 Protocol §2.1.2: POST, form-encoded): the rows of a SELECT as SPARQL JSON results.
import type { Context } from './context.js';
import { PushError } from './errors.js';
import { bodyLength, type Body } from './http.js';

/** One row of SPARQL 1.1 JSON results: each bound variable with its value (as the store spells it). */
export type Row = Record<string, { value?: unknown } | undefined>;

/**
 * Sends a SELECT query to the store's query service and returns its rows (and the reply's text); throws a PushError for an HTTP status other
 * than 2xx (`Context.statusError`) or a reply that is not SPARQL JSON results ('protocol', naming `what` the query was
 * for, with the start of the reply redacted).
 */
export async function selectRows(ctx: Context, query: string, what: string): Promise<{ rows: Row[]; text: string }> {
  const body: Body = { kind: 'buffer', data: Buffer.from(new URLSearchParams({ query }).toString()) };
  const headers = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/sparql-results+json' };
  const answer = await ctx.request('POST', ctx.sparqlUrl, headers, body, false);
  if (answer.status < 200 || answer.status >= 300) throw ctx.statusError('POST', ctx.sparqlUrl, answer, bodyLength(body));
  const bindings = parseBindings(answer.text);
  if (bindings === undefined) {
    throw new PushError('protocol', `POST ${ctx.display(ctx.sparqlUrl)}: the ${what} did not return SPARQL JSON results (content type ${ctx.fromStore(answer.contentType) || 'none'})`, { status: answer.status });
  }
  return { rows: bindings, text: answer.text };
}

/** The `results.bindings` of SPARQL JSON results, or undefined when the text is not such results. */
function parseBindings(text: string): Row[] | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const bindings = (json as { results?: { bindings?: unknown } } | null)?.results?.bindings;
  return Array.isArray(bindings) && bindings.every((b) => typeof b === 'object' && b !== null) ? bindings as Row[] : undefined;
}

/** The start of a store's reply as shown in a message: redacted first, then cut to `max` characters and quoted as JSON. */
export function snippet(ctx: Context, text: string, max = 120): string {
  return JSON.stringify(ctx.fromStore(text).slice(0, max));
}
