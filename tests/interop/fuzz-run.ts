// The cross-engine fuzz test's machinery: kg export runs in folders of sentinels, the engines' parses, and finding which value an engine stumbles on.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join } from 'node:path';
import type { Quad } from '@rdfjs/types';
import { Parser } from 'n3';
import oxigraph from 'oxigraph';
import { projectPath } from '../../src/project.js';
import { snapshot } from '../bad-input-run.js';
import { EngineMissing, INSTALL_HINT, jena, problemLines, PYTHON, RDFLIB_SCRIPT, run } from './engines-run.js';
import { fromJson, fromRdfJs, type JsonTerm, type TermQuad } from './rdf-compare.js';

const CLI = projectPath('dist/src/cli.js');

/** A value shown so that every character can be seen: printable ASCII as is, anything else as \u{X}; long values cut. */
export function show(s: string): string {
  const shown = [...s.slice(0, 120)].map((c) => (/^[\x20-\x7e]$/.test(c) && c !== '\\' ? c : `\\u{${(c.codePointAt(0) as number).toString(16).toUpperCase()}}`)).join('');
  return `"${shown}"${s.length > 120 ? `… (${s.length} UTF-16 units)` : ''}`;
}

/** The files and folders that differ between two snapshots of a folder. */
export function changes(before: Record<string, string>, after: Record<string, string>): string[] {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return names.filter((n) => before[n] !== after[n]).map((n) => (before[n] === undefined ? `new ${n}` : after[n] === undefined ? `removed ${n}` : `changed ${n}`));
}

/** What one `kg export` run gave. */
export interface ExportRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** The output folder (pre-filled with sentinels) and what changed in it. */
  readonly out: string;
  readonly changed: readonly string[];
}

const SENTINELS: Readonly<Record<string, string>> = {
  'keep.txt': 'a file no run may touch\n',
  'fuzz.ttl': '# sentinel: an earlier export\n',
  'void.ttl': '# sentinel: an earlier description\n',
};

let scratch = '';
/** A fresh folder under the run's scratch folder. */
export function freshDir(prefix: string): string {
  if (!scratch) scratch = mkdtempSync(join(tmpdir(), 'kg-fuzz-'));
  return mkdtempSync(join(scratch, prefix));
}
/** The scratch folder of this run (for removal). */
export function scratchDir(): string {
  return scratch;
}

/** Runs `kg export --input <dataset> --format all --out <folder of sentinels> ...extra` and reports what it did to the folder. */
export function exportDataset(dataset: unknown, extra: readonly string[] = []): Promise<ExportRun> {
  const dir = freshDir('export-');
  const input = join(dir, 'input.json');
  writeFileSync(input, JSON.stringify(dataset));
  const out = join(dir, 'out');
  for (const [name, text] of Object.entries(SENTINELS)) {
    mkdirSync(dirname(join(out, name)), { recursive: true });
    writeFileSync(join(out, name), text);
  }
  const before = snapshot(out);
  return new Promise<ExportRun>((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'export', '--input', input, '--format', 'all', '--out', out, ...extra], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => stdout.push(b));
    child.stderr.on('data', (b: Buffer) => stderr.push(b));
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ code, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8'), out, changed: changes(before, snapshot(out)) });
    });
  });
}

// ---- Engines ----

/** The formats of the export the engines read, by extension, and how each engine names them (absent: it does not read it). */
export const FORMATS: Readonly<Record<string, { n3: string; oxigraph: string; riot?: string; rapper?: string; rdflib: string }>> = {
  '.ttl': { n3: 'text/turtle', oxigraph: 'text/turtle', rapper: 'turtle', rdflib: 'turtle' },
  '.nt': { n3: 'application/n-triples', oxigraph: 'application/n-triples', rapper: 'ntriples', rdflib: 'nt' },
  // Debian's Jena 4.5 reads JSON-LD only with its JSON-LD 1.0 reader (see tests/interop/engines.test.ts).
  '.jsonld': { n3: 'via jsonld.js', oxigraph: 'application/ld+json', riot: 'jsonld10', rdflib: 'json-ld' },
};
export const ENGINES = ['n3', 'Oxigraph', 'Jena RIOT', 'Raptor', 'rdflib'] as const;
export type Engine = (typeof ENGINES)[number];

/** Whether an engine reads a format. */
export function reads(engine: Engine, ext: string): boolean {
  return engine !== 'Raptor' || !!FORMATS[ext]?.rapper;
}

