// kg ontology: write the ontology and the SHACL shapes into a folder, or the ontology alone to stdout.
import { UsageError } from '../../errors.js';
import { writeFilesAtomically } from '../../rdf/atomic.js';
import { resolvePath, type Io } from './io.js';
import type { CommandValues } from './values.js';

/** Runs kg ontology. */
export async function runOntology(opts: CommandValues<'ontology'>, io: Io): Promise<void> {
  if (opts.out.trim() === '') throw new UsageError('--out needs a folder (or "-" for stdout)');
  const { ontologyFile, shapesFile } = await import('../export.js');
  if (opts.out === '-') { await ontologyFile('').write((chunk) => io.stdout.write(chunk)); return; }
  const dir = resolvePath(io, opts.out);
  const files = [ontologyFile(dir), shapesFile(dir)];
  await writeFilesAtomically(files);
  for (const f of files) io.stderr.write(`wrote ${f.path}\n`);
}
