// kg coverage: list, per article, the sentences and quotes that no fact or claim covers.
import type { Io } from './io.js';
import type { CommandValues } from './values.js';

/** Runs kg coverage; returns 1 when something is uncovered, else 0. */
export async function runCoverage(opts: CommandValues<'coverage'>, io: Io): Promise<number> {
  process.setSourceMapsEnabled(true);
  const { ARTICLES } = await import('../../data/index.js');
  const { coverage, formatCoverage, hasGaps, selectArticles } = await import('../coverage.js');
  const reports = selectArticles(ARTICLES, opts.args).map(coverage);
  io.stdout.write(formatCoverage(reports));
  return reports.some(hasGaps) ? 1 : 0;
}
