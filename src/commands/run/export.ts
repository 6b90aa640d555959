// kg export: check the datasets (built-in, JSON files, or a synthetic corpus) and write them, or one format to stdout.
import { UsageError } from '../../errors.js';
import { stdinAtMostOnce } from '../../rdf/stdin.js';
import { resolvePath, type Io } from './io.js';
import { builtInDatasets } from './modules.js';
import { duration, progress } from './progress.js';
import type { CommandValues } from './values.js';

/** Runs kg export; `given` holds the long flags typed on the command line (`--out` given, not defaulted). */
export async function runExport(opts: CommandValues<'export'>, io: Io, given: ReadonlySet<string> = new Set()): Promise<void> {
  const { base, format: formats } = opts;
  if (opts.out.trim() === '') throw new UsageError('--out needs a folder (or "-" for stdout)');
  if (opts.synthetic !== undefined) {
    const { synthetic: n, seed, splitSize } = opts;
    const { checkBase } = await import('../../mapping/iri.js');
    const checked = checkBase(base);
    if (checked) throw new UsageError(checked);
    if (opts.out === '-') throw new UsageError('--out - does not apply with --synthetic: a synthetic corpus is streamed into a folder, give one with --out DIR');
    const out = resolvePath(io, given.has('--out') ? opts.out : 'synthetic');
    const line = syntheticProgress(n, io);
    const shard = opts.shard === undefined ? undefined : parseShard(opts.shard);
    const { exportStream } = await import('../stream.js');
    const { defaultJobs } = await import('../jobs.js');
    const title = `Synthetic corpus of ${n} articles (seed ${seed})${shard ? `, shard ${shard.index} of ${shard.of}` : ''}`;
    const result = await exportStream({ kind: 'synthetic', seed, count: n }, out, {
      base, formats, name: 'synthetic', title, jobs: opts.jobs ?? defaultJobs(shard ? Math.ceil(n / shard.of) : n), ...(shard ? { shard } : {}),
      ...(splitSize ? { splitSize } : {}), ...(line ? { progress: line.report } : {}),
    });
    line?.done();
    for (const p of result.paths) io.stderr.write(`wrote ${p}\n`);
    io.stderr.write(`${result.articles} articles, ${result.triples} triples\n`);
    return;
  }
  if (opts.input) stdinAtMostOnce(opts.input);
  // The JSON reader (and n3 behind it) is loaded only by a run that reads JSON datasets: `kg --version` stays light.
  const { loadDatasetJson } = await import('../../rdf/input.js');
  const datasets = opts.input ? opts.input.map((path) => loadDatasetJson(path)) : await builtInDatasets();
  const { checkAll, datasetFile, exportAll } = await import('../export.js');
  if (opts.out === '-') {
    const [only] = formats;
    if (formats.length !== 1 || only === undefined) throw new UsageError('--out - writes one format only: choose one with --format');
    checkAll(datasets, { base });
    for (const d of datasets) await datasetFile('', d, { base }, only).write((chunk) => io.stdout.write(chunk));
    return;
  }
  const written = await exportAll(datasets, resolvePath(io, opts.out), { base, formats });
  for (const path of written) io.stderr.write(`wrote ${path}\n`);
}

/** The progress of a synthetic export on stderr (in a terminal, not under CI): articles, entities, triples, triples/s, ETA. */
function syntheticProgress(total: number, io: Io): { report: (p: { articles: number; entities: number; triples: number }) => void; done: () => void } | undefined {
  const line = progress({ stream: io.stderr, env: io.env });
  if (!line.active) return undefined;
  const started = Date.now();
  return {
    report: ({ articles, entities, triples }) => {
      const seconds = (Date.now() - started) / 1000;
      const rate = seconds > 0 ? Math.round(triples / seconds) : 0;
      const eta = articles > 0 ? (seconds / articles) * (total - articles) : 0;
      line.update(`${articles}/${total} articles, ${entities} entities, ${triples} triples, ${rate} triples/s, ETA ${duration(eta)}`, articles >= total);
    },
    done: () => line.done(),
  };
}

/** `--shard i/n`: shard i (counted from 0) of n. */
function parseShard(raw: string): { index: number; of: number } {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(raw);
  const index = Number(m?.[1]);
  const of = Number(m?.[2]);
  if (!m || !Number.isSafeInteger(of) || of < 1 || index >= of) {
    throw new UsageError(`--shard must be i/n with 0 ≤ i < n (shard i of n, counted from 0), not ${JSON.stringify(raw)}`);
  }
  return { index, of };
}
