#!/usr/bin/env node
// The `kg` command line: parses options from the table in options.ts, runs the library, and decides exit codes.
import { Command, CommanderError } from 'commander';
import { DATASETS } from './data/index.js';
import { DataError, UsageError } from './errors.js';
import { checkAll, datasetFile, exportAll, ontologyFile } from './export.js';
import { writeFilesAtomically } from './atomic.js';
import { loadDatasetJson } from './input.js';
import { COMMANDS, type CommandSpec } from './options.js';
import { PACKAGE, projectPath } from './project.js';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defaultDataFiles, formatResults, loadStore, QueryError, RESULT_FORMATS, runQuery, type ResultFormat } from './query.js';

/** What each command does with its parsed options. */
const ACTIONS: Record<string, (opts: Record<string, string | string[]>) => Promise<void>> = {
  async export(opts) {
    const base = String(opts.base ?? '');
    const datasets = opts.input ? [opts.input].flat().map(loadDatasetJson) : DATASETS;
    if (opts.out === '-') {
      checkAll(datasets, { base });
      for (const d of datasets) await datasetFile('', d, { base }).write((chunk) => process.stdout.write(chunk));
      return;
    }
    const written = await exportAll(datasets, resolve(String(opts.out ?? 'output')), { base });
    for (const path of written) process.stderr.write(`wrote ${path}\n`);
  },
  async query(opts) {
    const file = String(opts.args);
    const format = String(opts.format) as ResultFormat;
    if (!RESULT_FORMATS.includes(format)) throw new UsageError(`unknown format ${JSON.stringify(format)}: use one of ${RESULT_FORMATS.join(', ')}`);
    let query: string;
    try {
      query = readFileSync(file, 'utf8');
    } catch (error) {
      throw new UsageError(`cannot read the query ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
    const data = opts.data ? [opts.data].flat() : defaultDataFiles(projectPath('output'));
    process.stdout.write(formatResults(runQuery(loadStore(data), query, file), format));
  },
  async ontology(opts) {
    if (opts.out === '-') { await ontologyFile('').write((chunk) => process.stdout.write(chunk)); return; }
    const file = ontologyFile(resolve(String(opts.out ?? projectPath('ontology'))));
    await writeFilesAtomically([file]);
    process.stderr.write(`wrote ${file.path}\n`);
  },
};

function addCommand(program: Command, spec: CommandSpec): void {
  const cmd = program.command(spec.name + (spec.args ? ` ${spec.args}` : '')).description(spec.summary);
  for (const o of spec.options) cmd.option(o.flags, o.description, o.default);
  const action = ACTIONS[spec.name];
  if (!action) throw new Error(`no action for command ${spec.name}`);
  cmd.action(async (...args: unknown[]) => {
    const opts = (spec.args ? args[1] : args[0]) as Record<string, string | string[]>;
    await action(spec.args ? { ...opts, args: args[0] as string } : opts);
  });
}

/** Runs the CLI on the given arguments and returns the exit code (0 ok, 1 bad data, 2 usage). */
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
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help' ? 0 : 2;
    }
    if (error instanceof DataError) {
      process.stderr.write(`kg: invalid input, nothing was written:\n${error.message.replace(/^/gm, '  ')}\n`);
      return 1;
    }
    if (error instanceof UsageError) { process.stderr.write(`kg: ${error.message}\n`); return 2; }
    if (error instanceof QueryError) { process.stderr.write(`${error.message}\n`); return 1; }
    process.stderr.write(`kg: ${error instanceof Error ? error.message : String(error)}\n`);
    if (process.env.KG_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    return 1;
  }
}

const isEntryPoint = process.argv[1] !== undefined && import.meta.url === new URL(`file://${resolve(process.argv[1])}`).href;
if (isEntryPoint) process.exitCode = await main(process.argv.slice(2));
