// Start-up times (`npm run bench:startup`, and a short form inside `npm run bench`): bare Node, `kg --version`, `kg --help`, `kg export` of the article and `kg query` of one query, median of repeated runs; writes bench/startup.md.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';

const here = new URL('.', import.meta.url).pathname;
const root = join(here, '..');
const cli = join(root, 'dist/src/cli.js');
const runs = Number(process.env.BENCH_RUNS ?? 9);

/** The median wall time in milliseconds of running `node args` `runs` times (after one warm-up run). */
function median(args, runs) {
  const once = () => {
    const t = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`node ${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
    return Number(process.hrtime.bigint() - t) / 1e6;
  };
  once();
  const times = Array.from({ length: runs }, once).sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** The start-up rows `[what, median ms]`: bare Node first; `short` leaves out help, query and coverage. */
export function startupRows(runs, short = false) {
  const out = mkdtempSync(join(os.tmpdir(), 'kg-startup-'));
  try {
    return [
      ['bare Node (`node -e 0`)', ['-e', '0']],
      ['`kg --version`', [cli, '--version']],
      ...(short ? [] : [['`kg --help`', [cli, '--help']]]),
      ['`kg export` (the built-in datasets, Turtle, into a temporary folder)', [cli, 'export', '--out', out]],
      ...(short ? [] : [['`kg query queries/Q01-russia-foreign-minister.rq`', [cli, 'query', 'queries/Q01-russia-foreign-minister.rq']], ['`kg coverage`', [cli, 'coverage']]]),
    ].map(([what, args]) => [what, median(args, runs)]);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = startupRows(runs);
  const bare = rows[0][1];
  const lines = [
    '# Start-up times',
    '',
    `Measured by \`npm run bench:startup\` on ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}: the median of ${runs} runs after one warm-up, wall time of the whole process.`,
    '',
    '| command | median ms | × bare Node |',
    '| --- | ---: | ---: |',
    ...rows.map(([what, ms]) => `| ${what} | ${ms.toFixed(0)} | ${(ms / bare).toFixed(2)} |`),
    '',
  ];
  writeFileSync(join(here, 'startup.md'), lines.join('\n'));
  process.stdout.write(lines.join('\n'));
}
