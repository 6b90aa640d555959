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

/** How many entities are turned into JSON at once, and what JSON.stringify writes before and after them. */
const ENTITY_RUN = 256;
const RUN_HEAD = '{\n  "entities": [';
const RUN_TAIL = '\n  ]\n}';

/**
 * The text of `JSON.stringify(dataset, null, 2)` and a line end, in pieces: its entities a run at a time, so that
 * the whole text is never held at once.
 */
export function* datasetJson(dataset: { readonly entities: readonly unknown[] }): Generator<string> {
  const keys = Object.keys(dataset);
  const unwritten = (v: unknown): boolean => v === undefined || typeof v === 'function' || typeof v === 'symbol';
  if (!dataset.entities.length || keys.some((k) => unwritten((dataset as Record<string, unknown>)[k]))) {
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
    // Each run of entities as JSON.stringify writes them inside `{ "entities": [ … ] }`: at the depth they have here.
    const entities = dataset.entities;
    yield '[';
    for (let from = 0; from < entities.length; from += ENTITY_RUN) {
      const text = JSON.stringify({ entities: entities.slice(from, from + ENTITY_RUN) }, null, 2);
      yield `${from ? ',' : ''}${text.slice(RUN_HEAD.length, text.length - RUN_TAIL.length)}`;
    }
    yield '\n  ]';
  }
  yield '\n}\n';
}
