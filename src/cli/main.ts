// The `kg` command line: parses options from the table in options.ts, runs the library, and decides exit codes (src/cli.ts is the executable that calls main).
import { Command, CommanderError, Option } from 'commander';
import { cannotRead, DataError, InputError, UsageError } from '../errors.js';
import { writeFilesAtomically } from '../rdf/atomic.js';
import { loadDatasetJson } from '../rdf/input.js';
import { allowedValues, COMMANDS, defaultText, describeOption, longFlag, type CommandName, type CommandSpec, type CommandValues, type OptionSpec } from './options.js';
import { duration, progress } from './progress.js';
import { isStdin, spool, stdinAtMostOnce } from '../rdf/stdin.js';
import { PACKAGE, PROJECT_ROOT, projectPath } from '../project.js';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Dataset } from '../mapping/dataset.js';
import { basename, join } from 'node:path';
// The modules that pull in oxigraph (WASM), SHACL, JSON-LD, n3 or Graphviz are imported by the actions that need
// them, so that light commands (coverage, new-article, --help) start fast.

/** The query module (Oxigraph), once a command has loaded it; its QueryError is only thrown after that. */
let queryModule: typeof import('../commands/query.js') | undefined;
const loadQuery = async (): Promise<typeof import('../commands/query.js')> => (queryModule ??= await import('../commands/query.js'));
/** The push module (HTTP clients), once kg push has loaded it; its PushError is only thrown after that. */
let pushModule: typeof import('../commands/push.js') | undefined;

/** The built-in datasets (shared entities, then one per article), loaded on first use so that a mistake in an article module is reported as a message naming its line, not a crash at start-up. */
async function builtInDatasets(): Promise<readonly Dataset[]> {
  process.setSourceMapsEnabled(true);
  return (await import('../data/index.js')).DATASETS;
}

/** What a command does with its checked, typed options (the table's parsers ran before it). */
type Action<N extends CommandName> = (opts: CommandValues<N>, given: ReadonlySet<string>) => Promise<void | number>;

