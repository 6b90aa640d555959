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
