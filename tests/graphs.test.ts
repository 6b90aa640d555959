// The named graphs of the export as the README describes them ("Graphs: which named graph holds what"), and the README's GRAPH query run on output/*.nq.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Parser } from 'n3';
import type { Quad } from '@rdfjs/types';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../src/cli/main.js';
import { graphIri } from '../src/generate/description.js';
import { projectPath } from '../src/project.js';
import { loadStore, runQuery } from '../src/commands/query.js';
import { DEFAULT_BASE, KG_NS, RDF } from '../src/model/vocab.js';

const README = readFileSync(projectPath('README.md'), 'utf8');
const SECTION = /^## Graphs: which named graph holds what\n([\s\S]*?)^## /m.exec(README)?.[1] ?? '';
/** The README's query, exactly as written in the section. */
const QUERY = /^```sparql\n([\s\S]*?)^```$/m.exec(SECTION)?.[1] ?? '';

const OUTPUT = projectPath('output');
const NQ_FILES = readdirSync(OUTPUT).filter((n) => n.endsWith('.nq')).sort().map((n) => join(OUTPUT, n));
const LAVROV = `${DEFAULT_BASE}person/sergey-lavrov`;
const CLAIMANT = `${KG_NS}claimant`;

/** The quads of every N-Quads file of the export (parsed with n3, independently of the store the query runs in). */
const quads: Quad[] = NQ_FILES.flatMap((f) => new Parser({ format: 'application/n-quads' }).parse(readFileSync(f, 'utf8')) as Quad[]);

describe('the named graphs of the export', () => {
  it('puts every dataset file into its own graph <base>graph/<name>: the shared entities into graph/entities, each article into its own', () => {
    const names = NQ_FILES.map((f) => f.replace(/^.*[\\/]/, '').replace(/\.nq$/, ''));
    expect(names).toContain('entities');
    expect(names.length).toBeGreaterThanOrEqual(2);
    for (const [i, file] of NQ_FILES.entries()) {
      const graphs = new Set((new Parser({ format: 'application/n-quads' }).parse(readFileSync(file, 'utf8')) as Quad[]).map((q) => q.graph.value));
      expect([...graphs], file).toEqual([graphIri(DEFAULT_BASE, names[i] ?? '')]);
    }
  });

  it('keeps provenance out of graph/entities, and puts an article\'s mentions of a shared entity into that article\'s graph', () => {
    const entities = graphIri(DEFAULT_BASE, 'entities');
    const inEntities = quads.filter((q) => q.graph.value === entities);
    expect(inEntities.some((q) => q.subject.value === LAVROV && q.predicate.value === RDF.type)).toBe(true);
    expect(inEntities.filter((q) => q.predicate.value === `${KG_NS}mentionedAt` || q.predicate.value === `${KG_NS}statedIn`)).toEqual([]);
    expect(inEntities.filter((q) => q.object.value === `${KG_NS}TextSpan` || q.object.value === `${KG_NS}SourceDocument`)).toEqual([]);
    const mentions = quads.filter((q) => q.subject.value === LAVROV && q.predicate.value === `${KG_NS}mentionedAt`);
    expect(mentions.length).toBeGreaterThan(0);
    // Each mention lies in the graph of the article whose span it points to (`span/<article>/…`).
    for (const m of mentions) expect(m.graph.value, m.object.value).toBe(graphIri(DEFAULT_BASE, m.object.value.slice(`${DEFAULT_BASE}span/`.length).split('/')[0] ?? ''));
  });
});

describe('the README\'s GRAPH query: every claim Sergey Lavrov made, with its article\'s graph', () => {
  it('is in the README section, written for Sergey Lavrov by IRI', () => {
    expect(SECTION).not.toBe('');
    expect(QUERY).toContain(`<${LAVROV}>`);
    expect(QUERY).toMatch(/GRAPH \?graph/);
  });

  it('returns exactly his claims, each with the graph of the article it is in (article-000 among them)', () => {
    const results = runQuery(loadStore(NQ_FILES), QUERY, 'README.md');
    expect(results.head.vars).toEqual(['graph', 'published', 'claim', 'label']);
    const rows = (results.results?.bindings ?? []).map((r) => `${r.graph?.value} ${r.claim?.value}`);
    const expected = quads.filter((q) => q.predicate.value === CLAIMANT && q.object.value === LAVROV).map((q) => `${q.graph.value} ${q.subject.value}`);
    expect(rows.length).toBeGreaterThan(0);
    expect([...rows].sort()).toEqual([...new Set(expected)].sort());
    expect(rows).toContain(`${graphIri(DEFAULT_BASE, 'article-000')} ${DEFAULT_BASE}claim/article-000/lavrov-accuses-ukraine`);
    expect(rows.filter((r) => r.startsWith(`${graphIri(DEFAULT_BASE, 'entities')} `))).toEqual([]);
    for (const r of results.results?.bindings ?? []) {
      expect(r.published?.datatype).toBe('http://www.w3.org/2001/XMLSchema#date');
      expect(r.label?.value).not.toBe('');
    }
  });

  it('runs as the README says: saved to a file, with kg query and one --data per file of output/*.nq', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kg-graphs-'));
    let stdout = '';
    const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => { stdout += String(chunk); return true; });
    try {
      const file = join(dir, 'lavrov-claims.rq');
      writeFileSync(file, QUERY);
      expect(await main(['query', file, ...NQ_FILES.flatMap((f) => ['--data', f]), '--format', 'tsv'])).toBe(0);
    } finally {
      out.mockRestore();
      rmSync(dir, { recursive: true, force: true });
    }
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toBe('?graph\t?published\t?claim\t?label');
    expect(lines.slice(1)).toContainEqual(expect.stringMatching(new RegExp(`^<${graphIri(DEFAULT_BASE, 'article-000')}>\t"2025-04-04"\\^\\^<http://www.w3.org/2001/XMLSchema#date>\t<${DEFAULT_BASE}claim/article-000/lavrov-accuses-ukraine>\t`)));
  });
});
