// `kg new-article`: copies a source text into src/data/sources/, writes a skeleton article module and registers it.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { segmentArticle } from '../authoring/segment.js';
import { UsageError } from '../errors.js';

/** What `newArticle` needs: the project root to write into, the source text's path, the date, and optionally the name and title. */
export interface NewArticleOptions {
  /** The project root (the folder holding package.json and src/). */
  readonly root: string;
  /** The path of the source text (UTF-8), absolute or relative to the working directory. */
  readonly source: string;
  /** The publication date, YYYY-MM-DD (a real calendar date). */
  readonly date: string | undefined;
  /** `article-` and digits; by default the next free number after the registered articles (article-001, …). */
  readonly name?: string | undefined;
  /** A one-line title; by default `article <NNN> of <date>`. */
  readonly title?: string | undefined;
}

/** What `newArticle` wrote: the article's name, its paths relative to the root, and how many body sentences it has. */
export interface NewArticle {
  readonly name: string;
  readonly module: string;
  readonly source: string;
  readonly registry: string;
  readonly sentences: number;
}

const REGISTRY = 'src/data/index.ts';
const SOURCES = 'src/data/sources';
const NAME = /^article-(\d+)$/;
/** An import line of an article module in the registry. */
const ARTICLE_IMPORT = /^import \{ (\w+) \} from '\.\/(article-\d+)\.js';[^\n]*$/gm;
/** The registry's list of articles, one entry a line. */
const ARTICLES_ARRAY = /^(export const ARTICLES\b[^=\n]*=\s*\[\n)([\s\S]*?)^\];/m;

