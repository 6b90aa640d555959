// Bad hand-modelled input: each mistake is caught before anything is written, naming the entity, the field and the problem.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findProblems } from '../src/mapping/check.js';
import { checkId, ID_PATTERN } from '../src/mapping/iri.js';
import { CLASS_BY_NAME } from '../src/model/classes.js';
import { propertiesOf, type ClassDecl } from '../src/model/schema.js';
import type { Entity } from '../src/model/classes.js';
import type { Dataset } from '../src/mapping/dataset.js';
import { DataError, UsageError } from '../src/errors.js';
import { exportAll } from '../src/commands/export.js';
import { DEFAULT_BASE } from '../src/model/vocab.js';
import { kitchenSink } from './fixtures/kitchen-sink.js';
import { runCli } from './helpers.js';

type Mutable = Record<string, unknown>;

/** A deep copy of the kitchen sink with one entity changed by `edit`. */
function mutate(id: string, edit: (e: Mutable) => void): Entity[] {
  const copy = structuredClone(kitchenSink.entities) as unknown as Mutable[];
  const target = copy.find((e) => e.id === id);
  if (!target) throw new Error(`no entity ${id} in the kitchen sink`);
  edit(target);
  return copy as unknown as Entity[];
}

const cases: Array<[string, Entity[], { entity: string; field: string; message: string }]> = [
  ['a reference to an entity that does not exist', mutate('claim/alice', (e) => { e.claimant = 'person/nobody'; }),
    { entity: 'claim/alice', field: 'claimant', message: 'reference to "person/nobody", which is not an entity of the dataset' }],
  ['a reference to an entity of the wrong class', mutate('claim/alice', (e) => { e.time = 'person/alice'; }),
    { entity: 'claim/alice', field: 'time', message: 'reference to person/alice, a Person, where a TimeExpression is required' }],
  ['two entities with the same id', [...kitchenSink.entities, { type: 'Person', id: 'person/alice', label: [{ value: 'Alice again', lang: 'en' }] }],
    { entity: 'person/alice', field: 'id', message: 'two entities have this id' }],
  ['a date that is not a calendar date', mutate('when/monday', (e) => { e.date = '2025-02-29'; }),
    { entity: 'when/monday', field: 'date', message: '"2025-02-29" is not a calendar date (YYYY-MM-DD)' }],
  ['a month that does not exist', mutate('when/may-2024', (e) => { e.yearMonth = '2024-13'; }),
    { entity: 'when/may-2024', field: 'yearMonth', message: '"2024-13" is not a year and month (YYYY-MM)' }],
  ['an empty required label', mutate('person/alice', (e) => { e.label = [{ value: '  ', lang: 'en' }]; }),
    { entity: 'person/alice', field: 'label', message: 'required text is empty' }],
  ['no label at all', mutate('person/alice', (e) => { e.label = []; }),
    { entity: 'person/alice', field: 'label', message: 'at least one value is required' }],
  ['a missing required field', mutate('claim/alice', (e) => { delete e.claimKind; }),
    { entity: 'claim/alice', field: 'claimKind', message: 'required value is missing' }],
  ['a span whose offsets fall outside the source', mutate('span/kitchen-sink/s01-alice-example', (e) => { e.position = { start: 40, end: 4000 }; }),
    { entity: 'span/kitchen-sink/s01-alice-example', field: 'position', message: 'offsets 40..4000 fall outside the source text (0..526)' }],
  ['a span whose offsets do not slice its quote', mutate('span/kitchen-sink/s01-alice-example', (e) => { e.position = { start: 32, end: 45 }; }),
    { entity: 'span/kitchen-sink/s01-alice-example', field: 'quote.exact', message: 'offsets 32..45 slice "\\nAlice Exampl", not "Alice Example"' }],
  ['a span whose prefix is not the text before it', mutate('span/kitchen-sink/s01-alice-example', (e) => { e.quote = { exact: 'Alice Example', prefix: 'Bob ' }; }),
    { entity: 'span/kitchen-sink/s01-alice-example', field: 'quote.prefix', message: 'the text before offset 33 is not "Bob "' }],
  ['an IRI that is not valid', mutate('country/ruritania', (e) => { e.wikidata = 'http://www.wikidata.org/entity/Q 1'; }),
    { entity: 'country/ruritania', field: 'wikidata', message: '"http://www.wikidata.org/entity/Q 1" is not a valid absolute IRI (RFC 3987): path: character U+0020 at code point 32 is not allowed in the path (escape it as %XX)' }],
  ['an IRI with a private-use character outside the query', mutate('country/ruritania', (e) => { e.wikidata = 'http://www.wikidata.org/entity/Q1\uE000'; }),
    { entity: 'country/ruritania', field: 'wikidata', message: '"http://www.wikidata.org/entity/Q1\uE000" is not a valid absolute IRI (RFC 3987): path: private-use character U+E000 at code point 33 is allowed only in the query (RFC 3987 iprivate)' }],
  ['an IRI outside the allowed pattern', mutate('country/ruritania', (e) => { e.wikidata = 'https://example.org/Q1'; }),
    { entity: 'country/ruritania', field: 'wikidata', message: '"https://example.org/Q1" does not match the pattern ^http://www\\.wikidata\\.org/entity/Q[1-9][0-9]*$' }],
  ['an id of the wrong form', mutate('person/unnamed', (e) => { e.id = 'person/Has Spaces'; }),
    { entity: 'person/Has Spaces', field: 'id', message: 'id "person/Has Spaces" is not of the form "<prefix>/<slug>" or "<prefix>/<article>/<slug>" (lower-case letters, digits, hyphens)' }],
  ['an id with another class\'s prefix', mutate('person/unnamed', (e) => { e.id = 'country/unnamed'; }),
    { entity: 'country/unnamed', field: 'id', message: 'id "country/unnamed" of a Person must start with "person/"' }],
  ['a field the class does not have', mutate('person/alice', (e) => { e.nickname = 'Al'; }),
    { entity: 'person/alice', field: 'nickname', message: 'Person has no field "nickname"' }],
  ['an unknown class', [...kitchenSink.entities, { type: 'Dragon', id: 'dragon/x' } as unknown as Entity],
    { entity: 'dragon/x', field: 'type', message: 'unknown or abstract class "Dragon"' }],
  ['a value outside the value set', mutate('claim/alice', (e) => { e.claimKind = 'rumour'; }),
    { entity: 'claim/alice', field: 'claimKind', message: '"rumour" is not one of statement, offer, accusation, allegation, agreement, denial, description, prediction, report' }],
  ['a language tag that is not well-formed BCP 47', mutate('person/alice', (e) => { e.label = [{ value: 'Alice', lang: 'EN_us' }]; }),
    { entity: 'person/alice', field: 'label', message: 'language tag "EN_us" is not a well-formed BCP 47 tag (RFC 5646 §2.1): found superfluous content after tag' }],
  ['a language tag with a region given twice', mutate('person/alice', (e) => { e.label = [{ value: 'Alice', lang: 'en-gb-gb' }]; }),
    { entity: 'person/alice', field: 'label', message: 'language tag "en-gb-gb" is not a well-formed BCP 47 tag (RFC 5646 §2.1): found superfluous content after tag' }],
  ['a label holding U+0000', mutate('person/alice', (e) => { e.label = [{ value: 'a\u0000b', lang: 'en' }]; }),
    { entity: 'person/alice', field: 'label', message: 'text contains a control character U+0000 at code point 1; literal text may hold only XML 1.0 characters (tab, line feed, carriage return, U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF)' }],
  ['a description holding U+FFFE', mutate('country/ruritania', (e) => { e.description = [{ value: 'x\uFFFEy', lang: 'en' }]; }),
    { entity: 'country/ruritania', field: 'description', message: 'text contains a noncharacter U+FFFE at code point 1; literal text may hold only XML 1.0 characters (tab, line feed, carriage return, U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF)' }],
  ['a decimal written "-0"', mutate('quantity/gold', (e) => { e.value = '-0'; }),
    { entity: 'quantity/gold', field: 'value', message: '"-0" is not a decimal number in canonical form (digits with an optional "-" and fraction, no "+", no leading or trailing zeros: e.g. "2100000000" or "2.5")' }],
  ['a negative offset', mutate('span/kitchen-sink/s01-alice-example', (e) => { e.position = { start: -1, end: 3 }; }),
    { entity: 'span/kitchen-sink/s01-alice-example', field: 'position.start', message: 'expected an integer of at least 0, got -1' }],
  ['a value given twice', mutate('person/alice', (e) => { e.holds = ['office/speaker', 'office/speaker']; }),
    { entity: 'person/alice', field: 'holds', message: 'value "office/speaker" is given twice' }],
  ['two labels in one language', mutate('person/alice', (e) => { e.label = [{ value: 'Alice', lang: 'en' }, { value: 'Al', lang: 'en' }]; }),
    { entity: 'person/alice', field: 'label', message: 'two values in language "en"' }],
  ['an event that no text states', mutate('event/coup', (e) => { delete e.statedIn; }),
    { entity: 'event/coup', field: 'statedIn', message: 'required value is missing' }],
  ['a proposition that is the content of no claim', mutate('claim/alice', (e) => { e.content = []; }),
    { entity: 'prop/supports', field: '(references)', message: 'no Claim references this Proposition through "content"' }],
  ['a character count that does not match the text', mutate('doc/kitchen-sink', (e) => { e.characterCount = 3; }),
    { entity: 'doc/kitchen-sink', field: 'characterCount', message: 'is 3, but the text has 526 code points' }],
];

