// kg query: run a SPARQL query on the export (or the files given) in an embedded store and print its result.
import { resolvePath, type Io } from './io.js';
import { loadQuery } from './modules.js';
import { progress } from './progress.js';
import type { CommandValues } from './values.js';

/** Runs kg query. */
export async function runQuery(opts: CommandValues<'query'>, io: Io): Promise<void> {
  const { defaultDataFiles, formatGraph, formatResults, loadData, outputFormat, queryForm, readQuery, runAnyQuery } = await loadQuery();
  const asked = opts.format;
  const { query, source } = await readQuery(opts.args, opts.query, io.stdin);
  outputFormat(asked, queryForm(query)); // a format that does not fit the query's form is refused before any data is read
  const data = opts.data ?? defaultDataFiles(resolvePath(io, 'output'));
  const line = progress({ stream: io.stderr, env: io.env });
  const store = await loadData(data, (file, i) => line.update(`loading ${i + 1}/${data.length}: ${file}`, true));
  line.update('running the query', true);
  const result = runAnyQuery(store, query, source);
  line.clear();
  const format = outputFormat(asked, result.kind === 'graph' ? 'CONSTRUCT' : result.results.boolean !== undefined ? 'ASK' : 'SELECT');
  io.stdout.write(result.kind === 'graph'
    ? await formatGraph(result.quads, format as Parameters<typeof formatGraph>[1])
    : formatResults(result.results, format as Parameters<typeof formatResults>[1]));
}
