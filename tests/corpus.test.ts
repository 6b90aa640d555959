// Many articles, one graph: the registered articles and the fictional fixture exported together, shared entities declared once, conflicts refused, errors that point at the author's line.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writer } from 'n3';
import oxigraph from 'oxigraph';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assemble } from '../src/authoring/assemble.js';
import { article, sharedEntities, type Declared } from '../src/authoring/kit.js';
import { assertValid, findProblems } from '../src/mapping/check.js';
import { SHARED_ENTITIES } from '../src/data/entities/index.js';
import { ARTICLES } from '../src/data/index.js';
import { entitiesQuads, sortedById } from '../src/mapping/encode.js';
import { DataError } from '../src/errors.js';
import { checkAll } from '../src/commands/export.js';
import { projectPath } from '../src/project.js';
import { parseShapes, ShaclChecker } from '../src/commands/shacl.js';
import { validateFile } from '../src/commands/validate.js';
import { DEFAULT_BASE, KG_NS, OA, RDF } from '../src/model/vocab.js';
import { TEST_CORPUS } from './fixtures/articles/index.js';
import { quadKey } from './helpers.js';

const kg = (local: string): string => KG_NS + local;
const byDataset = TEST_CORPUS.all.map((d) => ({ name: d.name, quads: [...entitiesQuads(sortedById(d.entities), { base: DEFAULT_BASE })] }));
const merged = [...new Map(byDataset.flatMap((d) => d.quads).map((q) => [quadKey(q), q])).values()];

let dir = '';
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'kg-corpus-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the registered articles and the fixture, exported together', () => {
  it('are the shared entities plus one dataset per article, the fixture among them', () => {
    expect(TEST_CORPUS.all.map((d) => d.name)).toEqual(['entities', ...ARTICLES.map((a) => a.name), 'fixture-001']);
  });

  it('give every shared entity one IRI and one description: each dataset repeats it word for word, apart from its own mentions', () => {
    const provenance = new Set([kg('mentionedAt'), kg('statedIn')]);
    const shared = TEST_CORPUS.shared.entities.map((e) => DEFAULT_BASE + e.id);
    const registry = byDataset[0]?.quads ?? [];
    for (const iri of shared) {
      const description = registry.filter((q) => q.subject.value === iri || q.subject.value.startsWith(`${iri}#`)).map(quadKey).sort();
      expect(description.length, iri).toBeGreaterThan(0);
      for (const d of byDataset.slice(1)) {
        const copy = d.quads.filter((q) => (q.subject.value === iri || q.subject.value.startsWith(`${iri}#`)) && !provenance.has(q.predicate.value)).map(quadKey).sort();
        if (copy.length > 0) expect(copy, `${iri} in ${d.name}`).toEqual(description);
      }
    }
  });

  it('mention Lavrov, Diop, Mali and Russia in both articles through the same IRIs', () => {
    for (const entity of ['person/sergey-lavrov', 'person/abdoulaye-diop', 'country/mali', 'country/russia']) {
      const docs = new Set(merged.filter((q) => q.subject.value === DEFAULT_BASE + entity && q.predicate.value === kg('mentionedAt'))
        .map((q) => merged.find((s) => s.subject.value === q.object.value && s.predicate.value === OA.hasSource)?.object.value));
      expect([...docs], entity).toEqual(expect.arrayContaining([`${DEFAULT_BASE}doc/article-000`, `${DEFAULT_BASE}doc/fixture-001`]));
    }
  });

  it('have no span with two sources, and no id that two articles share except the shared entities', () => {
    const sources = new Map<string, Set<string>>();
    for (const q of merged) if (q.predicate.value === OA.hasSource) sources.set(q.subject.value, new Set([...(sources.get(q.subject.value) ?? []), q.object.value]));
    expect([...sources].filter(([, s]) => s.size !== 1).map(([span]) => span)).toEqual([]);
    const typed = (d: { quads: typeof merged }): Set<string> => new Set(d.quads.filter((q) => q.predicate.value === RDF.type).map((q) => q.subject.value));
    const sharedIris = new Set(TEST_CORPUS.shared.entities.map((e) => DEFAULT_BASE + e.id));
    const articles = byDataset.slice(1).map(typed);
    for (const [i, a] of articles.entries()) {
      for (const b of articles.slice(i + 1)) expect([...a].filter((iri) => b.has(iri) && !sharedIris.has(iri) && !iri.includes('#'))).toEqual([]);
    }
  });

  it('pass every check of the declarations as one merged graph', () => {
    for (const d of TEST_CORPUS.all) expect(() => assertValid(d.entities), d.name).not.toThrow();
  });

  it('conform to the SHACL shapes as one merged graph', async () => {
    const shapes = parseShapes(readFileSync(projectPath('ontology/shapes.ttl'), 'utf8'));
    expect(await new ShaclChecker(shapes).check(merged)).toEqual([]);
  });

  it('validate as one merged Turtle file with kg validate (syntax, strict decoding, checks and SHACL)', async () => {
    const path = join(dir, 'merged.ttl');
    writeFileSync(path, new Writer({ format: 'N-Triples' }).quadsToString(merged));
    const report = await validateFile(path, { base: DEFAULT_BASE, shapes: parseShapes(readFileSync(projectPath('ontology/shapes.ttl'), 'utf8')), shaclMaxTriples: 200_000, inputFormat: 'nt' });
    expect(report.findings).toEqual([]);
    expect([report.status, report.shacl]).toEqual(['valid', 'ran']);
  });

  it('answer a query across articles: everything Sergey Lavrov said, in any article, through one IRI', () => {
    const store = new oxigraph.Store();
    store.load(new Writer({ format: 'N-Triples' }).quadsToString(merged), { format: 'application/n-triples' });
    const rows = store.query(`PREFIX kg: <${KG_NS}> PREFIX oa: <http://www.w3.org/ns/oa#>
      SELECT ?claim ?doc WHERE { ?claim a kg:Claim ; kg:claimant <${DEFAULT_BASE}person/sergey-lavrov> ; kg:statedIn/oa:hasSource ?doc } ORDER BY ?doc ?claim`) as Array<Map<string, { value: string }>>;
    const perDoc = new Map<string, number>();
    for (const r of rows) perDoc.set(r.get('doc')?.value ?? '', (perDoc.get(r.get('doc')?.value ?? '') ?? 0) + 1);
    expect([...perDoc.keys()]).toEqual(expect.arrayContaining([`${DEFAULT_BASE}doc/article-000`, `${DEFAULT_BASE}doc/fixture-001`]));
    expect(perDoc.get(`${DEFAULT_BASE}doc/fixture-001`)).toBe(2);
    expect(perDoc.get(`${DEFAULT_BASE}doc/article-000`)).toBeGreaterThanOrEqual(6);
  });
});

