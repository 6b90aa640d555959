// The authoring kit's types: a wrong-class or missing reference and a missing required field do not compile (checked by `tsc` in `npm test`), and the run-time checks agree.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { article, type SpanRef } from '../src/authoring/kit.js';
import type { AuthorFields, DeclOf, Ref, RefTo } from '../src/authoring/refs.js';
import { findProblems } from '../src/mapping/check.js';
import * as E from '../src/data/entities/index.js';

const make = (name: string) => article({
  name, source: `tests/fixtures/${name}.txt`, date: '2025-05-02', title: name, module: import.meta.url,
  text: 'date 2025-05-02 Lavrov said on Thursday that the talks went well.',
});

describe('typed references', () => {
  it('let a subclass stand where its superclass is expected: a person or a country is an agent, a country a place', () => {
    expectTypeOf<RefTo<'Person'>>().toMatchTypeOf<Ref<'Agent'>>();
    expectTypeOf<RefTo<'Country'>>().toMatchTypeOf<Ref<'Agent'>>();
    expectTypeOf<RefTo<'Country'>>().toMatchTypeOf<Ref<'Place'>>();
    expectTypeOf<RefTo<'Government'>>().toMatchTypeOf<Ref<'Organization'>>();
    expectTypeOf<RefTo<'TimeExpression'>>().not.toMatchTypeOf<Ref<'Agent'>>();
    expectTypeOf<RefTo<'Person'>>().not.toMatchTypeOf<Ref<'Place'>>();
    expectTypeOf(E.sergeyLavrov).toEqualTypeOf<RefTo<'Person'>>();
    expectTypeOf(make('t0').sentence(1)).toEqualTypeOf<SpanRef>();
    // At run time a reference is the entity's id.
    expect(E.sergeyLavrov).toBe('person/sergey-lavrov');
  });

  it('refuse a time expression where an agent is expected, at compile time and in the checks', () => {
    const a = make('t1');
    const thursday = a.timeExpression({ label: 'Thursday', date: '2025-05-01', originalText: 'on Thursday', resolvedAgainst: a.published });
    // @ts-expect-error a TimeExpression is not an Agent
    a.claim({ label: 'talks went well', claimKind: 'statement', reportingVerb: 'said', claimant: thursday, statedIn: [a.sentence(1)] });
    const problems = findProblems(a.dataset().entities);
    expect(problems).toContainEqual({ entity: 'claim/t1/talks-went-well', field: 'claimant', message: 'reference to when/t1/thursday, a TimeExpression, where a Agent is required' });
  });

  it('refuse a plain string where a reference is expected, and a misspelt entity name', () => {
    const a = make('t2');
    // @ts-expect-error a plain string is not a typed reference
    a.claim({ label: 'x', claimKind: 'statement', reportingVerb: 'said', claimant: 'person/sergey-lavrov', statedIn: [a.sentence(1)] });
    // @ts-expect-error there is no shared entity of this name: a reference to a missing entity does not compile
    const missing: unknown = E.sergeiLavrov;
    expect(missing).toBeUndefined();
  });

  it('refuse a value outside a value set', () => {
    const a = make('t3');
    // @ts-expect-error "rumour" is not a claim kind
    a.claim({ label: 'x', claimKind: 'rumour', reportingVerb: 'said', statedIn: [a.sentence(1)] });
    expect(findProblems(a.dataset().entities).map((p) => p.field)).toContain('claimKind');
  });
});

describe('required fields', () => {
  it('make statedIn required exactly where the checks require it: claims, events and propositions, not people', () => {
    type ClaimFields = AuthorFields<DeclOf<'Claim'>>;
    type PersonFields = AuthorFields<DeclOf<'Person'>>;
    expectTypeOf<ClaimFields['statedIn']>().toEqualTypeOf<readonly [Ref<'TextSpan'>, ...Ref<'TextSpan'>[]]>();
    expectTypeOf<undefined>().not.toMatchTypeOf<ClaimFields['statedIn']>();
    expectTypeOf<undefined>().toMatchTypeOf<PersonFields['statedIn']>();
    const a = make('t4');
    // @ts-expect-error a claim must say where it is stated
    a.claim({ label: 'talks went well', claimKind: 'statement', reportingVerb: 'said' });
    // @ts-expect-error an event must say where it is stated
    a.talks({ label: 'the talks' });
    // @ts-expect-error an empty list is no place either
    a.claim({ label: 'empty', claimKind: 'statement', reportingVerb: 'said', statedIn: [] });
    expect(findProblems(a.dataset().entities)).toEqual(expect.arrayContaining([
      { entity: 'claim/t4/talks-went-well', field: 'statedIn', message: 'required value is missing' },
      { entity: 'event/t4/the-talks', field: 'statedIn', message: 'required value is missing' },
      { entity: 'claim/t4/empty', field: 'statedIn', message: 'at least one value is required' },
    ]));
  });

  it('make a label required (ids are derived from it)', () => {
    const a = make('t5');
    // @ts-expect-error every entity needs a label
    expect(() => a.group({ member: [E.mali] })).toThrow(/^tests\/kit-types\.test\.ts:\d+:\d+: an entity needs a label \(or a slug\) to derive its id from/);
  });

  it('fill in the language tag and the type: labels are plain strings for the author, language-tagged in the data', () => {
    const a = make('t6');
    const group = a.group({ label: 'observers', altLabel: ['some observers'] });
    const entity = a.dataset().entities.find((e) => e.id === group);
    expect(entity).toEqual({ type: 'Group', id: 'group/t6/observers', label: [{ value: 'observers', lang: 'en' }], altLabel: [{ value: 'some observers', lang: 'en' }] });
  });
});
