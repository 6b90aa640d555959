// Uploads RDF files into named graphs of a triple store (SPARQL 1.1 Graph Store HTTP Protocol), then checks each graph's count and content.
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { readProblem } from '../../errors.js';
import { baseType, countDistinctTriples, inspectFiles, NTRIPLES } from './chunks.js';
import { checkContent, checkFound } from './content.js';
import { Context, type PushOptions } from './context.js';
import { checkCount, countGraph } from './count.js';
import { PushError } from './errors.js';
import { uploadAll, withRetries } from './upload.js';

export { credentialsFromEnv, type Credentials } from './auth.js';
export { Redactor } from './redact.js';
export { countDistinctTriples, countNTriples, ntriplesChunks } from './chunks.js';
export {
  DEFAULT_BACKOFF_MS, DEFAULT_CHUNK_BYTES, DEFAULT_GSP_PATH, DEFAULT_RETRIES, DEFAULT_SPARQL_PATH, DEFAULT_TIMEOUT_MS, type PushOptions,
} from './context.js';
export { PushError, type PushErrorKind } from './errors.js';

/** What a successful push did: bytes sent, both triple counts, and what the content check asked. */
export interface PushReport {
  /** Bytes of RDF sent in successful requests (a retried upload counts once). */
  uploaded: number;
  expected: number;
  /** Triples in the graph after the upload, as the store's query service counts them. */
  counted: number;
  graph: string;
  /** Requests whose body was accepted (chunks of the successful upload). */
  chunks: number;
  /** Append mode only: triples in the graph before the upload. */
  before?: number;
  /**
   * The content check: how many distinct triples of the upload were asked back (each was found), of a sample or of
   * all (`sample`: the sample size asked for, 'all', or 0 when the check was skipped), and how many it cannot ask.
   */
  content: { asked: number; unaskable: number; sample: number | 'all' };
}

/**
 * Uploads the files into the named graph, checks the store's triple count against `expectedTriples`, then asks the
 * store for the upload's triples (the content check).
 *
 * Requests: the Graph Store protocol at `<endpoint><gspPath>?graph=<IRI>`. In replace mode the first request is a
 * PUT and every further chunk a POST; in append mode all are POSTs. N-Triples files are read as streams and cut on
 * line boundaries into bodies of at most `chunkBytes`; other formats are streamed whole in one request each.
 * Blank nodes cannot be cut apart (each request is its own document), so a file that needs several chunks must
 * have none (the export has none).
 *
 * Retries of transient failures (5xx, connection reset, timeout), at most `retries` times with exponential backoff:
 * - replace: the whole upload starts again with a PUT, which throws away whatever a broken attempt left;
 * - append: only the failed request is sent again. A POST of the same ground triples twice leaves the graph as
 *   one POST does (a graph is a set), so a chunk the store did take before the failure is not duplicated.
 *
 * The count check: in replace mode the graph must hold exactly `expectedTriples`. In append mode the graph is
 * counted before and after; afterwards it must hold at least `max(before, expectedTriples)` and at most
 * `before + expectedTriples` triples (triples already in the graph are not added twice), else 'count-mismatch'.
 *
 * The content check, after the count (a count proves nothing about which triples are there): every triple of the
 * files is asked back through the query service (`checkContent`: 64 per query, so ceil(n / 64) more requests for n
 * triples), or with `verifySample` N the N triples chosen by hash (ceil(N / 64) requests), or none with 0. Any triple
 * not found is a 'content-mismatch' naming the graph and the first missing triple. With every triple asked, a graph
 * that passes both checks in replace mode holds exactly the upload's triples (those with blank nodes only counted).
 *
 * No message, log line or error leaving this function holds the credentials in any encoding (`Redactor`).
 */
export async function push(options: PushOptions): Promise<PushReport> {
  const ctx = new Context(options);
  try {
    return await pushWith(ctx);
  } catch (error) {
    throw ctx.redactError(error);
  }
}

