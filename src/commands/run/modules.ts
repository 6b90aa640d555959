// The heavy modules the runners load on first use (Oxigraph, HTTP clients, the articles), so that light commands
// (coverage, new-article, --help) start fast; the command line asks which were loaded to recognise their errors.
import type { Dataset } from '../../mapping/dataset.js';

let queryModule: typeof import('../query.js') | undefined;
let pushModule: typeof import('../push.js') | undefined;

/** The query module (Oxigraph), loaded once. */
export async function loadQuery(): Promise<typeof import('../query.js')> {
  return (queryModule ??= await import('../query.js'));
}

/** The push module (HTTP clients), loaded once. */
export async function loadPush(): Promise<typeof import('../push.js')> {
  return (pushModule ??= await import('../push.js'));
}

/** The query module if a runner has loaded it (its QueryError is only thrown after that), else undefined. */
export function loadedQuery(): typeof import('../query.js') | undefined {
  return queryModule;
}

/** The push module if a runner has loaded it (its PushError is only thrown after that), else undefined. */
export function loadedPush(): typeof import('../push.js') | undefined {
  return pushModule;
}

/** The built-in datasets (shared entities, then one per article), loaded on first use so that a mistake in an article module is reported as a message naming its line, not a crash at start-up. */
export async function builtInDatasets(): Promise<readonly Dataset[]> {
  process.setSourceMapsEnabled(true);
  return (await import('../../data/index.js')).DATASETS;
}