/** What each command does with its parsed options. */
const ACTIONS: { readonly [N in CommandName]: Action<N> } = {
  async export(opts, given) {
    const { base, format: formats } = opts;
    if (opts.out.trim() === '') throw new UsageError('--out needs a folder (or "-" for stdout)');
    if (opts.synthetic !== undefined) {
      const { synthetic: n, seed, splitSize } = opts;
      const { checkBase } = await import('../mapping/iri.js');
      const checked = checkBase(base);
      if (checked) throw new UsageError(checked);
      if (opts.out === '-') throw new UsageError('--out - does not apply with --synthetic: a synthetic corpus is streamed into a folder, give one with --out DIR');
      const out = resolve(given.has('--out') ? opts.out : 'synthetic');
      const line = syntheticProgress(n);
      const { exportStream } = await import('../commands/stream.js');
      const { syntheticCorpus } = await import('../commands/synthetic.js');
      const result = await exportStream(syntheticCorpus(n, seed), out, {
        base, formats, name: 'synthetic', title: `Synthetic corpus of ${n} articles (seed ${seed})`, ...(splitSize ? { splitSize } : {}), ...(line ? { progress: line.report } : {}),
      });
      line?.done();
      for (const p of result.paths) process.stderr.write(`wrote ${p}\n`);
      process.stderr.write(`${result.articles} articles, ${result.triples} triples\n`);
      return;
    }
    if (opts.input) stdinAtMostOnce(opts.input);
    const datasets = opts.input ? opts.input.map(loadDatasetJson) : await builtInDatasets();
    const { checkAll, datasetFile, exportAll } = await import('../commands/export.js');
    if (opts.out === '-') {
      const [only] = formats;
      if (formats.length !== 1 || only === undefined) throw new UsageError('--out - writes one format only: choose one with --format');
      checkAll(datasets, { base });
      for (const d of datasets) await datasetFile('', d, { base }, only).write((chunk) => process.stdout.write(chunk));
      return;
    }
    const written = await exportAll(datasets, resolve(opts.out), { base, formats });
    for (const path of written) process.stderr.write(`wrote ${path}\n`);
  },
  async query(opts) {
    const { defaultDataFiles, formatGraph, formatResults, loadData, outputFormat, queryForm, readQuery, runAnyQuery } = await loadQuery();
    const asked = opts.format;
    const { query, source } = await readQuery(opts.args, opts.query, process.stdin);
    outputFormat(asked, queryForm(query)); // a format that does not fit the query's form is refused before any data is read
    const data = opts.data ?? defaultDataFiles(resolve('output'));
    const line = progress();
    const store = await loadData(data, (file, i) => line.update(`loading ${i + 1}/${data.length}: ${file}`, true));
    line.update('running the query', true);
    const result = runAnyQuery(store, query, source);
    line.clear();
    const format = outputFormat(asked, result.kind === 'graph' ? 'CONSTRUCT' : result.results.boolean !== undefined ? 'ASK' : 'SELECT');
    process.stdout.write(result.kind === 'graph'
      ? await formatGraph(result.quads, format as Parameters<typeof formatGraph>[1])
      : formatResults(result.results, format as Parameters<typeof formatResults>[1]));
  },
  async validate(opts) {
    const shapesPath = opts.shapes ?? projectPath('ontology/shapes.ttl');
    const [{ parseShapes }, { exitCodeOf, formatReportsText, validateFile }] = await Promise.all([import('../commands/shacl.js'), import('../commands/validate.js')]);
    let shapes;
    try {
      shapes = parseShapes(readFileSync(shapesPath, 'utf8'));
    } catch (error) {
      throw new UsageError(`cannot use the shapes ${shapesPath}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    const files = opts.args;
    stdinAtMostOnce(files);
    const reports = [];
    const line = progress();
    for (const [i, file] of files.entries()) {
      // Standard input ("-", /dev/stdin) and pipes are copied to a temporary file first: validation reads a file several times.
      const input = await spool(file);
      try {
        const inputFormat = opts.inputFormat ?? input.defaultFormat;
        const shown = `${input.name}${files.length > 1 ? ` (${i + 1}/${files.length})` : ''}`;
        let step = '';
        const onStep = (s: string, triples: number): void => {
          line.update(`${shown}: ${s}${triples ? `, ${triples} triples` : ''}`, s !== step);
          step = s;
        };
        const report = await validateFile(input.path, { base: opts.base, shapes, shaclMaxTriples: opts.shaclMaxTriples, ...(inputFormat ? { inputFormat } : {}), ...(line.active ? { onStep } : {}) });
        reports.push(input.path === file ? report : { ...report, file: input.name });
      } finally {
        input.cleanup();
      }
    }
    line.clear();
    process.stdout.write(opts.format === 'json' ? `${JSON.stringify(reports, null, 2)}\n` : formatReportsText(reports));
    return exitCodeOf(reports);
  },
  async import(opts) {
    const { importFile } = await import('../commands/import.js');
    const input = await spool(opts.args);
    let dataset;
    try {
      const inputFormat = opts.inputFormat ?? input.defaultFormat;
      dataset = await importFile(input.path, { base: opts.base, name: input.name, ...(inputFormat ? { inputFormat } : {}) });
    } finally {
      input.cleanup();
    }
    const json = `${JSON.stringify(dataset, null, 2)}\n`;
    if (opts.out === '-') { process.stdout.write(json); return; }
    const out = resolve(opts.out);
    await writeFilesAtomically([{ path: out, write: (sink) => sink(json) }]);
    process.stderr.write(`wrote ${out} (${dataset.entities.length} entities)\n`);
  },
  async push(opts, given) {
    if (!opts.endpoint) throw new UsageError('kg push needs --endpoint URL');
    if (opts.replace && opts.append) throw new UsageError('--replace and --append exclude each other');
    const { format } = opts;
    if (format === 'turtle' && given.has('--chunk-bytes')) throw new UsageError('--chunk-bytes does not apply with --format turtle: Turtle files are sent whole, one request per file');
    const [{ FORMATS }, { graphIri }] = await Promise.all([import('../rdf/formats.js'), import('../generate/description.js')]);
    const { credentialsFromEnv, exportedDatasetFiles, graphsOfFiles, pushEach } = (pushModule ??= await import('../commands/push.js'));
    const ext = FORMATS[format].ext;
    // By default every exported dataset file: the shared entities and each article, each into its own named graph.
    const files = opts.args.length ? opts.args : exportedDatasetFiles(resolve('output'), ext);
    if (!files.length) throw new UsageError(`no .${ext} files to push: run kg export --format ${format} first, or name the files`);
    const graphs = graphsOfFiles(files, { ext, graphOf: (name) => graphIri(opts.base, name), ...(opts.graph ? { graph: opts.graph } : {}) });
    const credentials = credentialsFromEnv(process.env);
    // One push per graph, each with its own count check; a line per graph as it is done; the first failure stops.
    const line = progress();
    const say = (text: string): void => { line.clear(); process.stderr.write(`${text}\n`); };
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
  },
  async roundtrip(opts) {
    const file = opts.args;
    const { base, inputFormat } = opts;
    const { roundtrip, rdfFileFormat } = await import('../commands/roundtrip.js');
    const sources = (['synthetic', 'input', 'dataset'] as const).filter((k) => opts[k] !== undefined).map((k) => `--${k}`);
    if (sources.length > 1) throw new UsageError(`${sources.join(' and ')} exclude each other: give one source of the expected graph`);
    if (isStdin(file) && !sources.length) throw new UsageError('kg roundtrip - (standard input) has no file name to find the dataset by: give --dataset NAME, --input DATASET.json or --synthetic N');
    if (opts.input !== undefined) stdinAtMostOnce([file, opts.input]);
    if (!isStdin(file)) rdfFileFormat(file, inputFormat); // a missing file or unknown format is refused before the datasets are loaded
    let datasets: (() => Iterable<Dataset>) | readonly Dataset[];
    if (opts.synthetic !== undefined) {
      const { synthetic: n, seed } = opts;
      const { syntheticCorpus } = await import('../commands/synthetic.js');
      datasets = () => syntheticCorpus(n, seed);
    } else if (opts.input !== undefined) {
      const input = opts.input;
      if (!isStdin(input)) {
        const { statSync } = await import('node:fs');
        let isFile = false;
        try { isFile = statSync(input).isFile(); } catch (error) {
          throw cannotRead(input, error, 'the dataset');
        }
        if (!isFile) throw cannotRead(input, new Error('not a file'), 'the dataset');
      }
      datasets = [loadDatasetJson(input === '/dev/stdin' ? '-' : input)];
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
    const spooled = await spool(file);
    let report;
    try {
      const format = inputFormat ?? spooled.defaultFormat;
      report = await roundtrip(spooled.path, datasets, { base, ...(format ? { inputFormat: format } : {}) });
    } finally {
      spooled.cleanup();
    }
    const verdict = report.sameOrder ? 'the same triples in the same order' : report.same ? 'the same triples, in another order' : 'DIFFERENT';
    process.stdout.write(`${spooled.name}: ${verdict} (file ${report.fileTriples} triples, entities ${report.expectedTriples})\n`);
    if (!report.same) {
      process.stdout.write(`  ${report.missing.count} missing from the file, ${report.extra.count} extra in it\n`);
      for (const [label, d] of [['missing', report.missing], ['extra', report.extra]] as const) {
        for (const t of d.first) process.stdout.write(`  ${label} ${t}\n`);
        if (d.count > d.first.length) process.stdout.write(`  … and ${d.count - d.first.length} more ${label}\n`);
      }
    }
    return report.same ? 0 : 1;
  },
  async docs(opts) {
    if (opts.out.trim() === '') throw new UsageError('--out needs a folder');
    if (opts.out === '-') throw new UsageError('--out - does not apply to kg docs: a site is many files, give a folder with --out DIR');
    const out = resolve(opts.out);
    const { writeDocs } = await import('../site/docs.js');
    const line = progress();
    let written;
    try {
      written = await writeDocs(out, { base: opts.base, ...(line.active ? { onStep: (step: string) => line.update(`kg docs: ${step}`, true) } : {}) });
    } finally {
      line.clear();
    }
    process.stderr.write(`wrote ${written.length} files; open ${join(out, 'index.html')}\n`);
  },
  async ontology(opts) {
    if (opts.out.trim() === '') throw new UsageError('--out needs a folder (or "-" for stdout)');
    const { ontologyFile, shapesFile } = await import('../commands/export.js');
    if (opts.out === '-') { await ontologyFile('').write((chunk) => process.stdout.write(chunk)); return; }
    const dir = resolve(opts.out);
    const files = [ontologyFile(dir), shapesFile(dir)];
    await writeFilesAtomically(files);
    for (const f of files) process.stderr.write(`wrote ${f.path}\n`);
  },
  async coverage(opts) {
    process.setSourceMapsEnabled(true);
    const { ARTICLES } = await import('../data/index.js');
    const { coverage, formatCoverage, hasGaps, selectArticles } = await import('../commands/coverage.js');
    const reports = selectArticles(ARTICLES, opts.args).map(coverage);
    process.stdout.write(formatCoverage(reports));
    return reports.some(hasGaps) ? 1 : 0;
  },
  async 'new-article'(opts) {
    const { newArticle } = await import('../commands/new-article.js');
    const made = newArticle({ root: PROJECT_ROOT, source: opts.args, date: opts.date, name: opts.name, title: opts.title });
    process.stderr.write(`wrote ${made.source}\nwrote ${made.module} (${made.sentences} sentences)\nregistered ${made.name} in ${made.registry}\n`);
  },
};

/** An option's help text: its description, and the values it takes. */
function helpText(o: OptionSpec): string {
  const allowed = allowedValues(o);
  return allowed ? `${describeOption(o)} (values: ${allowed})` : describeOption(o);
}

/** Adds a command to the program, configured from its entry in the table: each option with its parser and typed default. */
function addCommand(program: Command, spec: CommandSpec): void {
  const cmd = program.command(spec.name + (spec.args ? ` ${spec.args}` : '')).description(spec.summary);
  for (const o of spec.options) {
    const option = new Option(o.flags, helpText(o));
    if (o.default !== undefined) option.default(o.default, defaultText(o));
    const key = option.attributeName();
    // The value so far is the user's only once they gave the option (not the default), so a list given starts afresh.
    const sofar = <T>(previous: T): T | undefined => (cmd.getOptionValueSource(key) === 'cli' ? previous : undefined);
    const parse = o.parse?.bind(o);
    if (parse) option.argParser((raw: string, previous: unknown) => parse(raw, sofar(previous)));
    else if (o.repeatable) option.argParser((raw: string, previous: string[] | undefined) => [...(sofar(previous) ?? []), raw]);
    cmd.addOption(option);
  }
  const action = (ACTIONS as Record<string, Action<CommandName> | undefined>)[spec.name];
  if (!action) throw new Error(`no action for command ${spec.name}`);
  cmd.action(async (...args: unknown[]) => {
    // The one place the values are trusted to have the table's types: commander ran the table's parsers on them.
    const opts = (spec.args ? args[1] : args[0]) as Record<string, unknown>;
    const given = givenOptions(cmd);
    checkModes(spec, given);
    const code = await action((spec.args ? { ...opts, args: args[0] } : opts) as never, given);
    if (typeof code === 'number') exitCode = code;
  });
}

/** The long flags given on the command line (not defaults): `--seed` only when the user typed it. */
function givenOptions(cmd: Command): ReadonlySet<string> {
  return new Set(cmd.options.filter((o) => o.long && cmd.getOptionValueSource(o.attributeName()) === 'cli').map((o) => o.long as string));
}

/** Refuses an option given without the mode it belongs to, or with a mode it does not apply to (the table's onlyWith and notWith). */
function checkModes(spec: CommandSpec, given: ReadonlySet<string>): void {
  for (const o of spec.options) {
    const flag = longFlag(o);
    if (!given.has(flag)) continue;
    if (o.onlyWith && !given.has(o.onlyWith)) throw new UsageError(`${flag} only applies with ${o.onlyWith}`);
    for (const other of o.notWith ?? []) if (given.has(other)) throw new UsageError(`${flag} does not apply with ${other}: they exclude each other`);
  }
}

/** The progress of a synthetic export on stderr (in a terminal, not under CI): articles, entities, triples, triples/s, ETA. */
function syntheticProgress(total: number): { report: (p: { articles: number; entities: number; triples: number }) => void; done: () => void } | undefined {
  const line = progress();
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

/** The exit code a command asked for (validate decides its own). */
let exitCode = 0;

/**
 * Runs the CLI on the given arguments and returns the exit code; the one place exit codes are decided:
 * 0 success, 1 invalid data, 2 wrong usage or unreadable input, 3 a remote service failed (kg push).
 */
export async function main(argv: readonly string[]): Promise<number> {
  const program = new Command('kg')
    .description('Export hand-modelled news knowledge as RDF (Turtle) with provenance.')
    .version(PACKAGE.version)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) });
  for (const spec of COMMANDS) addCommand(program, spec);
  program.commands.forEach((c) => c.exitOverride());
  try {
    if (argv.length === 0) { program.outputHelp({ error: true }); return 2; }
    exitCode = 0;
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help' ? 0 : 2;
    }
    if (error instanceof InputError) { process.stderr.write(`kg: ${error.message}\n`); return 2; }
    if (error instanceof DataError) {
      const writes = argv[0] === 'export' || argv[0] === 'import';
      process.stderr.write(`kg: invalid input${writes ? ', nothing was written' : ''}:\n${error.message.replace(/^/gm, '  ')}\n`);
      return 1;
    }
    if (error instanceof UsageError) { process.stderr.write(`kg: ${error.message}\n`); return 2; }
    if (queryModule && error instanceof queryModule.QueryError) { process.stderr.write(`${error.message}\n`); return 1; }
    // A push that fails for its input (a file, the endpoint URL, credentials) is a usage error; anything the store or network did is 3.
    if (pushModule && error instanceof pushModule.PushError) { process.stderr.write(`kg push: ${error.message}\n`); return error.kind === 'input' ? 2 : 3; }
    process.stderr.write(`kg: ${error instanceof Error ? error.message : String(error)}\n`);
    if ((process.env.KG_DEBUG || argv.includes('--verbose')) && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    return 1;
  }
}