describe('declaring a shared entity twice', () => {
  /** Two modules of shared entities that both declare Mali, the second differently. */
  function twoModules(): Declared[] {
    const first = sharedEntities(projectPath('src/data/entities/places.ts'));
    first.country({ label: 'Mali' });
    const second = sharedEntities(projectPath('src/data/entities/more-places.ts'));
    second.country({ label: 'Mali', altLabel: ['Republic of Mali'] });
    return [...first.declared, ...second.declared];
  }

  it('stops the assembly with an error naming both declarations (module and line) and the fields that differ', () => {
    const declared = twoModules();
    const at = declared.map((d) => d.at);
    expect(at[0]).toMatch(/^tests\/corpus\.test\.ts:\d+:\d+$/);
    let error: unknown;
    try {
      assemble([...SHARED_ENTITIES.filter((d) => d.entity.id !== 'country/mali'), ...declared], ARTICLES);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DataError);
    const problem = (error as DataError).problems.find((p) => p.entity === 'country/mali');
    expect(problem?.field).toBe('altLabel');
    expect(problem?.message).toContain(`declared twice, in ${at[0]} and in ${at[1]}: they differ in altLabel`);
  });

  it('names the registry\'s own declaration (module and line) when a second module repeats one of its entities', () => {
    expect(() => assemble([...SHARED_ENTITIES, ...twoModules().slice(1)], ARTICLES)).toThrow(/entity country\/mali, field altLabel, containedIn, wikidata: declared twice, in src\/data\/entities\/places\.ts:\d+:\d+ and in tests\/corpus\.test\.ts:\d+:\d+/);
  });

  it('refuses a shared entity that no article uses, naming where it was declared', () => {
    const extra = sharedEntities(import.meta.url);
    extra.country({ label: 'Atlantis' });
    expect(() => assemble([...SHARED_ENTITIES, ...extra.declared], ARTICLES)).toThrow(/entity country\/atlantis, field \(use\): declared at tests\/corpus\.test\.ts:\d+:\d+ but no article refers to it/);
  });

  it('refuses mentions in a shared module: mentions belong to an article', () => {
    const extra = sharedEntities(import.meta.url);
    expect(() => extra.country({ label: 'Atlantis', mentionedAt: ['span/x/y' as never] })).toThrow(/^tests\/corpus\.test\.ts:\d+:\d+: a shared Country takes no mentionedAt or statedIn/);
  });
});

