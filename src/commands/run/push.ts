// kg push: upload the export into named graphs of a triple store and check each graph's triple count.
import { UsageError } from '../../errors.js';
import { resolvePath, type Io } from './io.js';
import { loadPush } from './modules.js';
import { progress } from './progress.js';
import type { CommandValues } from './values.js';

/** Runs kg push; `given` holds the long flags typed on the command line. */
export async function runPush(opts: CommandValues<'push'>, io: Io, given: ReadonlySet<string> = new Set()): Promise<void> {
  if (!opts.endpoint) throw new UsageError('kg push needs --endpoint URL');
  if (opts.replace && opts.append) throw new UsageError('--replace and --append exclude each other');
  const { format } = opts;
  if (format === 'turtle' && given.has('--chunk-bytes')) throw new UsageError('--chunk-bytes does not apply with --format turtle: Turtle files are sent whole, one request per file');
  const [{ FORMATS }, { graphIri }] = await Promise.all([import('../../rdf/formats.js'), import('../../generate/description.js')]);
  const { credentialsFromEnv, exportedDatasetFiles, graphsOfFiles, pushEach } = await loadPush();
  const ext = FORMATS[format].ext;
  // By default every exported dataset file: the shared entities and each article, each into its own named graph.
  const files = opts.args.length ? opts.args : exportedDatasetFiles(resolvePath(io, 'output'), ext);
  if (!files.length) throw new UsageError(`no .${ext} files to push: run kg export --format ${format} first, or name the files`);
  const graphs = graphsOfFiles(files, { ext, graphOf: (name) => graphIri(opts.base, name), ...(opts.graph ? { graph: opts.graph } : {}) });
  const credentials = credentialsFromEnv(io.env);
  // One push per graph, each with its own count check; a line per graph as it is done; the first failure stops.
  const line = progress({ stream: io.stderr, env: io.env });
  const say = (text: string): void => { line.clear(); io.stderr.write(`${text}\n`); };
  let pushed = 0;
  const showNext = (): void => { if (pushed < graphs.length) line.update(`pushing graph ${pushed + 1}/${graphs.length}: <${graphs[pushed]?.graph}>`, true); };
  showNext();
  try {
    await pushEach({
      endpoint: opts.endpoint, graphs, mode: opts.append ? 'append' : 'replace', mediaType: FORMATS[format].mediaType,
      chunkBytes: opts.chunkBytes, timeoutMs: opts.timeoutMs, retries: opts.retries, gspPath: opts.gspPath, sparqlPath: opts.sparqlPath,
      ...(credentials ? { credentials } : {}),
      ...(opts.verbose ? { log: (text: string) => { say(text); showNext(); } } : {}),
      onPushed: (report) => {
        say(`pushed ${report.uploaded} bytes in ${report.chunks} request(s) to <${report.graph}>: the store counts ${report.counted} triples, the export has ${report.expected}`);
        pushed++;
        showNext();
      },
    });
  } finally {
    line.clear();
  }
}