async function pushWith(ctx: Context): Promise<PushReport> {
  const { options, log } = ctx;
  const files = await inspectFiles(options.files, ctx.chunkBytes);
  if (!Number.isSafeInteger(options.expectedTriples) || options.expectedTriples < 0) {
    throw new PushError('input', `the expected triple count must be a whole number, not ${String(options.expectedTriples)}`);
  }
  if (ctx.verifySample !== 0) {
    const other = files.find((f) => ![NTRIPLES, 'text/turtle'].includes(baseType(f.mediaType)));
    if (other) throw new PushError('input', `cannot check the content of ${other.mediaType} files: push N-Triples or Turtle, or skip the check (verifySample 0)`);
  }
  let before: number | undefined;
  if (options.mode === 'append') {
    before = await withRetries(ctx, 'count', () => countGraph(ctx));
    log(`graph <${options.graph}> holds ${before} triples before the upload`);
  }
  let sent: { bytes: number; chunks: number };
  if (options.mode === 'replace') {
    sent = await withRetries(ctx, 'upload', () => uploadAll(ctx, files, 'PUT', false));
  } else {
    sent = await uploadAll(ctx, files, 'POST', true);
  }
  log(`uploaded ${sent.bytes} bytes in ${sent.chunks} request${sent.chunks === 1 ? '' : 's'}`);
  const counted = await withRetries(ctx, 'count', () => countGraph(ctx));
  const expected = options.expectedTriples;
  checkCount(ctx, counted, expected, before);
  log(`graph <${options.graph}> holds ${counted} triples (expected ${expected})`);
  let content: PushReport['content'] = { asked: 0, unaskable: 0, sample: 0 };
  if (ctx.verifySample !== 0) {
    const found = await checkContent(ctx);
    checkFound(ctx, found);
    content = { asked: found.asked, unaskable: found.unaskable, sample: ctx.verifySample };
  }
  return { uploaded: sent.bytes, expected, counted, graph: options.graph, chunks: sent.chunks, ...(before === undefined ? {} : { before }), content };
}

/** The files of an export folder that hold no dataset: the ontology, the VoID description, the SHACL shapes, the JSON-LD context. */
const NOT_DATASETS: ReadonlySet<string> = new Set(['news-kg', 'void', 'shapes', 'context']);

/**
 * The dataset files `kg push` sends by default: every `<name>.<ext>` of the export folder (the shared entities,
 * then one per article: `entities.nt`, `article-000.nt`, …), not the ontology, VoID, shapes or context; sorted by
 * name. None when the folder does not exist.
 */
export function exportedDatasetFiles(dir: string, ext: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw new PushError('input', `cannot read the export folder ${dir}: ${readProblem(error)}`);
  }
  const suffix = `.${ext}`;
  return names.filter((n) => n.endsWith(suffix) && n.length > suffix.length && !NOT_DATASETS.has(n.slice(0, -suffix.length)))
    .sort().map((n) => join(dir, n));
}

/** One named graph of a push and the files that go into it. */
export interface GraphFiles {
  readonly graph: string;
  readonly files: readonly string[];
}

/**
 * Which graph each file goes into. With `graph`, every file goes into it (one push). Without, each file goes into
 * the graph of the dataset it holds, `graphOf(<file name without .ext>)` (`entities.nt` into `<base>graph/entities`,
 * `article-000.nt` into `<base>graph/article-000`); files of one name (from different folders) go into one graph
 * together. Graphs come in the order of their first file.
 */
export function graphsOfFiles(files: readonly string[], options: { ext: string; graph?: string; graphOf: (name: string) => string }): GraphFiles[] {
  if (options.graph !== undefined) return [{ graph: options.graph, files: [...files] }];
  const out = new Map<string, string[]>();
  for (const f of files) {
    const graph = options.graphOf(basename(f, `.${options.ext}`));
    out.set(graph, [...(out.get(graph) ?? []), f]);
  }
  return [...out].map(([graph, list]) => ({ graph, files: list }));
}

/** The options of `pushEach`: those of `push` shared by every graph, the graphs with their files, and their media type. */
export type PushEachOptions = Omit<PushOptions, 'graph' | 'files' | 'expectedTriples'> & {
  readonly graphs: readonly GraphFiles[];
  /** The media type of every file: N-Triples or Turtle. */
  readonly mediaType: string;
  /** Called once a graph is pushed and its count checked, before the next graph starts. */
  readonly onPushed?: (report: PushReport, graph: GraphFiles) => void;
};

/**
 * Pushes several named graphs one after the other: one `push()` per graph, with its own replace (PUT) or append, and
 * its own count check against the distinct triples of its own files (`countDistinctTriples`). Every graph is
 * counted before anything is sent. Stops at the first graph that fails and throws its PushError (a count mismatch
 * names that graph); graphs pushed before it stay pushed, and were reported through `onPushed`.
 */
export async function pushEach(options: PushEachOptions): Promise<PushReport[]> {
  const { graphs, mediaType, onPushed, ...common } = options;
  const expected: number[] = [];
  for (const g of graphs) expected.push(await countDistinctTriples(g.files, mediaType));
  const reports: PushReport[] = [];
  for (const [i, g] of graphs.entries()) {
    const report = await push({ ...common, graph: g.graph, files: g.files.map((path) => ({ path, mediaType })), expectedTriples: expected[i] ?? 0 });
    reports.push(report);
    onPushed?.(report, g);
  }
  return reports;
}
