// The CLI's view of the option table (src/commands/run/values.ts, re-exported here): how an option is shown in help
// and the README, and the README's CLI reference. The table drives commander (src/cli/main.ts).
import { COMMANDS, type CommandSpec, type OptionSpec } from '../commands/run/values.js';

export * from '../commands/run/values.js';

/** An option's description with the values it takes and the mode it belongs to or excludes, as help and the README show it. */
export function describeOption(o: OptionSpec): string {
  const notes = [o.onlyWith && `only with ${o.onlyWith}`, o.notWith?.length && `not with ${o.notWith.join(', ')}`].filter(Boolean);
  return notes.length ? `${o.description} (${notes.join('; ')})` : o.description;
}

/** What an option allows, for help and the README: its choices, or the least whole number. */
export function allowedValues(o: OptionSpec): string {
  if (o.choices) return o.choices.join(', ');
  if (o.type === 'number') return `whole number ≥ ${o.min ?? 0}`;
  return '';
}

/** An option's default as the README shows it (`turtle`, `8388608`), or '' without one. */
export function defaultText(o: OptionSpec): string {
  return o.default === undefined ? '' : Array.isArray(o.default) ? o.default.join(',') : String(o.default);
}

/** The README's CLI reference, generated from the table (a test keeps the README in step). */
export function cliReference(): string {
  const lines: string[] = [];
  const commands: readonly CommandSpec[] = COMMANDS;
  for (const c of commands) {
    lines.push(`### \`kg ${c.name}${c.args ? ` ${c.args}` : ''}\``, '', c.summary, '');
    if (c.options.length) {
      lines.push('| option | description | values | default |', '| --- | --- | --- | --- |');
      for (const o of c.options) {
        const allowed = allowedValues(o);
        const dflt = defaultText(o);
        lines.push(`| \`${o.flags}\` | ${describeOption(o)} | ${allowed && (o.choices ? o.choices.map((v) => `\`${v}\``).join(', ') : allowed)} | ${dflt && `\`${dflt}\``} |`);
      }
      lines.push('');
    }
  }
  lines.push('Every command also takes `-h, --help`; `kg --version` prints the version.',
    'An option that does not apply to the mode of a command (`--seed` without `--synthetic`, `--input` with `--synthetic`, …) is a usage error naming it; so is a value an option does not allow (`--retries -1`, `--format xml`), naming the option and the values it takes.',
    '`-` is standard input where a command reads a file (`kg validate -`, `kg import -`, `kg roundtrip - --dataset NAME`, `kg query FILE --data -`, `kg query -` for the query, `kg export --input -`) and standard output where it writes one (`kg export --out -`, `kg ontology --out -`, `kg import --out -`); it is refused where it makes no sense (`kg export --synthetic N --out -`, `kg docs --out -`). A reader that goes away (`| head`) ends the command quietly with exit 0.',
    '',
    'Exit codes, the same in every command: 0 success; 1 invalid data (data problems name the entity, field and what is wrong; query syntax errors give file:line:column; a round trip that differs); 2 wrong usage or input that cannot be read (a missing or unreadable file or folder, printed as `kg: cannot read FILE: no such file (ENOENT)`; so does a file that cannot be parsed, in `kg validate`, `kg import`, `kg roundtrip`, `kg query --data` and `kg export --input`: bytes that are not UTF-8, a syntax error, text that is not JSON, each as `FILE:LINE:COLUMN: message`); 3 a remote service failed (`kg push`: network error, HTTP error, or a graph that fails the count or content check).');
  return lines.join('\n');
}