describe('the checker', () => {
  it('finds no problem in the kitchen sink', () => {
    expect(findProblems(kitchenSink.entities)).toEqual([]);
  });

  it.each(cases)('reports %s', (_what, entities, problem) => {
    expect(findProblems(entities)).toContainEqual(problem);
  });

  it('reports an entity\'s problems in order: unknown fields as written, then the declared fields in declaration order', () => {
    const entities = mutate('person/alice', (e) => {
      e.zeta = 1;
      e.holds = ['office/speaker', 'office/speaker'];
      e.label = [];
      e.alpha = 2;
    });
    const fields = findProblems(entities).filter((p) => p.entity === 'person/alice').map((p) => p.field);
    const declared = propertiesOf(CLASS_BY_NAME.get('Person') as ClassDecl).map((p) => p.key);
    expect(fields.slice(0, 2)).toEqual(['zeta', 'alpha']);
    expect(fields.slice(2)).toEqual(['label', 'holds'].sort((a, b) => declared.indexOf(a) - declared.indexOf(b)));
  });

  it('finds the same problems in objects without a prototype, and reads fields an entity inherits as the declared fields are read', () => {
    /** A copy of an object without prototype (nested objects too). */
    const bare = (e: object): Entity => {
      const copy = Object.assign(Object.create(null), e) as Mutable;
      for (const [k, v] of Object.entries(copy)) if (typeof v === 'object' && v !== null && !Array.isArray(v)) copy[k] = Object.assign(Object.create(null), v);
      return copy as unknown as Entity;
    };
    /** An entity with only its type and id of its own, the rest inherited (its unknown fields are then not its own, so not reported). */
    const inheriting = (e: Entity): Entity => Object.assign(Object.create(e), { type: e.type, id: e.id }) as Entity;
    for (const [, entities] of cases) {
      const problems = findProblems(entities);
      expect(findProblems(entities.map(bare))).toEqual(problems);
      expect(findProblems(entities.map(inheriting))).toEqual(problems.filter((p) => !p.message.includes(' has no field ')));
    }
  });

  it('checks ids exactly as ID_PATTERN and the class\'s id prefix say', () => {
    const decl = CLASS_BY_NAME.get('Person') as ClassDecl;
    const id = fc.array(fc.constantFrom('a', 'z', '0', '9', '-', '/', 'A', ' ', '_', 'person', 'person/', 'é'), { maxLength: 12 }).map((p) => p.join(''));
    fc.assert(fc.property(id, (s) => {
      expect(checkId(s, decl) === undefined).toBe(ID_PATTERN.test(s) && s.startsWith('person/'));
    }), { numRuns: 3000 });
  });
});

