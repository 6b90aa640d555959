// The `kg` command line: builds commander from the option table in options.ts, hands each command's parsed values to
// its runner (src/commands/run/), and decides exit codes (src/cli.ts is the executable that calls main).
import { Command, CommanderError, Option } from 'commander';
import { DataError, InputError, UsageError } from '../errors.js';
import { allowedValues, COMMANDS, defaultText, describeOption, longFlag, type CommandName, type CommandSpec, type CommandValues, type OptionSpec } from './options.js';
import { PACKAGE } from '../project.js';
import type { Io } from '../commands/run/io.js';
import { loadedPush, loadedQuery } from '../commands/run/modules.js';
import { runCoverage } from '../commands/run/coverage.js';
import { runDocs } from '../commands/run/docs.js';
import { runExport } from '../commands/run/export.js';
import { runImport } from '../commands/run/import.js';
import { runNewArticle } from '../commands/run/new-article.js';
import { runOntology } from '../commands/run/ontology.js';
import { runPush } from '../commands/run/push.js';
import { runQuery } from '../commands/run/query.js';
import { runRoundtrip } from '../commands/run/roundtrip.js';
import { runValidate } from '../commands/run/validate.js';
// The runners import the modules that pull in oxigraph (WASM), SHACL, JSON-LD, n3 or Graphviz when they need them,
// so that light commands (coverage, new-article, --help) start fast.

/** The process as the runners see it: read when a runner uses it (tests replace process.stdout.write and stderr's isTTY). */
const PROCESS_IO: Io = {
  stdout: process.stdout,
  stderr: process.stderr,
  get stdin() { return process.stdin; },
  get cwd() { return process.cwd(); },
  get env() { return process.env; },
};

/** What a command does with its checked, typed options (the table's parsers ran before it). */
type Action<N extends CommandName> = (opts: CommandValues<N>, given: ReadonlySet<string>) => Promise<void | number>;

/** The runner of each command. */
const ACTIONS: { readonly [N in CommandName]: Action<N> } = {
  export: (opts, given) => runExport(opts, PROCESS_IO, given),
  query: (opts) => runQuery(opts, PROCESS_IO),
  validate: (opts) => runValidate(opts, PROCESS_IO),
  import: (opts) => runImport(opts, PROCESS_IO),
  push: (opts, given) => runPush(opts, PROCESS_IO, given),
  roundtrip: (opts) => runRoundtrip(opts, PROCESS_IO),
  docs: (opts) => runDocs(opts, PROCESS_IO, async (out, options) => (await import('../site/docs.js')).writeDocs(out, options)),
  ontology: (opts) => runOntology(opts, PROCESS_IO),
  coverage: (opts) => runCoverage(opts, PROCESS_IO),
  'new-article': (opts) => runNewArticle(opts, PROCESS_IO),
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
    const queryModule = loadedQuery();
    if (queryModule && error instanceof queryModule.QueryError) { process.stderr.write(`${error.message}\n`); return 1; }
    const pushModule = loadedPush();
    // A push that fails for its input (a file, the endpoint URL, credentials) is a usage error; anything the store or network did is 3.
    if (pushModule && error instanceof pushModule.PushError) { process.stderr.write(`kg push: ${error.message}\n`); return error.kind === 'input' ? 2 : 3; }
    process.stderr.write(`kg: ${error instanceof Error ? error.message : String(error)}\n`);
    if ((process.env.KG_DEBUG || argv.includes('--verbose')) && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    return 1;
  }
}
