// `kg new-article`: a new article written into a temporary copy of the project compiles, registers and loads; refusals write nothing.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleDataset } from '../src/authoring/kit.js';
import { segmentArticle } from '../src/authoring/segment.js';
import { newArticle } from '../src/commands/new-article.js';
import { UsageError } from '../src/errors.js';
import { projectPath } from '../src/project.js';
import { ARTICLES } from '../src/data/index.js';
import { runCli } from './helpers.js';

/** The registered articles' numbers decide the next name: nothing here assumes which articles exist. */
const numbers = ARTICLES.map((a) => Number(/^article-(\d+)$/.exec(a.name)?.[1] ?? -1));
const pad = (n: number): string => String(n).padStart(3, '0');
const NNN = pad(Math.max(...numbers) + 1);
const NNN2 = pad(Math.max(...numbers) + 2);
const LAST = ARTICLES.at(-1)?.name ?? '';
const varName = (name: string): string => name.replace(/-(\w)/g, (_m, c: string) => c.toUpperCase());

const TEXT = 'LONDON (Reuters) - The minister said on Monday that “talks will go on” despite the strike.\n'
  + 'A second heading\n'
  + "It was the third such meeting this year. Critics called it \"a waste of time\", and the minister's aide agreed.\n";

let root: string;
let input: string;

