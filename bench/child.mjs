// One measured run in its own process (exporter, raw n3 baseline, hand-written N-Triples limit, round trip, validate or import); prints {ms, triples, maxRssMB} as JSON on stderr.
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Writer } from 'n3';
import { main } from '../dist/src/cli/main.js';
import { entitiesQuads, sortedById } from '../dist/src/mapping/encode.js';
import { syntheticCorpus } from '../dist/src/commands/synthetic.js';
import { DEFAULT_BASE } from '../dist/src/model/vocab.js';
import { writeNTriplesMinimal } from './minimal-writer.mjs';

const [mode, format, articles, dir, jobs] = process.argv.slice(2);
const n = Number(articles);
const ext = format === 'turtle' ? 'ttl' : 'nt';
mkdirSync(dir, { recursive: true });
let triples = 0;
let ms = 0;

/** The quads of the corpus, all built in memory before the clock starts (what the baselines are fed). */
function corpusQuads() {
  const quads = [];
  for (const article of syntheticCorpus(n, 7)) for (const q of entitiesQuads(sortedById(article.entities), { base: DEFAULT_BASE })) quads.push(q);
  return quads;
}

async function cli(args) {
  const start = performance.now();
  const code = await main(args);
  if (code !== 0) throw new Error(`kg ${args.join(' ')} exited ${code}`);
  return performance.now() - start;
}

if (mode === 'export') {
  ms = await cli(['export', '--synthetic', String(n), '--seed', '7', '--format', format, '--out', dir, '--jobs', jobs ?? '1']);
} else if (mode === 'baseline') {
  // A raw n3 Writer to a file stream with back-pressure.
  const quads = corpusQuads();
  const start = performance.now();
  const out = createWriteStream(join(dir, `baseline.${ext}`));
  const writer = new Writer(out, { format: format === 'turtle' ? 'Turtle' : 'N-Triples', end: false });
  for (let i = 0; i < quads.length; i++) {
    writer.addQuad(quads[i]);
    if (out.writableNeedDrain) await new Promise((r) => out.once('drain', r));
  }
  await new Promise((r) => writer.end(r));
  await new Promise((r) => out.end(r));
  ms = performance.now() - start;
  triples = quads.length;
} else if (mode === 'limit') {
  // The hand-written N-Triples limit: a minimal writer with no prefixes, no grouping and one escaping rule.
  const quads = corpusQuads();
  const start = performance.now();
  writeNTriplesMinimal(quads, join(dir, 'limit.nt'));
  ms = performance.now() - start;
  triples = quads.length;
} else if (mode === 'roundtrip') {
  ms = await cli(['roundtrip', join(dir, `synthetic.${ext}`), '--synthetic', String(n), '--seed', '7']);
} else if (mode === 'validate') {
  ms = await cli(['validate', join(dir, `synthetic.${ext}`)]);
} else if (mode === 'import') {
  ms = await cli(['import', join(dir, `synthetic.${ext}`), '--out', join(dir, 'imported.json')]);
}
process.stderr.write(`${JSON.stringify({ mode, format, articles: n, ms: Math.round(ms), triples, maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`);