/** What an engine made of a file: its quads, or the error that stopped it; warnings either way. */
export interface Parsed {
  readonly quads?: TermQuad[];
  readonly error?: string;
  readonly warnings: readonly string[];
}

function toTermQuads(quads: Iterable<Quad>): TermQuad[] {
  const out: TermQuad[] = [];
  type RdfJs = Parameters<typeof fromRdfJs>[0];
  for (const q of quads) {
    const graph = fromRdfJs(q.graph as RdfJs);
    out.push({ subject: fromRdfJs(q.subject as RdfJs)!, predicate: fromRdfJs(q.predicate as RdfJs)!, object: fromRdfJs(q.object as RdfJs)!, ...(graph ? { graph } : {}) });
  }
  return out;
}

const nquads = (text: string): TermQuad[] => toTermQuads(new Parser({ format: 'application/n-quads' }).parse(text));

/** Parses one file with one engine. */
export async function parseWith(engine: Engine, path: string): Promise<Parsed> {
  const ext = extname(path);
  const format = FORMATS[ext];
  if (!format) throw new Error(`no format for ${path}`);
  try {
    switch (engine) {
      case 'n3': {
        const text = readFileSync(path, 'utf8');
        if (format.n3 !== 'via jsonld.js') return { quads: toTermQuads(new Parser({ format: format.n3 }).parse(text)), warnings: [] };
        const jsonld = (await import('jsonld')).default as unknown as { toRDF(doc: unknown, options: unknown): Promise<string> };
        const documentLoader = (url: string): never => { throw new Error(`refusing to fetch ${url}: the context must be embedded`); };
        return { quads: nquads(await jsonld.toRDF(JSON.parse(text), { format: 'application/n-quads', documentLoader })), warnings: [] };
      }
      case 'Oxigraph':
        return { quads: toTermQuads(oxigraph.parse(readFileSync(path, 'utf8'), { format: format.oxigraph }) as Iterable<Quad>), warnings: [] };
      case 'Jena RIOT': {
        const ran = await jena('riotcmd.riot', [...(format.riot ? [`--syntax=${format.riot}`] : []), '--out=nq', path]);
        // RIOT warns on every U+FFFD ("Unicode replacement character U+FFFD in string") and then exits 1. U+FFFD is XML
        // 1.0 Char and accepted (README), so a run whose only complaints are these counts as read; its quads are still
        // compared value by value.
        const benign = (l: string): boolean => /Unicode replacement character U\+FFFD/.test(l);
        const warnings = problemLines(ran.stderr).filter((l) => !benign(l));
        const onlyBenign = ran.code === 1 && ran.stderr.split('\n').every((l) => !l.trim() || benign(l));
        return ran.code === 0 || onlyBenign ? { quads: nquads(ran.stdout), warnings } : { error: `exit ${ran.code}: ${ran.stderr.trim().slice(0, 3000)}`, warnings };
      }
      case 'Raptor': {
        const ran = await run('Raptor (rapper)', 'rapper', ['-q', '-i', format.rapper!, '-o', 'nquads', path]);
        const warnings = problemLines(ran.stderr);
        return ran.code === 0 ? { quads: nquads(ran.stdout), warnings } : { error: `exit ${ran.code}: ${ran.stderr.trim().slice(0, 3000)}`, warnings };
      }
      case 'rdflib':
        return (await rdflibParse([path]))[0] as Parsed;
    }
  } catch (e) {
    if (e instanceof EngineMissing) throw e;
    return { error: (e as Error).message.slice(0, 3000), warnings: [] };
  }
}

