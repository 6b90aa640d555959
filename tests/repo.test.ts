// The repo is self-contained: no tracked file names a path outside it, and a test file that cannot load fails the run.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectPath } from '../src/project.js';
import { readProjectFile } from './helpers.js';

// Built from pieces so that this file does not name the paths it looks for.
const UP = '..';
const OUTSIDE_PATTERNS: ReadonlyArray<[string, RegExp]> = [
  ['the hand-over folder beside the repo', new RegExp(`\\${UP[0]}\\${UP[1]}[/\\\\]shared\\b`)],
  ['a path above the project root', new RegExp(`projectPath\\(\\s*['"\`]\\${UP[0]}\\${UP[1]}`)],
  ['an absolute path of one machine', new RegExp(`(?:^|[^\\w.:/])/(?:work|home|Users|root|mnt)/[\\w.-]`)],
  ['an absolute Windows path', /\b[A-Z]:\\\\?(?:Users|work)\b/],
];

/** Relative paths that climb out of their folder by dot-dot segments, followed by a name. */
const CLIMBING = new RegExp(`(?:\\${UP[0]}\\${UP[1]}/)+[\\w.-]+`, 'g');

/** Lines that load a module: their relative paths are relative to the file's folder; any other path is relative to the project root (where commands run). */
const MODULE = /\bfrom\s+['"]|\bimport\s*\(|\brequire\s*\(|\bvi\.mock\s*\(/;
/** Links inside generated HTML are relative to the page, not the repo. */
const HTML_LINK = /\b(?:href|src)=/;
/** A path joined from pieces whose dot-dot piece is followed by a named piece, as a join of root, dot-dot and a folder name. */
const JOINED_UP = new RegExp(`['"]\\${UP[0]}\\${UP[1]}['"]\\s*,\\s*['"]`);
/** A path in a user's home folder, in code and scripts (documentation may show one as an example). */
const HOME = /(?:^|[\s'"`(=])~\/[\w.-]/;

/**
 * Every place in one text that names a path outside the repo, as `line: reason`; `file` is the text's path relative
 * to the repo root (relative paths in it are resolved from its folder, as imports are).
 */
function outsidePaths(text: string, file = 'file.txt'): string[] {
  const found: string[] = [];
  text.split('\n').forEach((line, i) => {
    let hits = 0;
    const hit = (why: string): void => { if (hits++ === 0) found.push(`${i + 1}: ${why}: ${line.trim().slice(0, 120)}`); };
    for (const [why, re] of OUTSIDE_PATTERNS) if (re.test(line)) hit(why);
    if (JOINED_UP.test(line)) hit('a path joined from ".." that leaves its folder');
    if (HOME.test(line) && !file.endsWith('.md')) hit('a path in a home folder');
    if (HTML_LINK.test(line)) return;
    const from = MODULE.test(line) ? posix.dirname(file) : '.';
    for (const m of line.matchAll(CLIMBING)) {
      if (posix.normalize(posix.join(from, m[0])).startsWith(`${UP}/`)) { hit('a relative path that leaves the repo'); break; }
    }
  });
  return found;
}

/** The tracked files of a git work tree (relative paths). Fails with a clear message when git is missing. */
function trackedFiles(root: string): string[] {
  const r = spawnSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' });
  if (r.error) throw new Error(`this test needs git on the PATH to list the repo's tracked files: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`git ls-files failed in ${root}: ${r.stderr}`);
  return r.stdout.split('\0').filter((f) => f !== '');
}

/** `file:line: reason` for each tracked text file that names a path outside the repo rooted at `root`. */
function outsideReferences(root: string): string[] {
  const found: string[] = [];
  for (const file of trackedFiles(root)) {
    const bytes = readFileSync(join(root, file));
    if (bytes.includes(0)) continue; // binary (pictures)
    for (const f of outsidePaths(bytes.toString('utf8'), file)) found.push(`${file}:${f}`);
  }
  return found;
}

describe('the repo carries everything it reads', () => {
  it('no tracked file refers to a path outside the repo', () => {
    const files = trackedFiles(projectPath('.'));
    expect(files.length).toBeGreaterThan(50);
    expect(outsideReferences(projectPath('.'))).toEqual([]);
  });

  it.each([
    [`readFileSync('${UP}/shared/reference/wikidata.tsv')`, 1],
    [`see ${UP}/shared/competency-questions.md`, 1],
    [`cat ${UP}\\shared\\x`, 1],
    [`import x from '${UP}/${UP}/elsewhere/file.ts'`, 1],
    [`const p = projectPath('${UP}/other/x.txt')`, 1],
    [`cat ${UP}/notes/brief.md`, 1],
    [`see [the brief](${UP}/brief.md)`, 1],
    [`const p = join(root, '${UP}', 'shared', 'x.tsv')`, 1],
    [`const p = "${'~'}/kg/data.ttl"`, 1],
    ['<a href="../../entity/x.html">', 0],
    [`open("/${'work'}/main/output/x.ttl")`, 1],
    [`const p = "/${'home'}/alice/kg/data.ttl"`, 1],
    [`${'C'}:\\${'Users'}\\bob\\kg`, 1],
    ['tests/fixtures/kitchen-sink.txt and src/data/reference/wikidata.tsv', 0],
    [`import x from '${UP}/src/cli.js'`, 0],
    ['https://w3id.org/news-kg/id/person/x and /usr/bin/chromium', 0],
  ])('the guard finds outside paths in %j (%i)', (text, count) => {
    expect(outsidePaths(text, 'tests/x.test.ts')).toHaveLength(count);
  });

  it('resolves relative paths from the folder of the file that names them', () => {
    expect(outsidePaths(`import { x } from '${UP}/${UP}/src/cli.js';`, 'tests/interop/x.test.ts')).toEqual([]);
    expect(outsidePaths(`import { x } from '${UP}/${UP}/src/cli.js';`, 'tests/x.test.ts')).toHaveLength(1);
  });

  it('fails on a tracked file that names the hand-over folder, and passes once it is gone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kg-guard-'));
    try {
      const git = (...args: string[]): void => { execFileSync('git', args, { cwd: dir, stdio: 'ignore' }); };
      git('init', '-q');
      mkdirSync(join(dir, 'tests'));
      writeFileSync(join(dir, 'tests', 'a.test.ts'), `const t = read('${UP}/shared/reference/wikidata.tsv');\n`);
      writeFileSync(join(dir, 'README.md'), '# fine\n');
      git('add', '-A');
      expect(outsideReferences(dir)).toEqual([`tests/a.test.ts:1: the hand-over folder beside the repo: const t = read('${UP}/shared/reference/wikidata.tsv');`]);
      writeFileSync(join(dir, 'tests', 'a.test.ts'), "const t = read('src/data/reference/wikidata.tsv');\n");
      expect(outsideReferences(dir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads project files through a helper that names the path it looked for', () => {
    expect(readProjectFile('src/data/reference/wikidata.tsv')).toMatch(/^label\twikidata\t/m);
    expect(readProjectFile('queries/README.md')).toMatch(/^\| Q10 \|/m);
    expect(() => readProjectFile('tests/fixtures/no-such-file.txt')).toThrow(
      `missing project file: expected tests/fixtures/no-such-file.txt at ${projectPath('tests/fixtures/no-such-file.txt')}`,
    );
  });
});

describe('a test file that cannot load', () => {
  it('fails the vitest run with a non-zero exit code and the path of what was missing', () => {
    const dir = mkdtempSync(join(projectPath('.'), '.tmp-load-'));
    try {
      writeFileSync(join(dir, 'broken.test.ts'), [
        "import { readFileSync } from 'node:fs';",
        "import { it, expect } from 'vitest';",
        "const text = readFileSync(new URL('./missing-fixture.txt', import.meta.url), 'utf8');",
        "it('never runs', () => { expect(text).toBe(''); });",
        '',
      ].join('\n'));
      writeFileSync(join(dir, 'vitest.config.mjs'), `export default { test: { include: ['${dir.replace(/\\/g, '/')}/*.test.ts'] } };\n`);
      const r = spawnSync(process.execPath, [projectPath('node_modules/vitest/vitest.mjs'), 'run', '--config', join(dir, 'vitest.config.mjs'), '--root', dir], {
        cwd: dir, encoding: 'utf8', env: { ...process.env, CI: 'true', NO_COLOR: '1' },
      });
      const out = `${r.stdout}${r.stderr}`;
      expect(r.status, out).not.toBe(0);
      expect(out).toMatch(/Failed to load|failed|FAIL/);
      expect(out).toContain('missing-fixture.txt');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
