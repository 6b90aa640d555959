// The benchmark (`npm run bench`): exporter vs a raw n3 Writer at ~0.1M, 1M and 10M triples, Turtle and N-Triples, plus the round-trip check; writes bench/README.md.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';

import { entitiesQuads, sortedById } from '../dist/src/mapping/encode.js';
import { syntheticArticle } from '../dist/src/commands/synthetic.js';
import { DEFAULT_BASE } from '../dist/src/model/vocab.js';

/** Triples an article of the synthetic corpus gives (all articles have the same shape). */
const TRIPLES_PER_ARTICLE = [...entitiesQuads(sortedById(syntheticArticle(0, 7).entities), { base: DEFAULT_BASE })].length;
const sizes = (process.env.BENCH_SIZES ?? '100000,1000000,10000000').split(',').map(Number);
const here = new URL('.', import.meta.url).pathname;
const rows = [];

function run(mode, format, articles, dir) {
  // Only the baseline, which holds every quad in memory, gets a large heap; the exporter and the round trip run with Node's defaults.
  const flags = mode === 'baseline' ? ['--max-old-space-size=16000'] : [];
  const r = spawnSync(process.execPath, [...flags, join(here, 'child.mjs'), mode, format, String(articles), dir], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  const line = r.stderr.trim().split('\n').filter((l) => l.startsWith('{')).pop();
  if (r.status !== 0 || !line) throw new Error(`${mode} ${format} ${articles}: exit ${r.status}\n${r.stderr.slice(-2000)}`);
  return JSON.parse(line);
}

for (const size of sizes) {
  const articles = Math.max(1, Math.round(size / TRIPLES_PER_ARTICLE));
  const triples = articles * TRIPLES_PER_ARTICLE;
  for (const format of ['turtle', 'ntriples']) {
    const dir = mkdtempSync(join(os.tmpdir(), 'kg-bench-'));
    try {
      const exp = run('export', format, articles, dir);
      const base = run('baseline', format, articles, dir);
      const rt = run('roundtrip', format, articles, dir);
      const row = {
        triples, format,
        exportPerS: Math.round(triples / (exp.ms / 1000)), exportRssMB: exp.maxRssMB,
        baselinePerS: Math.round(base.triples / (base.ms / 1000)), baselineRssMB: base.maxRssMB,
        ratio: +(triples / (exp.ms / 1000) / (base.triples / (base.ms / 1000))).toFixed(2),
        roundtripPerS: Math.round(triples / (rt.ms / 1000)), roundtripRssMB: rt.maxRssMB,
        exportMs: exp.ms,
      };
      rows.push(row);
      process.stderr.write(`${JSON.stringify(row)}\n`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

const fmt = (n) => n.toLocaleString('en-US');
const table = [
  '| triples | format | exporter triples/s | exporter peak RSS | raw n3 triples/s | raw n3 peak RSS | exporter / raw n3 | round trip triples/s | round trip peak RSS |',
  '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...rows.map((r) => `| ${fmt(r.triples)} | ${r.format} | ${fmt(r.exportPerS)} | ${r.exportRssMB} MB | ${fmt(r.baselinePerS)} | ${r.baselineRssMB} MB | ${r.ratio} | ${fmt(r.roundtripPerS)} | ${r.roundtripRssMB} MB |`),
];
const turtleVsNt = sizes.map((s) => {
  const t = rows.find((r) => r.triples === Math.max(1, Math.round(s / TRIPLES_PER_ARTICLE)) * TRIPLES_PER_ARTICLE && r.format === 'turtle');
  const n = rows.find((r) => r.triples === t?.triples && r.format === 'ntriples');
  return t && n ? `${fmt(t.triples)}: Turtle takes ${(t.exportMs / n.exportMs).toFixed(2)}x the time of N-Triples` : '';
}).filter(Boolean);
const machine = `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`;
const readme = join(here, 'README.md');
const text = readFileSync(readme, 'utf8');
const block = `<!-- bench:start -->\nMeasured ${new Date().toISOString().slice(0, 10)} on ${machine}.\n\n${table.join('\n')}\n\n${turtleVsNt.map((l) => `- ${l}`).join('\n')}\n<!-- bench:end -->`;
writeFileSync(readme, text.replace(/<!-- bench:start -->[\s\S]*<!-- bench:end -->/, block));
writeFileSync(join(here, 'results.json'), `${JSON.stringify({ machine, rows }, null, 2)}\n`);
process.stderr.write(`wrote ${readme}\n`);
