// kg query: run a SPARQL query on the export (or the files given) in an embedded store and print its result.
import { resolvePath, type Io } from './io.js';
import { loadQuery } from './modules.js';
import { progress } from './progress.js';
import { spool, stdinAtMostOnce } from '../../rdf/stdin.js';
import type { CommandValues } from './values.js';

/** Runs kg query. */
export async function runQuery(opts: CommandValues<'query'>, io: Io): Promise<void> {
  const { defaultDataFiles, formatGraph, formatResults, loadData, outputFormat, queryForm, readQuery, runAnyQuery } = await loadQuery();
  const asked = opts.format;
  const { query, source } = await readQuery(opts.args, opts.query, io.stdin);
  outputFormat(asked, queryForm(query)); // a format that does not fit the query's form is refused before any data is read
  const given = opts.data ?? defaultDataFiles(resolvePath(io, 'output'));
  // A data file "-" is standard input (Turtle unless its name says otherwise), when the query itself is not read from there.
  stdinAtMostOnce([...given, ...(opts.args !== undefined ? [opts.args] : [])]);
  const spooled = await Promise.all(given.map((f) => spool(f, io.stdin as unknown as NodeJS.ReadableStream)));
  const data = spooled.map((s) => s.path);
  const line = progress({ stream: io.stderr, env: io.env });
  let store;
  try {
    store = await loadData(data, (file, i) => line.update(`loading ${i + 1}/${data.length}: ${given[i] ?? file}`, true), {
      names: spooled.map((s) => s.name), formats: spooled.map((s) => s.defaultFormat),
    });
  } finally {
    for (const s of spooled) s.cleanup();
  }
  line.update('running the query', true);
  const result = runAnyQuery(store, query, source);
  line.clear();
  const format = outputFormat(asked, result.kind === 'graph' ? 'CONSTRUCT' : result.results.boolean !== undefined ? 'ASK' : 'SELECT');
  io.stdout.write(result.kind === 'graph'
    ? await formatGraph(result.quads, format as Parameters<typeof formatGraph>[1])
    : formatResults(result.results, format as Parameters<typeof formatResults>[1]));
}
