// The layers of src/ and the one direction of imports between them: a lower layer never imports a higher one.
// basics (project, errors) < model < mapping < rdf < generate < authoring, data < commands < site < cli, index.
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectPath } from '../src/project.js';

/** The parent-folder step, spelled out so that the repo guard (tests/repo.test.ts) does not read these samples as real paths. */
const UP = '..';

/** The layers from lowest to highest; files of one layer may import each other and anything lower. */
const ORDER = ['basics', 'model', 'mapping', 'rdf', 'generate', 'authoring', 'commands', 'site', 'cli'] as const;
type Layer = (typeof ORDER)[number];

/** The layer of a file under src/ (a path relative to src/, with '/'), or undefined for a file outside the layers. */
export function layerOf(path: string): Layer | undefined {
  if (path === 'project.ts' || path === 'errors.ts' || path.startsWith('types/')) return 'basics';
  if (path === 'cli.ts' || path === 'index.ts') return 'cli';
  const top = path.split('/')[0];
  switch (top) {
    case 'model': case 'mapping': case 'rdf': case 'generate': case 'commands': case 'site': case 'cli': return top;
    // The articles are written with the authoring kit: one layer (data imports authoring, never the other way, below).
    case 'authoring': case 'data': return 'authoring';
    default: return undefined;
  }
}

