// kg new-article: start a new article from its text (source file, skeleton module, registration).
import { PROJECT_ROOT } from '../../project.js';
import type { Io } from './io.js';
import type { CommandValues } from './values.js';

/** Runs kg new-article in the project (`root`, by default this package's folder). */
export async function runNewArticle(opts: CommandValues<'new-article'>, io: Io, root: string = PROJECT_ROOT): Promise<void> {
  const { newArticle } = await import('../new-article.js');
  const made = newArticle({ root, source: opts.args, date: opts.date, name: opts.name, title: opts.title });
  io.stderr.write(`wrote ${made.source}\nwrote ${made.module} (${made.sentences} sentences)\nregistered ${made.name} in ${made.registry}\n`);
}
