// kg push: upload the export into named graphs of a triple store and check each graph's triple count and content; nothing it prints holds a credential.
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
  const { credentialsFromEnv, exportedDatasetFiles, graphsOfFiles, pushEach, Redactor } = await loadPush();
  const ext = FORMATS[format].ext;
  // By default every exported dataset file: the shared entities and each article, each into its own named graph.
  const files = opts.args.length ? opts.args : exportedDatasetFiles(resolvePath(io, 'output'), ext);
  if (!files.length) throw new UsageError(`no .${ext} files to push: run kg export --format ${format} first, or name the files`);
  const graphs = graphsOfFiles(files, { ext, graphOf: (name) => graphIri(opts.base, name), ...(opts.graph ? { graph: opts.graph } : {}) });
  const credentials = credentialsFromEnv(io.env);
  // Every line written goes through the redactor of the credentials (push's own messages already do).
  const redactor = new Redactor(credentials);
  // One push per graph, each with its own count and content check; a line per graph as it is done; the first failure stops.
  const line = progress({ stream: io.stderr, env: io.env });
  const say = (text: string): void => { line.clear(); io.stderr.write(`${redactor.text(text)}\n`); };
  let pushed = 0;
  const showNext = (): void => { if (pushed < graphs.length) line.update(redactor.text(`pushing graph ${pushed + 1}/${graphs.length}: <${graphs[pushed]?.graph}>`), true); };
  showNext();
  try {
    await pushEach({
      endpoint: opts.endpoint, graphs, mode: opts.append ? 'append' : 'replace', mediaType: FORMATS[format].mediaType,
      chunkBytes: opts.chunkBytes, timeoutMs: opts.timeoutMs, retries: opts.retries, gspPath: opts.gspPath, sparqlPath: opts.sparqlPath,
      ...(opts.verifySample === undefined ? {} : { verifySample: opts.verifySample }),
      ...(credentials ? { credentials } : {}),
      ...(opts.verbose ? { log: (text: string) => { say(text); showNext(); } } : {}),
      onPushed: (report) => {
        say(`pushed ${report.uploaded} bytes in ${report.chunks} request(s) to <${report.graph}>: the store counts ${report.counted} triples, the export has ${report.expected}; ${contentLine(report.content)}`);
        pushed++;
        showNext();
      },
    });
  } finally {
    line.clear();
  }
}

/** What the content check of one graph found, as said after its counts. */
function contentLine(c: { asked: number; unaskable: number; sample: number | 'all' }): string {
  if (c.sample === 0) return 'content not checked (--verify-sample 0)';
  const left = c.unaskable ? ` (${c.unaskable} with a blank node, or a term a query cannot spell, left to the count)` : '';
  if (c.sample === 'all') return `each of its ${c.asked} triples found in the store${left}`;
  return `a sample of ${c.asked} triples (chosen by hash) found in the store${left}`;
}
