// kg import: read RDF back into typed entities and write them as a JSON dataset.
import { writeFilesAtomically } from '../../rdf/atomic.js';
import { spool } from '../../rdf/stdin.js';
import { checkBaseOption, resolvePath, type Io } from './io.js';
import type { CommandValues } from './values.js';

/** Runs kg import. */
export async function runImport(opts: CommandValues<'import'>, io: Io): Promise<void> {
  await checkBaseOption(opts.base);
  const { importFile } = await import('../import.js');
  const input = await spool(opts.args, io.stdin);
  let dataset;
  try {
    const inputFormat = opts.inputFormat ?? input.defaultFormat;
    dataset = await importFile(input.path, { base: opts.base, name: input.name, ...(inputFormat ? { inputFormat } : {}) });
  } finally {
    input.cleanup();
  }
  const json = `${JSON.stringify(dataset, null, 2)}\n`;
  if (opts.out === '-') { io.stdout.write(json); return; }
  const out = resolvePath(io, opts.out);
  await writeFilesAtomically([{ path: out, write: (sink) => sink(json) }]);
  io.stderr.write(`wrote ${out} (${dataset.entities.length} entities)\n`);
}