describe('ids an article owns', () => {
  const TEXT = 'date 2025-05-02 Lavrov said on Thursday that talks went well. Diop said “nothing”.';
  const make = (name: string) => article({ name, source: `tests/fixtures/${name}.txt`, text: TEXT, date: '2025-05-02', title: name, module: import.meta.url });

  it('are namespaced by the article by construction: two articles of the same text mint different span and claim ids', () => {
    const one = make('same-a');
    const two = make('same-b');
    expect(one.sentence(1)).toBe('span/same-a/sentence-01');
    expect(two.sentence(1)).toBe('span/same-b/sentence-01');
    expect(one.claim({ label: 'Talks went well', claimKind: 'statement', reportingVerb: 'said', statedIn: [one.sentence(1)] })).toBe('claim/same-a/talks-went-well');
    expect(two.claim({ label: 'Talks went well', claimKind: 'statement', reportingVerb: 'said', statedIn: [two.sentence(1)] })).toBe('claim/same-b/talks-went-well');
    expect(one.quote('on Thursday')).toBe('span/same-a/s01-on-thursday');
  });

  it('derive slugs from labels with diacritics folded', () => {
    const a = make('slugs');
    expect(a.place({ label: 'Ségou' })).toBe('place/slugs/segou');
    expect(a.group({ label: 'Ukraine’s “Western sponsors”' })).toBe('group/slugs/ukraines-western-sponsors');
  });

  it('refuse two entities of one article with the same id, naming the second call', () => {
    const a = make('twice');
    a.group({ label: 'observers' });
    expect(() => a.group({ label: 'Observers' })).toThrow(/^tests\/corpus\.test\.ts:\d+:\d+: group\/twice\/observers is declared twice in twice/);
  });

  it('may not be a second IRI for a shared entity: same kind and slug, or same class and label', () => {
    const a = make('twins');
    a.person({ label: 'Sergey Lavrov', name: 'Sergey Lavrov', mentionedAt: [a.quote('Lavrov')] });
    a.country({ label: 'MALI', slug: 'republic-of-mali' });
    expect(() => assemble(SHARED_ENTITIES, [...ARTICLES, a.dataset()])).toThrow(
      /entity person\/twins\/sergey-lavrov, field id: declared at tests\/corpus\.test\.ts:\d+:\d+ as the article's own, but person\/sergey-lavrov \(src\/data\/entities\/people\.ts:\d+:\d+\) is the shared entity: refer to it instead[\s\S]*entity country\/twins\/republic-of-mali, field id/,
    );
  });

  it('have their problems reported with the line that declared them', () => {
    const a = make('lines');
    const thursday = a.timeExpression({ label: 'Thursday', date: '2025-05-01', originalText: 'on Thursday', resolvedAgainst: a.published, mentionedAt: [a.quote('on Thursday')] });
    a.claim({ label: 'talks went well', claimKind: 'statement', reportingVerb: 'said', claimant: thursday as never, statedIn: [a.sentence(1)] });
    a.claim({ label: 'nothing', claimKind: 'statement', reportingVerb: 'said', verbatim: ['nothing'], statedIn: [a.sentence(2)] });
    expect(() => checkAll(assemble(SHARED_ENTITIES, [...ARTICLES, a.dataset()]).all, { base: DEFAULT_BASE })).toThrow(
      /entity claim\/lines\/talks-went-well, field claimant: reference to when\/lines\/thursday, a TimeExpression, where a Agent is required \(declared at tests\/corpus\.test\.ts:\d+:\d+\)/,
    );
  });

  it('refuse two articles of one name', () => {
    expect(() => assemble(SHARED_ENTITIES, [...ARTICLES, ...ARTICLES.slice(0, 1)])).toThrow(/two articles have this name/);
  });
});