/** Whether `date` is YYYY-MM-DD and a day of the calendar. */
function isCalendarDate(date: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** A TypeScript string literal in single quotes. */
function tsString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** The text, or its first words within `max` code points followed by an ellipsis. */
function cut(text: string, max: number): string {
  const points = [...text];
  if (points.length <= max) return text;
  const head = points.slice(0, max + 1).join('');
  const words = head.slice(0, head.search(/\s\S*$/u));
  return `${words.length > 0 ? words.trimEnd() : points.slice(0, max).join('')} …`;
}

/** The skeleton module of a new article: the kit set up, its sentences listed, a commented example of each kind of statement. */
function skeleton(name: string, ident: string, source: string, date: string, title: string, titled: boolean, text: string): string {
  const parts = segmentArticle(text);
  const sentences = parts.filter((p) => p.kind === 'sentence');
  const headings = parts.filter((p) => p.kind === 'heading');
  const dateline = parts.find((p) => p.kind === 'dateline');
  const width = String(sentences.length).length;
  const number = name.slice('article-'.length);
  return [
    `// The knowledge of article ${number} (${titled ? `${date}: ${title}` : date}), modelled by hand with the authoring kit.`,
    `import { article } from '../authoring/kit.js';`,
    `import * as E from './entities/index.js';`,
    '',
    'const a = article({',
    `  name: ${tsString(name)}, module: import.meta.url,`,
    `  source: ${tsString(source)}, date: ${tsString(date)},`,
    `  title: ${tsString(title)},`,
    '});',
    'const q = a.quote;',
    '',
    `// Sentences as the kit numbers them (\`kg coverage ${name}\` lists any that no fact or claim is stated in):`,
    ...sentences.map((s, i) => `// ${String(i + 1).padStart(width)} ${cut(s.text, 50)}`),
    ...(headings.length ? [`// Headings (a.heading('…')): ${headings.map((h) => cut(h.text, 50)).join(' | ')}`] : []),
    ...(dateline ? [`// Dateline (a.dateline): ${cut(dateline.text, 50)}`] : []),
    '',
    '// Shared entities (people, countries, organisations, offices, places, groups) are declared once, in src/data/entities/;',
    '// say where this article mentions them, and which of its words state facts about them:',
    "// a.mention(E.…, q('…'));",
    "// a.state(E.…, q('…'));",
    '//',
    '// A claim (what someone said: reported, never asserted as fact), stated in a whole sentence or in a quote of its words:',
    '// a.claim({',
    "//   label: '…', slug: '…',",
    "//   claimant: E.…, claimKind: 'statement', reportingVerb: 'said', verbatim: ['…'],",
    '//   statedIn: [a.sentence(1)],',
    '// });',
    '',
    `/** The dataset of article ${number}, as its module declares it (assembled with the shared entities in src/data/index.ts). */`,
    `export const ${ident} = a.dataset();`,
    '',
  ].join('\n');
}

/** The registry with one more article: its import after the last article import, its entry after the last entry of ARTICLES. */
function register(registry: string, name: string, ident: string): string {
  const imports = [...registry.matchAll(ARTICLE_IMPORT)];
  const lastImport = imports.at(-1) ?? [...registry.matchAll(/^import [^\n]*$/gm)].at(-1);
  const array = ARTICLES_ARRAY.exec(registry);
  if (!lastImport || !array) {
    throw new Error(`cannot see where to register ${name} in ${REGISTRY} (no import lines, or no "export const ARTICLES … = [" list ending with "];" on its own line): add it by hand`);
  }
  const importAt = lastImport.index + lastImport[0].length;
  const entries = array[2] as string;
  const last = [...entries.matchAll(/^([ \t]*)(\w+)(,?)([ \t]*(?:\/\/[^\n]*)?)$/gm)].at(-1);
  let body: string;
  if (last) {
    const [line, indent, entry, comma, rest] = last as unknown as [string, string, string, string, string];
    const end = last.index + line.length;
    body = `${entries.slice(0, last.index)}${indent}${entry}${comma || ','}${rest}\n${indent}${ident},${entries.slice(end)}`;
  } else if (entries.trim() === '') {
    body = `  ${ident},\n`;
  } else {
    throw new Error(`cannot see the last entry of ARTICLES in ${REGISTRY}: add ${ident} to it by hand`);
  }
  const arrayStart = array.index + (array[1] as string).length;
  const withEntry = `${registry.slice(0, arrayStart)}${body}${registry.slice(arrayStart + entries.length)}`;
  // The import comes before the array in the file, so inserting it last keeps the array's offsets valid.
  return `${withEntry.slice(0, importAt)}\nimport { ${ident} } from './${name}.js';${withEntry.slice(importAt)}`;
}

/**
 * Starts a new article under `root`: copies the source bytes to `src/data/sources/<NNN>_<first 16 hex of their SHA-256>.txt`,
 * writes the skeleton module `src/data/<name>.ts` and registers it in `src/data/index.ts`; returns what it wrote (paths relative to `root`).
 * @throws UsageError, before writing anything, on a missing or impossible date, a malformed name or title, an unreadable,
 * non-UTF-8 or sentence-less source, or a name, module or source that exists already (nothing is ever overwritten).
 */
export function newArticle(options: NewArticleOptions): NewArticle {
  const { root } = options;
  const date = options.date ?? '';
  if (date === '') throw new UsageError('kg new-article needs --date YYYY-MM-DD (the publication date)');
  if (!isCalendarDate(date)) throw new UsageError(`--date must be a calendar date YYYY-MM-DD, not ${JSON.stringify(date)}`);
  if (options.name !== undefined && !NAME.test(options.name)) throw new UsageError(`--name must be "article-" and digits (article-001), not ${JSON.stringify(options.name)}`);
  if (options.title !== undefined && (options.title.trim() === '' || /[\p{Cc}\u2028\u2029]/u.test(options.title))) {
    throw new UsageError(`--title must be one line of text, not ${JSON.stringify(options.title)}`);
  }

  const registryPath = join(root, REGISTRY);
  let registry: string;
  try {
    registry = readFileSync(registryPath, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read the registry ${registryPath}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const registered = [...registry.matchAll(ARTICLE_IMPORT)].map((m) => m[2] as string);
  const sourcesDir = join(root, SOURCES);
  const sources = existsSync(sourcesDir) ? readdirSync(sourcesDir) : [];
  const taken = (digits: string): string | undefined => {
    const name = `article-${digits}`;
    if (registered.includes(name)) return `${name} is registered already in ${REGISTRY}`;
    if (existsSync(join(root, 'src/data', `${name}.ts`))) return `src/data/${name}.ts exists already`;
    const source = sources.find((f) => f.startsWith(`${digits}_`));
    if (source) return `the source ${SOURCES}/${source} of article ${digits} exists already`;
    return undefined;
  };

  let name = options.name;
  if (name === undefined) {
    const numbers = registered.map((n) => Number(n.slice('article-'.length)));
    let next = numbers.length ? Math.max(...numbers) + 1 : 0;
    while (taken(String(next).padStart(3, '0'))) next++;
    name = `article-${String(next).padStart(3, '0')}`;
  }
  const digits = name.slice('article-'.length);
  const refusal = taken(digits);
  if (refusal) throw new UsageError(`${refusal}: nothing was written (choose another --name, or remove what is there)`);

  const sourcePath = resolve(options.source);
  let bytes: Buffer;
  try {
    bytes = readFileSync(sourcePath);
  } catch (error) {
    throw new UsageError(`cannot read the source text ${options.source}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UsageError(`the source text ${options.source} is not UTF-8`);
  }
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  const same = sources.find((f) => f.endsWith(`_${hash}.txt`));
  if (same) throw new UsageError(`the same text is already ${SOURCES}/${same}: nothing was written`);
  const sentences = segmentArticle(text).filter((p) => p.kind === 'sentence').length;
  if (sentences === 0) throw new UsageError(`the source text ${options.source} has no body sentences`);

  const ident = `article${digits}`;
  const source = `${SOURCES}/${digits}_${hash}.txt`;
  const module = `src/data/${name}.ts`;
  const title = options.title?.trim() ?? `article ${digits} of ${date}`;
  const newRegistry = register(registry, name, ident);
  const moduleText = skeleton(name, ident, source, date, title, options.title !== undefined, text);

  const created: string[] = [];
  try {
    mkdirSync(sourcesDir, { recursive: true });
    for (const [path, content] of [[source, bytes], [module, moduleText]] as const) {
      writeFileSync(join(root, path), content, { flag: 'wx' });
      created.push(join(root, path));
    }
    const temp = join(root, 'src/data', `.index.ts.${process.pid}.tmp`);
    writeFileSync(temp, newRegistry, { flag: 'wx' });
    created.push(temp);
    renameSync(temp, registryPath);
  } catch (error) {
    for (const path of created) rmSync(path, { force: true });
    throw error;
  }
  return { name, module, source, registry: REGISTRY, sentences };
}
