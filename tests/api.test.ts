// The public API, imported by the package's name as a library user would (Node's self-reference through "exports").
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as kg from 'kg-news-rdf';
import type { Entity, EntityOfType } from 'kg-news-rdf';
import { DATASETS } from '../src/data/index.js';
import { PACKAGE, projectPath } from '../src/project.js';

/** The names the package promises to library users. */
const API = [
  'CLASSES', 'defineClass', 'article', 'sharedEntities', 'assemble', 'entitiesQuads', 'decodeQuads', 'findProblems', 'assertValid',
  'exportAll', 'checkAll', 'validateFile', 'loadStore', 'runQuery', 'formatResults', 'DataError', 'UsageError', 'InputError',
] as const;

describe('the package by name', () => {
  it('is the public API (package.json "exports" points at dist/src/index.js)', () => {
    expect(PACKAGE.name).toBe('kg-news-rdf');
    for (const name of API) expect(kg, name).toHaveProperty(name);
  });

  it('resolves in plain Node from the project, and nothing deeper is exported', () => {
    const script = `const kg = await import('kg-news-rdf');
      console.log(typeof kg.exportAll, typeof kg.decodeQuads, kg.CLASSES.length > 0);
      try { await import('kg-news-rdf/dist/src/cli/main.js'); console.log('deep'); } catch (e) { console.log(e.code); }`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: projectPath('.'), encoding: 'utf8' });
    expect(r.stdout.trim().split('\n'), r.stderr).toEqual(['function function true', 'ERR_PACKAGE_PATH_NOT_EXPORTED']);
  });

  it('exports the article to the same Turtle as the committed output', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kg-api-'));
    try {
      const written = await kg.exportAll(DATASETS, dir, { base: kg.DEFAULT_BASE, formats: ['turtle'] });
      expect(written).toContain(join(dir, 'article-000.ttl'));
      expect(readFileSync(join(dir, 'article-000.ttl'), 'utf8')).toBe(readFileSync(projectPath('output/article-000.ttl'), 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('maps to quads and back, checks, and types entities through the same names', () => {
    const entities: readonly Entity[] = DATASETS.find((d) => d.name === 'article-000')!.entities;
    expect(kg.findProblems(entities)).toEqual([]);
    const quads = [...kg.entitiesQuads(entities, { base: kg.DEFAULT_BASE })];
    const back = kg.decodeQuads(quads, { base: kg.DEFAULT_BASE });
    expect(back).toHaveLength(entities.length);
    const person: EntityOfType<'Person'> | undefined = back.find((e): e is EntityOfType<'Person'> => e.type === 'Person');
    expect(person?.label.length).toBeGreaterThan(0);
    expect(() => kg.assertValid([{ type: 'Person', id: 'x' } as unknown as Entity])).toThrow(kg.DataError);
  });
});
