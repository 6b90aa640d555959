// The errors the library throws; the CLI alone decides how each is printed and which exit code it gives.

/** One problem in hand-modelled data, naming the entity, the field and what is wrong. */
export interface DataProblem {
  readonly entity: string;
  readonly field: string;
  readonly message: string;
}

/** Bad input data (entities or RDF): the CLI exits with code 1. */
export class DataError extends Error {
  readonly problems: readonly DataProblem[];

  /** Collects one or more problems into a single error whose message lists them all. */
  constructor(problems: readonly DataProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'DataError';
    this.problems = problems;
  }
}

/** Wrong use of the command line: the CLI exits with code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Formats one problem as `entity <id>, field <field>: message`. */
export function formatProblem(p: DataProblem): string {
  return `entity ${p.entity}, field ${p.field}: ${p.message}`;
}

/** Input that cannot be read at all (a missing file or folder, a folder where a file is wanted, no permission): the CLI exits with code 2. */
export class InputError extends Error {
  override name = 'InputError';
}

/** Why a file could not be read, for people: `no such file (ENOENT)`, `permission denied (EACCES)`, `is a directory (EISDIR)`. */
export function readProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const words: Record<string, string> = { ENOENT: 'no such file', EACCES: 'permission denied', EISDIR: 'is a directory', ENOTDIR: 'not a folder', EPERM: 'not permitted' };
  if (code) return words[code] ? `${words[code]} (${code})` : code;
  return error instanceof Error ? error.message : String(error);
}

/** The one-line error for input that cannot be read: `cannot read [what ]PATH: no such file (ENOENT)`. */
export function cannotRead(path: string, error: unknown, what = ''): InputError {
  return new InputError(`cannot read ${what ? `${what} ` : ''}${path}: ${readProblem(error)}`);
}