/** A listing of every file under the data folder of the copy, with its bytes' hash, to see that a refusal wrote nothing. */
function snapshot(): string[] {
  const dir = join(root, 'src/data');
  return (readdirSync(dir, { recursive: true }) as string[]).sort().map((f) => {
    const path = join(dir, f);
    return statSync(path).isFile() ? `${f} ${createHash('sha256').update(readFileSync(path)).digest('hex')}` : f;
  });
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'kg-new-article-'));
  cpSync(projectPath('src'), join(root, 'src'), { recursive: true });
  cpSync(projectPath('package.json'), join(root, 'package.json'));
  // The project's compiler options, over the data modules and what they import (the rest of src/ is not the point here).
  const tsconfig = JSON.parse(readFileSync(projectPath('tsconfig.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(join(root, 'tsconfig.json'), JSON.stringify({ ...tsconfig, include: ['src/data/**/*.ts'] }, null, 2));
  symlinkSync(projectPath('node_modules'), join(root, 'node_modules'), 'dir');
  input = join(root, 'input.txt');
  writeFileSync(input, TEXT);
  writeFileSync(join(root, 'heading-only.txt'), 'Just a heading\n\n');
  writeFileSync(join(root, 'latin1.txt'), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x2e]));
});

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('newArticle', () => {
  it('copies the source, writes a skeleton listing the sentences, and registers it', () => {
    const made = newArticle({ root, source: input, date: '2025-02-03', title: "Talks go on (the aide's view)" });
    const hash = createHash('sha256').update(Buffer.from(TEXT, 'utf8')).digest('hex').slice(0, 16);
    expect(made).toEqual({
      name: `article-${NNN}`, module: `src/data/article-${NNN}.ts`, source: `src/data/sources/${NNN}_${hash}.txt`, registry: 'src/data/index.ts', sentences: 3,
    });
    expect(readFileSync(join(root, made.source), 'utf8')).toBe(TEXT);

    const module = readFileSync(join(root, made.module), 'utf8');
    expect(module.split('\n').slice(0, 10)).toEqual([
      `// The knowledge of article ${NNN} (2025-02-03: Talks go on (the aide's view)), modelled by hand with the authoring kit.`,
      "import { article } from '../authoring/kit.js';",
      "import * as E from './entities/index.js';",
      '',
      'const a = article({',
      `  name: 'article-${NNN}', module: import.meta.url,`,
      `  source: 'src/data/sources/${NNN}_${hash}.txt', date: '2025-02-03',`,
      "  title: 'Talks go on (the aide\\'s view)',",
      '});',
      'const q = a.quote;',
    ]);
    const sentences = segmentArticle(TEXT).filter((p) => p.kind === 'sentence');
    expect(sentences).toHaveLength(3);
    expect(module).toContain('// 1 The minister said on Monday that “talks will go …\n');
    expect(module).toContain('// 2 It was the third such meeting this year.\n');
    expect(module).toContain('// 3 Critics called it "a waste of time", and the …\n');
    expect(module).toContain("// Headings (a.heading('…')): A second heading\n");
    expect(module).toContain("// a.mention(E.…, q('…'));\n");
    expect(module).toContain('// a.claim({\n');
    expect(module.endsWith(`\nexport const article${NNN} = a.dataset();\n`)).toBe(true);

    const registry = readFileSync(join(root, 'src/data/index.ts'), 'utf8');
    expect(registry).toContain(`import { ${varName(LAST)} } from './${LAST}.js';\nimport { article${NNN} } from './article-${NNN}.js';\n`);
    expect(registry).toContain(`  ${varName(LAST)},\n  article${NNN},\n];`);
  });

  it('gives a registry and a module that compile', () => {
    const tsc = spawnSync(process.execPath, [projectPath('node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.json'), '--noEmit'], { encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  }, 60_000);

  it('gives a module the kit loads: the registry of the copy lists the article with its sentences', async () => {
    const registry = (await import(pathToFileURL(join(root, 'src/data/index.ts')).href)) as { ARTICLES: readonly ArticleDataset[] };
    const added = registry.ARTICLES.find((a) => a.name === `article-${NNN}`);
    expect(registry.ARTICLES.map((a) => a.name)).toEqual([...ARTICLES.map((a) => a.name), `article-${NNN}`]);
    expect(added?.sentenceSpans).toHaveLength(3);
    expect(added?.title).toBe("Talks go on (the aide's view)");
  }, 30_000);

  it('numbers the next article after the registered ones, with a default title', () => {
    const other = join(root, 'other.txt');
    writeFileSync(other, 'Another text. With two sentences.');
    const made = newArticle({ root, source: other, date: '2024-02-29' });
    expect(made.name).toBe(`article-${NNN2}`);
    expect(readFileSync(join(root, made.module), 'utf8')).toContain(`  title: 'article ${NNN2} of 2024-02-29',\n`);
    expect(readFileSync(join(root, 'src/data/index.ts'), 'utf8')).toContain(`  article${NNN},\n  article${NNN2},\n];`);
  });

  it.each([
    ['no date', { date: undefined }, /needs --date YYYY-MM-DD/],
    ['a date not in the calendar', { date: '2025-02-29' }, /--date must be a calendar date YYYY-MM-DD, not "2025-02-29"/],
    ['a date in another form', { date: '3 Feb 2025' }, /--date must be a calendar date/],
    ['a malformed name', { name: 'article-x1' }, /--name must be "article-" and digits/],
    ['a title of two lines', { title: 'one\ntwo' }, /--title must be one line/],
    ['a registered name', { name: `article-${NNN}` }, new RegExp(`article-${NNN} is registered already in src/data/index\\.ts: nothing was written`)],
    ['the first article\'s name', { name: ARTICLES[0]?.name }, new RegExp(`${ARTICLES[0]?.name} is registered already`)],
    ['the same text again', {}, new RegExp(`the same text is already src/data/sources/${NNN}_[0-9a-f]{16}\\.txt: nothing was written`)],
    ['a missing source', { source: 'no-such-file.txt' }, /cannot read the source text \S*no-such-file\.txt: ENOENT/],
    ['a source that is not UTF-8', { source: 'latin1.txt' }, /latin1\.txt is not UTF-8/],
    ['a source without body sentences', { source: 'heading-only.txt' }, /heading-only\.txt has no body sentences/],
  ])('refuses %s and writes nothing', (_, override, message) => {
    const before = snapshot();
    const { source, ...rest } = override as { source?: string };
    const call = (): unknown => newArticle({ root, source: source ? join(root, source) : input, date: '2025-02-03', ...rest });
    expect(call).toThrow(UsageError);
    expect(call).toThrow(message);
    expect(snapshot()).toEqual(before);
  });

  it('refuses an unregistered module or source that is in the way', () => {
    writeFileSync(join(root, 'src/data/article-007.ts'), '// left over\n');
    writeFileSync(join(root, 'src/data/sources/008_0000000000000000.txt'), 'left over\n');
    const other = join(root, 'third.txt');
    writeFileSync(other, 'A third text.');
    expect(() => newArticle({ root, source: other, date: '2025-02-03', name: 'article-007' })).toThrow(/src\/data\/article-007\.ts exists already/);
    expect(() => newArticle({ root, source: other, date: '2025-02-03', name: 'article-008' })).toThrow(/the source src\/data\/sources\/008_0000000000000000\.txt of article 008 exists already/);
  });
});

describe('kg new-article', () => {
  it('exits 2 on a bad date or name, before touching anything', async () => {
    expect((await runCli(['new-article', 'x.txt'])).stderr).toContain('kg: kg new-article needs --date YYYY-MM-DD');
    for (const args of [['--date', '2025-13-01'], ['--date', '2025-01-02', '--name', 'art-1']]) {
      const r = await runCli(['new-article', 'x.txt', ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^kg: --(date|name) must be/);
    }
  });
});