describe('time bounds', () => {
  const a = article({ name: 'bounds', source: 'tests/fixtures/bounds.txt', date: '2025-04-18', title: 't', module: import.meta.url, text: 'date 2025-04-18 It rained in July and last year.' });

  it('are computed by the kit: a month spans its first to last day, a year 1 January to 31 December, a vague time its bounds', () => {
    const year = a.timeExpression({ label: '2024', year: '2024', originalText: 'last year', resolvedAgainst: a.published });
    const july = a.timeExpression({ label: 'July 2024', yearMonth: '2024-07', originalText: 'in July', resolvedAgainst: year });
    const before = a.timeExpression({ label: 'before', originalText: 'before', before: july, resolvedAgainst: a.published });
    const byId = new Map(a.dataset().entities.map((e) => [e.id, e as unknown as Record<string, unknown>]));
    const bounds = (id: string) => { const e = byId.get(id); return [e?.earliest, e?.latest, e?.precision]; };
    expect(bounds(year)).toEqual(['2024-01-01', '2024-12-31', 'year']);
    expect(bounds(july)).toEqual(['2024-07-01', '2024-07-31', 'month']);
    expect(bounds(before)).toEqual([undefined, '2024-06-30', 'vague']);
    expect(bounds(a.published)).toEqual(['2025-04-18', '2025-04-18', 'day']);
  });

  it('are checked against the resolved value, naming the entity and field', () => {
    const t = a.timeExpression({ label: 'June', yearMonth: '2024-06', earliest: '2024-06-02', originalText: 'in June', resolvedAgainst: a.published });
    expect(findProblems(a.dataset().entities)).toContainEqual({ entity: t, field: 'earliest', message: 'is "2024-06-02", but the resolved month gives "2024-06-01"' });
  });
});

describe('quotes found by their words', () => {
  const a = article({
    name: 'quotes', source: 'tests/fixtures/quotes.txt', date: '2025-05-02', title: 'quotes', module: import.meta.url,
    text: 'date 2025-05-02 Mali’s minister said on Thursday that Russia’s “help” was welcome.\n\nMali’s minister spoke again on Thursday.',
  });

  it('finds the one sentence that holds the words, and returns the whole sentence as its own span', () => {
    expect(a.quote('help')).toBe('span/quotes/s01-help');
    expect(a.quote('Mali’s minister spoke again on Thursday.')).toBe('span/quotes/sentence-02');
  });

  it.each([
    ['several sentences', 'on Thursday', /"on Thursday" occurs in sentence 1, sentence 2: quote more words, or name the sentence, e\.g\. quote\("on Thursday", 1\)/],
    ['straight for curly apostrophes', "Mali's minister said", /not in the article; nearest passage: "Mali’s minister said" \(likely cause: curly vs straight quotes or apostrophes\)/],
    ['a double space', 'said  on Thursday', /nearest passage: "said on Thursday" \(likely cause: a double space or a line break\)/],
    ['a missing letter', 'Mali’s minster said', /nearest passage: "Mali’s minister said" \(likely cause: a missing letter\)/],
    ['a word inside a longer word', 'Russia ', /not in the article/],
  ])('on words in %s, fails naming the call, the article and the likely cause', (_case, words, message) => {
    let error: Error | undefined;
    try { a.quote(words); } catch (e) { error = e as Error; }
    expect(error?.name).toBe('AuthoringError');
    expect(error?.message).toMatch(/^tests\/corpus\.test\.ts:\d+:\d+: /);
    expect(error?.message).toMatch(message);
    expect(error?.message).toContain('(in quotes, tests/fixtures/quotes.txt)');
  });

  it('takes a sentence number when words occur in several sentences', () => {
    expect(a.quote('on Thursday', 2)).toBe('span/quotes/s02-on-thursday');
    expect(() => a.quote('help', 2)).toThrow(/"help" is not in sentence 2 but in sentence 1/);
  });
});