/** Every relative module specifier of a source text: static imports and exports, `import type`, dynamic `import()` (also in types). */
export function importsOf(text: string): Array<{ spec: string; typeOnly: boolean; line: number }> {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' ')).replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
  const found: Array<{ spec: string; typeOnly: boolean; line: number }> = [];
  const lineAt = (index: number) => code.slice(0, index).split('\n').length;
  const statics = /(?:^|[;\n])\s*(import|export)(\s+type)?\b([^;'"`]*?)\bfrom\s*(['"])(\.{1,2}\/[^'"]*)\4|(?:^|[;\n])\s*import\s*(['"])(\.{1,2}\/[^'"]*)\6/g;
  for (const m of code.matchAll(statics)) {
    const spec = m[5] ?? m[7]!;
    found.push({ spec, typeOnly: m[2] !== undefined, line: lineAt(m.index + m[0].length) });
  }
  for (const m of code.matchAll(/\bimport\s*\(\s*(['"])(\.{1,2}\/[^'"]*)\1\s*\)/g)) {
    found.push({ spec: m[2]!, typeOnly: /typeof\s+$/.test(code.slice(Math.max(0, m.index - 10), m.index)), line: lineAt(m.index) });
  }
  return found;
}

/** The imports of `files` (path relative to src/ → text) that go against the order, as `from:line → to (layer < layer)`. */
export function upwardImports(files: ReadonlyMap<string, string>): string[] {
  const bad: string[] = [];
  for (const [from, text] of files) {
    const fromLayer = layerOf(from);
    if (fromLayer === undefined) { bad.push(`${from}: a file in no layer (add its folder to tests/layers.test.ts)`); continue; }
    for (const { spec, line } of importsOf(text)) {
      const to = posix.normalize(posix.join(posix.dirname(from), spec)).replace(/\.js$/, '.ts');
      if (to.startsWith('../')) { bad.push(`${from}:${line} → ${spec}: outside src/`); continue; }
      const toLayer = layerOf(to);
      if (toLayer === undefined) { bad.push(`${from}:${line} → ${to}: a file in no layer`); continue; }
      if (ORDER.indexOf(toLayer) > ORDER.indexOf(fromLayer)) bad.push(`${from}:${line} → ${to} (${fromLayer} may not import ${toLayer})`);
      // Within the authoring layer, the kit never imports the articles; the entry points are imported by nothing.
      else if (from.startsWith('authoring/') && to.startsWith('data/')) bad.push(`${from}:${line} → ${to} (authoring may not import data)`);
      else if (to === 'cli.ts' || to === 'index.ts') bad.push(`${from}:${line} → ${to} (an entry point, imported by nothing in src/)`);
    }
  }
  return bad;
}

/** Every .ts file under src/, by path relative to src/. */
function sourceFiles(): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string, rel: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(join(dir, entry.name), path);
      else if (entry.name.endsWith('.ts')) files.set(path, readFileSync(join(dir, entry.name), 'utf8'));
    }
  };
  walk(projectPath('src'), '');
  return files;
}

describe('the layers of src/', () => {
  const files = sourceFiles();

  it('puts every file in a layer and every import at the same layer or lower', () => {
    expect(files.size).toBeGreaterThan(40);
    expect(upwardImports(files)).toEqual([]);
  });

  it('finds the imports of every file (the checker sees what tsc sees)', () => {
    // Each module but the entry points and the leaves is imported somewhere: a checker that parsed nothing would pass vacuously.
    const imported = new Set<string>();
    for (const [from, text] of files) {
      for (const { spec } of importsOf(text)) imported.add(posix.normalize(posix.join(posix.dirname(from), spec)).replace(/\.js$/, '.ts'));
    }
    for (const path of ['model/classes.ts', 'mapping/encode.ts', 'rdf/turtle.ts', 'generate/ontology.ts', 'authoring/kit.ts', 'commands/export.ts', 'site/docs.ts', 'cli/main.ts']) {
      expect(imported, path).toContain(path);
    }
  });
});

describe('the layer checker', () => {
  it.each([
    // [file, text, number of violations]
    ['mapping/encode.ts', `import { CLASSES } from '../model/classes.js';`, 0],
    ['mapping/encode.ts', `import { X } from './iri.js';\nimport { PROJECT_ROOT } from '../project.js';`, 0],
    ['model/classes.ts', `import { entityQuads } from '../mapping/encode.js';`, 1],
    ['model/classes.ts', `import type { Dataset } from '../mapping/dataset.js';`, 1],
    ['model/classes.ts', `export { entityQuads } from '../mapping/encode.js';`, 1],
    ['model/classes.ts', `export * from '../mapping/encode.js';`, 1],
    ['rdf/formats.ts', `const m = await import('../commands/query.js');`, 1],
    ['rdf/formats.ts', `let m: typeof import('../commands/query.js') | undefined;`, 1],
    ['rdf/formats.ts', `import {\n  a,\n  b,\n} from '../generate/ontology.js';`, 1],
    ['rdf/formats.ts', `import '${UP}/site/style.js';`, 1],
    ['rdf/formats.ts', `// import { x } from '../site/style.js';\n/* import('../cli/main.js') */`, 0],
    ['rdf/formats.ts', `const s = 'see ${UP}/site/style.js';`, 0],
    ['generate/description.ts', `import { FORMATS } from '../rdf/formats.js';`, 0],
    ['data/article-000.ts', `import { article } from '../authoring/kit.js';`, 0],
    ['authoring/kit.ts', `import { ARTICLES } from '../data/index.js';`, 1],
    ['commands/export.ts', `import { ARTICLES } from '../data/index.js';`, 0],
    ['commands/export.ts', `import { writeDocs } from '../site/docs.js';`, 1],
    ['site/docs.ts', `import { checkAll } from '../commands/export.js';`, 0],
    ['cli/main.ts', `import { writeDocs } from '../site/docs.js';`, 0],
    ['cli/main.ts', `import { x } from '../index.js';`, 1],
    ['errors.ts', `import { CLASSES } from './model/classes.js';`, 1],
    ['elsewhere/x.ts', ``, 1],
    ['mapping/x.ts', `import { y } from '${UP}/${UP}/tests/helpers.js';`, 1],
  ] as const)('%s: %j → %i', (file, text, count) => {
    expect(upwardImports(new Map([[file, text]]))).toHaveLength(count);
  });

  it('names the file, line, target and layers of an upward import', () => {
    expect(upwardImports(new Map([['model/vocab.ts', `// the namespaces\nimport { FORMATS } from '../rdf/formats.js';\n`]])))
      .toEqual(['model/vocab.ts:2 → rdf/formats.ts (model may not import rdf)']);
  });
});

describe('what kg loads before a command runs', () => {
  // The static (not type-only, not dynamic) imports of a source file, relative ones resolved to src/ paths.
  const staticImports = (path: string): string[] => {
    const code = readFileSync(projectPath(`src/${path}`), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
    const out: string[] = [];
    for (const m of code.matchAll(/(?:^|[;\n])\s*(?:import|export)(\s+type)?\b[^;'"`]*?\bfrom\s*(['"])([^'"]+)\2|(?:^|[;\n])\s*import\s*(['"])([^'"]+)\4/g)) {
      if (m[1]) continue;
      const spec = (m[3] ?? m[5]) as string;
      out.push(spec.startsWith('.') ? posix.join(posix.dirname(path), spec).replace(/\.js$/, '.ts') : spec);
    }
    return out;
  };

  it('is commander and kg\'s own modules: no RDF library (n3, Oxigraph, SHACL, JSON-LD) until a command asks for it', () => {
    const seen = new Set<string>();
    const packages = new Set<string>();
    const visit = (path: string): void => {
      if (seen.has(path)) return;
      seen.add(path);
      for (const spec of staticImports(path)) {
        if (spec.endsWith('.ts')) visit(spec);
        else if (!spec.startsWith('node:')) packages.add(spec);
      }
    };
    visit('cli.ts');
    expect(seen.size).toBeGreaterThan(10);
    expect([...packages].sort()).toEqual(['commander']);
  });
});