/** rdflib (Debian's python3-rdflib) on several files in one process. */
export async function rdflibParse(paths: readonly string[]): Promise<Parsed[]> {
  const job = { parse: paths.map((file) => ({ file, format: FORMATS[extname(file)]!.rdflib })) };
  const ran = await run('rdflib (python3-rdflib)', PYTHON, [RDFLIB_SCRIPT], JSON.stringify(job));
  if (/No module named '?rdflib/.test(ran.stderr)) throw new EngineMissing(`rdflib is not installed for ${PYTHON}: ${INSTALL_HINT}`);
  if (ran.code !== 0) throw new Error(`rdflib helper exited ${ran.code}:\n${ran.stderr.slice(0, 4000)}`);
  const out = JSON.parse(ran.stdout) as { parse: Record<string, { quads?: Array<[JsonTerm, JsonTerm, JsonTerm, JsonTerm | null]>; error?: string }> };
  return paths.map((p) => {
    const r = out.parse[p];
    if (!r?.quads) return { error: r?.error ?? 'no result', warnings: [] };
    return { quads: r.quads.map(([s, pr, o, g]) => ({ subject: fromJson(s), predicate: fromJson(pr), object: fromJson(o), ...(g ? { graph: fromJson(g) } : {}) })), warnings: [] };
  });
}

// ---- Which entity of an exported file an engine's message points at ----

/** The line numbers an engine's message names (Jena `[line: N`, rapper `:N column`, n3 `on line N`, Oxigraph `at line N`). */
export function linesNamed(message: string): number[] {
  const found = new Set<number>();
  for (const re of [/\[line: (\d+)/g, /:(\d+) column \d+/g, /\bline (\d+)/gi, /\bat line (\d+)/gi]) {
    for (const m of message.matchAll(re)) found.add(Number(m[1]));
  }
  return [...found];
}

/**
 * An exported file cut into the blocks of its entities, so that one entity can be found by line and left out:
 * N-Triples by line, Turtle by subject block (the export starts each subject at the beginning of a line), JSON-LD by
 * node of its @graph. `idOf` reads the fuzz entity an IRI or compact IRI names.
 */
export class EntityFile {
  readonly ext: string;
  private readonly header: string;
  private readonly blocks: Array<{ id: string | undefined; text: string; firstLine: number }>;
  private readonly json?: { doc: Record<string, unknown>; nodes: Array<Record<string, unknown>> };

  constructor(private readonly path: string, private readonly idOf: (text: string) => string | undefined) {
    this.ext = extname(path);
    const text = readFileSync(path, 'utf8');
    this.blocks = [];
    if (this.ext === '.jsonld') {
      const doc = JSON.parse(text) as Record<string, unknown>;
      this.json = { doc, nodes: (doc['@graph'] as Array<Record<string, unknown>>) ?? [] };
      this.header = '';
      return;
    }
    const lines = text.split('\n');
    let headerEnd = 0;
    if (this.ext === '.ttl') {
      while (headerEnd < lines.length && !/^[^\s#@]/.test(lines[headerEnd] as string)) headerEnd++;
    }
    this.header = lines.slice(0, headerEnd).join('\n');
    for (let i = headerEnd; i < lines.length; i++) {
      const line = lines[i] as string;
      const starts = this.ext === '.nt' || /^[^\s#@]/.test(line);
      if (starts || this.blocks.length === 0) this.blocks.push({ id: idOf(line.split(/\s/)[0] ?? ''), text: line, firstLine: i + 1 });
      else (this.blocks[this.blocks.length - 1] as { text: string }).text += `\n${line}`;
    }
  }

  /** The fuzz entity whose block holds a line of the file (1-based), if any. */
  entityAtLine(line: number): string | undefined {
    if (this.json) return undefined;
    let found: string | undefined;
    for (const b of this.blocks) {
      if (b.firstLine > line) break;
      found = b.id;
    }
    return found;
  }

  /** The fuzz entities of the file, in order. */
  entities(): string[] {
    if (this.json) return this.json.nodes.map((n) => this.idOf(String(n['@id'] ?? ''))).filter((x): x is string => !!x);
    return [...new Set(this.blocks.map((b) => b.id).filter((x): x is string => !!x))];
  }

  /** Writes a copy of the file that keeps only the blocks of `keep` (and everything that is no fuzz entity's) and returns its path. */
  subset(keep: ReadonlySet<string>, dir: string, name: string): string {
    const path = join(dir, `${name}${this.ext}`);
    if (this.json) {
      const nodes = this.json.nodes.filter((n) => { const id = this.idOf(String(n['@id'] ?? '')); return !id || keep.has(id); });
      writeFileSync(path, `${JSON.stringify({ ...this.json.doc, '@graph': nodes }, null, 2)}\n`);
      return path;
    }
    const kept = this.blocks.filter((b) => !b.id || keep.has(b.id)).map((b) => b.text);
    writeFileSync(path, [this.header, ...kept].filter((t) => t !== '').join('\n') + '\n');
    return path;
  }

  /** The file as exported. */
  get file(): string {
    return this.path;
  }
}
