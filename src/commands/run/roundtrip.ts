// kg roundtrip: re-read an export and compare it, as a set of triples, with what the entities give now.
import { basename } from 'node:path';
import { cannotRead, UsageError } from '../../errors.js';
import type { Dataset } from '../../mapping/dataset.js';
import { isStdin, spool, stdinAtMostOnce } from '../../rdf/stdin.js';
import { checkBaseOption, type Io } from './io.js';
import { builtInDatasets } from './modules.js';
import type { CommandValues } from './values.js';

/** Runs kg roundtrip; returns 0 when the file has the same triples, 1 when it differs. */
export async function runRoundtrip(opts: CommandValues<'roundtrip'>, io: Io): Promise<number> {
  const file = opts.args;
  const { base, inputFormat } = opts;
  const { roundtrip, rdfFileFormat } = await import('../roundtrip.js');
  type DatasetSource = import('../roundtrip.js').DatasetSource;
  const sources = (['synthetic', 'input', 'dataset'] as const).filter((k) => opts[k] !== undefined).map((k) => `--${k}`);
  if (sources.length > 1) throw new UsageError(`${sources.join(' and ')} exclude each other: give one source of the expected graph`);
  if (isStdin(file) && !sources.length) throw new UsageError('kg roundtrip - (standard input) has no file name to find the dataset by: give --dataset NAME, --input DATASET.json or --synthetic N');
  if (opts.input !== undefined) stdinAtMostOnce([file, opts.input]);
  await checkBaseOption(base);
  if (!isStdin(file)) rdfFileFormat(file, inputFormat); // a missing file or unknown format is refused before the datasets are loaded
  let datasets: DatasetSource;
  if (opts.synthetic !== undefined) {
    const { synthetic: n, seed } = opts;
    const { defaultJobs } = await import('../jobs.js');
    datasets = { kind: 'synthetic', seed, count: n, jobs: opts.jobs ?? defaultJobs(n) };
  } else if (opts.input !== undefined) {
    const input = opts.input;
    if (!isStdin(input)) {
      const { statSync } = await import('node:fs');
      let isFile = false;
      try {
        const stat = statSync(input);
        if (stat.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
        isFile = stat.isFile();
      } catch (error) {
        throw cannotRead(input, error, 'the dataset');
      }
      if (!isFile) throw cannotRead(input, new Error('not a regular file'), 'the dataset');
    }
    const { loadDatasetJson } = await import('../../rdf/input.js');
    const dataset = loadDatasetJson(input === '/dev/stdin' ? '-' : input);
    // The expected graph is what kg export would write from this file, so the file must pass export's checks first.
    const { checkAll } = await import('../export.js');
    checkAll([dataset], { base });
    datasets = [dataset];
  } else {
    const all = await builtInDatasets();
    const name = opts.dataset ?? basename(file).replace(/\.[a-z]+$/, '');
    const found = all.find((d) => d.name === name);
    if (!found) {
      const known = all.map((d) => d.name).join(', ');
      throw new UsageError(opts.dataset !== undefined
        ? `no built-in dataset is named ${JSON.stringify(name)}: use one of ${known}`
        : `no built-in dataset is named ${JSON.stringify(name)} (the file's name): name one with --dataset (${known}), give --input DATASET.json, or --synthetic N`);
    }
    datasets = [found];
  }
  const spooled = await spool(file, io.stdin);
  let report;
  try {
    const format = inputFormat ?? spooled.defaultFormat;
    report = await roundtrip(spooled.path, datasets, { base, name: spooled.name, ...(format ? { inputFormat: format } : {}) });
  } finally {
    spooled.cleanup();
  }
  const verdict = report.sameOrder ? 'the same triples in the same order' : report.same ? 'the same triples, in another order' : 'DIFFERENT';
  io.stdout.write(`${spooled.name}: ${verdict} (file ${report.fileTriples} triples, entities ${report.expectedTriples})\n`);
  if (!report.same) {
    io.stdout.write(`  ${report.missing.count} missing from the file, ${report.extra.count} extra in it\n`);
    for (const [label, d] of [['missing', report.missing], ['extra', report.extra]] as const) {
      for (const t of d.first) io.stdout.write(`  ${label} ${t}\n`);
      if (d.count > d.first.length) io.stdout.write(`  … and ${d.count - d.first.length} more ${label}\n`);
    }
  }
  return report.same ? 0 : 1;
}
