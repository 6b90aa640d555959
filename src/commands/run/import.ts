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
  const json = datasetJson(dataset);
  if (opts.out === '-') { io.stdout.write([...json].join('')); return; }
  const out = resolvePath(io, opts.out);
  await writeFilesAtomically([{ path: out, write: (sink) => { for (const chunk of json) sink(chunk); } }]);
  io.stderr.write(`wrote ${out} (${dataset.entities.length} entities)\n`);
}

/**
 * The text of `JSON.stringify(dataset, null, 2)` and a line end, in pieces: its entities one at a time, so that the
 * whole text is never held at once.
 */
export function* datasetJson(dataset: { readonly entities: readonly unknown[] }): Generator<string> {
  const keys = Object.keys(dataset);
  if (!dataset.entities.length || keys.some((k) => (dataset as Record<string, unknown>)[k] === undefined)) {
    yield `${JSON.stringify(dataset, null, 2)}\n`;
    return;
  }
  yield '{';
  let first = true;
  for (const key of keys) {
    yield `${first ? '' : ','}\n  ${JSON.stringify(key)}: `;
    first = false;
    if (key !== 'entities') {
      yield (JSON.stringify((dataset as Record<string, unknown>)[key], null, 2) ?? 'null').replaceAll('\n', '\n  ');
      continue;
    }
    const entities = dataset.entities;
    let batch = '[';
    for (let k = 0; k < entities.length; k++) {
      batch += `${k ? ',' : ''}\n    ${(JSON.stringify(entities[k], null, 2) ?? 'null').replaceAll('\n', '\n    ')}`;
      if (batch.length >= 1 << 16) { yield batch; batch = ''; }
    }
    yield `${batch}\n  ]`;
  }
  yield '\n}\n';
}
