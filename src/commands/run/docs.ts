// kg docs: write the static site into a folder. The site generator is a higher layer (src/site/), so the command line
// hands it in as `writeDocs`, loaded on first use.
import { join } from 'node:path';
import { UsageError } from '../../errors.js';
import { resolvePath, type Io } from './io.js';
import { progress } from './progress.js';
import type { CommandValues } from './values.js';

/** Writes the site into a folder and returns the paths written (writeDocs of src/site/docs.ts). */
export type WriteDocs = (outDir: string, options: { readonly base: string; readonly onStep?: (step: string) => void }) => Promise<readonly string[]>;

/** Runs kg docs with the site writer given. */
export async function runDocs(opts: CommandValues<'docs'>, io: Io, writeDocs: WriteDocs): Promise<void> {
  if (opts.out.trim() === '') throw new UsageError('--out needs a folder');
  if (opts.out === '-') throw new UsageError('--out - does not apply to kg docs: a site is many files, give a folder with --out DIR');
  const out = resolvePath(io, opts.out);
  const line = progress({ stream: io.stderr, env: io.env });
  let written;
  try {
    written = await writeDocs(out, { base: opts.base, ...(line.active ? { onStep: (step: string) => line.update(`kg docs: ${step}`, true) } : {}) });
  } finally {
    line.clear();
  }
  io.stderr.write(`wrote ${written.length} files; open ${join(out, 'index.html')}\n`);
}
