// One measured run in its own process: the exporter, the raw n3 baseline, or the round-trip check; prints {ms, triples, maxRssMB} as JSON.
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Writer } from 'n3';
import { main } from '../dist/src/cli/main.js';
import { entitiesQuads, sortedById } from '../dist/src/mapping/encode.js';
import { syntheticCorpus } from '../dist/src/commands/synthetic.js';
import { DEFAULT_BASE } from '../dist/src/model/vocab.js';

const [mode, format, articles, dir] = process.argv.slice(2);
const n = Number(articles);
const ext = format === 'turtle' ? 'ttl' : 'nt';
mkdirSync(dir, { recursive: true });
let triples = 0;
let ms = 0;

if (mode === 'export') {
  const start = performance.now();
  const code = await main(['export', '--synthetic', String(n), '--seed', '7', '--format', format, '--out', dir]);
  ms = performance.now() - start;
  if (code !== 0) throw new Error(`export exited ${code}`);
} else if (mode === 'baseline') {
  // The same quads, all built in memory first (not timed), then written by a raw n3 Writer to a file stream with back-pressure.
  const quads = [];
  for (const article of syntheticCorpus(n, 7)) for (const q of entitiesQuads(sortedById(article.entities), { base: DEFAULT_BASE })) quads.push(q);
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
} else if (mode === 'roundtrip') {
  const start = performance.now();
  const code = await main(['roundtrip', join(dir, `synthetic.${ext}`), '--synthetic', String(n), '--seed', '7']);
  ms = performance.now() - start;
  if (code !== 0) throw new Error(`roundtrip exited ${code}`);
}
process.stderr.write(`${JSON.stringify({ mode, format, articles: n, ms: Math.round(ms), triples, maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`);
