// The benchmark (`npm run bench`): the exporter at --jobs 1 and --jobs N against a raw n3 Writer and a hand-written N-Triples writer, plus validate, round trip and import; rewrites bench/README.md and bench/results.json.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';

import { entitiesQuads, sortedById } from '../dist/src/mapping/encode.js';
import { syntheticArticle } from '../dist/src/commands/synthetic.js';
import { DEFAULT_BASE } from '../dist/src/model/vocab.js';
import { startupRows } from './startup.mjs';

/** Triples an article of the synthetic corpus gives (all articles have the same shape). */
const PER_ARTICLE = [...entitiesQuads(sortedById(syntheticArticle(0, 7).entities), { base: DEFAULT_BASE })].length;
const list = (name, fallback) => (process.env[name] ?? fallback).split(',').filter(Boolean).map(Number);
const sizes = list('BENCH_SIZES', '1000000,10000000');
const validateSizes = list('BENCH_VALIDATE', '1000000');
const importSizes = list('BENCH_IMPORT', '100000,400000');
const cores = os.availableParallelism();
const loadBefore = os.loadavg()[0];
const here = new URL('.', import.meta.url).pathname;
const articlesFor = (size) => Math.max(1, Math.round(size / PER_ARTICLE));

/** Timed runs of up to a million triples are repeated (BENCH_REPEAT, default 2) and the fastest kept: the machine may be shared. */
const repeat = Number(process.env.BENCH_REPEAT ?? 2);

function run(mode, format, articles, dir, jobs = 1) {
  let best;
  for (let i = 0; i < (articles * PER_ARTICLE <= 1_100_000 ? repeat : 1); i++) {
    const r = runOnce(mode, format, articles, dir, jobs);
    if (!best || r.ms < best.ms) best = r;
  }
  return best;
}

function runOnce(mode, format, articles, dir, jobs) {
  // Only the in-memory baselines get a large heap; every kg command runs with Node's defaults.
  const flags = mode === 'baseline' || mode === 'limit' ? ['--max-old-space-size=16000'] : [];
  const r = spawnSync(process.execPath, [...flags, join(here, 'child.mjs'), mode, format, String(articles), dir, String(jobs)], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  const line = r.stderr.trim().split('\n').filter((l) => l.startsWith('{')).pop();
  if (r.status !== 0 || !line) throw new Error(`${mode} ${format} ${articles}: exit ${r.status}\n${r.stderr.slice(-2000)}`);
  const result = JSON.parse(line);
  process.stderr.write(`  ${mode}${mode === 'export' ? ` --jobs ${jobs}` : ''} ${format} ${articles} articles: ${result.ms} ms, ${result.maxRssMB} MB\n`);
  return result;
}

const perS = (triples, ms) => Math.round(triples / (ms / 1000));
const rows = [];
for (const size of sizes) {
  const articles = articlesFor(size);
  const triples = articles * PER_ARTICLE;
  const limitDir = mkdtempSync(join(os.tmpdir(), 'kg-bench-'));
  const limit = run('limit', 'ntriples', articles, limitDir);
  rmSync(limitDir, { recursive: true, force: true });
  for (const format of ['turtle', 'ntriples']) {
    const dir = mkdtempSync(join(os.tmpdir(), 'kg-bench-'));
    try {
      const one = run('export', format, articles, dir, 1);
      const many = run('export', format, articles, dir, cores);
      const base = run('baseline', format, articles, dir);
      const rt = run('roundtrip', format, articles, dir);
      rows.push({
        triples, format,
        baselinePerS: perS(triples, base.ms), baselineRssMB: base.maxRssMB,
        limitPerS: perS(triples, limit.ms),
        jobs1PerS: perS(triples, one.ms), jobs1RssMB: one.maxRssMB,
        jobsNPerS: perS(triples, many.ms), jobsNRssMB: many.maxRssMB,
        roundtripPerS: perS(triples, rt.ms), roundtripRssMB: rt.maxRssMB,
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

/** Exports a corpus with every core, then times one reading command on it. */
function reading(mode, size) {
  const articles = articlesFor(size);
  const dir = mkdtempSync(join(os.tmpdir(), 'kg-bench-'));
  try {
    const exp = run('export', 'ntriples', articles, dir, cores);
    const r = run(mode, 'ntriples', articles, dir);
    return { triples: articles * PER_ARTICLE, perS: perS(articles * PER_ARTICLE, r.ms), rssMB: r.maxRssMB, exportPerS: perS(articles * PER_ARTICLE, exp.ms) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const validations = validateSizes.map((s) => reading('validate', s));
const imports = importSizes.map((s) => reading('import', s));
const startup = startupRows(5, true);

const fmt = (n) => n.toLocaleString('en-US');
const x = (a, b) => (a / b).toFixed(2);
const table = [
  `| triples | format | raw n3 triples/s (RSS) | hand-written N-Triples triples/s | exporter --jobs 1 triples/s (RSS) | exporter --jobs ${cores} triples/s (RSS) | --jobs 1 / n3 | --jobs ${cores} / n3 | round trip triples/s (RSS) | round trip / export |`,
  '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...rows.map((r) => `| ${fmt(r.triples)} | ${r.format} | ${fmt(r.baselinePerS)} (${r.baselineRssMB} MB) | ${fmt(r.limitPerS)} | ${fmt(r.jobs1PerS)} (${r.jobs1RssMB} MB) | ${fmt(r.jobsNPerS)} (${r.jobsNRssMB} MB) | ${x(r.jobs1PerS, r.baselinePerS)} | ${x(r.jobsNPerS, r.baselinePerS)} | ${fmt(r.roundtripPerS)} (${r.roundtripRssMB} MB) | ${x(r.roundtripPerS, r.jobsNPerS)} |`),
  '',
  '| command | triples | triples/s | peak RSS | / export (--jobs ' + cores + ', N-Triples) |',
  '| --- | ---: | ---: | ---: | ---: |',
  ...validations.map((v) => `| kg validate | ${fmt(v.triples)} | ${fmt(v.perS)} | ${v.rssMB} MB | ${x(v.perS, v.exportPerS)} |`),
  ...imports.map((v) => `| kg import | ${fmt(v.triples)} | ${fmt(v.perS)} | ${v.rssMB} MB | ${x(v.perS, v.exportPerS)} |`),
  '',
  '| start-up (median of 5 runs, `npm run bench:startup` for more) | ms |',
  '| --- | ---: |',
  ...startup.map(([what, ms]) => `| ${what} | ${ms.toFixed(0)} |`),
];
const machine = `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${cores} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`;
const readme = join(here, 'README.md');
const text = readFileSync(readme, 'utf8');
const block = `<!-- bench:start -->\nMeasured ${new Date().toISOString().slice(0, 10)} on ${machine}; load average before the run ${loadBefore.toFixed(2)}.\n\n${table.join('\n')}\n<!-- bench:end -->`;
writeFileSync(readme, text.replace(/<!-- bench:start -->[\s\S]*<!-- bench:end -->/, block));
writeFileSync(join(here, 'results.json'), `${JSON.stringify({ machine, rows, validations, imports, startup }, null, 2)}\n`);
process.stderr.write(`wrote ${readme}\n`);