describe('a failed export', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kg-bad-'));
    writeFileSync(join(dir, 'kitchen-sink.ttl'), 'previous content\n');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const snapshot = (): Record<string, string> =>
    Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f), 'utf8')]));

  it.each(cases)('leaves the output folder untouched on %s', async (_what, entities) => {
    const before = snapshot();
    const dataset: Dataset = { ...kitchenSink, entities };
    await expect(exportAll([dataset], dir, { base: DEFAULT_BASE })).rejects.toThrow(DataError);
    expect(snapshot()).toEqual(before);
  });

  it.each([
    ['not a base', 'is not a valid absolute IRI'],
    ['http://example.org/no-slash', 'must end with "/" and have no "#"'],
    ['http://example.org/kg#', 'must end with "/" and have no "#"'],
    ['http://example.org/a#b/', 'must end with "/" and have no "#"'],
    ['http://example.org/%zz/', 'is not a valid absolute IRI'],
    ['http://example.org/a[b]/', 'is not a valid absolute IRI'],
    ['http://example.org/a b/', 'is not a valid absolute IRI (RFC 3987): path: character U+0020 at code point 20'],
    ['http://example.org/\uE000/', 'is not a valid absolute IRI (RFC 3987): path: private-use character U+E000 at code point 19 is allowed only in the query'],
    ['http://example.org/\u{10FFFE}/', 'is not a valid absolute IRI (RFC 3987): path: noncharacter U+10FFFE at code point 19'],
    ['kg:x/', 'scheme: "kg" is also the name of the prefix "kg:" of the JSON-LD context'],
  ])('rejects the base IRI %s before writing', async (base, message) => {
    const before = snapshot();
    await expect(exportAll([kitchenSink], dir, { base })).rejects.toThrow(UsageError);
    await expect(exportAll([kitchenSink], dir, { base })).rejects.toThrow(message);
    expect(snapshot()).toEqual(before);
  });

  it('accepts an IP-literal host in a base IRI', async () => {
    await expect(exportAll([kitchenSink], dir, { base: 'http://[::1]:8080/kg/' })).resolves.toHaveLength(3);
  });

  it.each([
    ['two datasets of one name', [kitchenSink, kitchenSink]],
    ['a dataset named like the ontology', [{ ...kitchenSink, name: 'news-kg' }]],
  ])('rejects %s before writing', async (_what, datasets) => {
    const before = snapshot();
    await expect(exportAll(datasets, dir, { base: DEFAULT_BASE })).rejects.toThrow('another dataset or the ontology is written under this name');
    expect(snapshot()).toEqual(before);
  });

  it('rejects a JSON dataset whose title spans lines', async () => {
    const input = join(dir, 'title.json');
    writeFileSync(input, JSON.stringify({ ...kitchenSink, title: 'line one\nnot turtle' }));
    const { code, stderr } = await runCli(['export', '--input', input, '--out', dir]);
    expect(code).toBe(1);
    expect(stderr).toContain(`entity ${input}, field title: expected a non-empty title on one line`);
  });

  it('exits 1 from the CLI with every problem listed, and writes nothing', async () => {
    const input = join(dir, 'bad.json');
    writeFileSync(input, JSON.stringify({ name: 'kitchen-sink', title: 'bad', entities: mutate('when/monday', (e) => { e.date = '2025-02-30'; }) }));
    const before = snapshot();
    const { code, stderr } = await runCli(['export', '--input', input, '--out', dir]);
    expect(code).toBe(1);
    expect(stderr).toContain('entity when/monday, field date: "2025-02-30" is not a calendar date (YYYY-MM-DD)');
    expect(stderr).toContain('invalid input, nothing was written');
    expect(snapshot()).toEqual(before);
  });
});
