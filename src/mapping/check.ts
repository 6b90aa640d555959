// Checks entities before anything is written (and after reading RDF back): every problem names the entity, the field and what is wrong; what text, tags and IRIs may be is decided in lexical.ts.
import { CLASS_BY_NAME, type Entity } from '../model/classes.js';
import { DataError, type DataProblem } from '../errors.js';
import { checkId } from './iri.js';
import { CODECS } from './literals.js';
import { normalizeLanguageTag } from './lexical.js';
import { ancestorsOf, isMany, isRequired, propertiesOf, type ClassDecl } from '../model/schema.js';
import { codePointLength, sliceCodePoints } from './text.js';

const PATTERNS = new Map<string, RegExp>();

/** The compiled regular expression of a declared pattern (compiled once). */
function patternOf(pattern: string): RegExp {
  let re = PATTERNS.get(pattern);
  if (!re) PATTERNS.set(pattern, (re = new RegExp(pattern, 'u')));
  return re;
}

/** The (class, property) pairs through which some class must be referenced. */
const REFERENCED_BY: ReadonlyArray<{ cls: string; prop: string }> = [...CLASS_BY_NAME.values()].flatMap((c) => (c.referencedBy ? [c.referencedBy] : []));

/** Whether class `decl` is `range` or one of its subclasses. */
export function isA(decl: ClassDecl, range: string): boolean {
  return decl.name === range || ancestorsOf(decl).some((a) => a.name === range);
}

/** What checking one entity needs to know about the others. */
export interface CheckContext {
  /** The class of the entity with this id, or undefined when there is none. */
  classOf(id: string): ClassDecl | undefined;
  /** The text of the source document with this id, when known. */
  sourceText(id: string): string | undefined;
  /** Whether some entity of class `cls` references `id` through property `prop`. */
  isReferenced(id: string, cls: string, prop: string): boolean;
}

/** Whether a value has the shape of a language-tagged string ({ value, lang } with a string tag). */
function isLangString(v: unknown): v is { value: unknown; lang: string } {
  return typeof v === 'object' && v !== null && typeof (v as { lang?: unknown }).lang === 'string';
}

/** Returns every problem of a set of entities (empty when they are fine). */
export function findProblems(entities: readonly Entity[]): DataProblem[] {
  const problems: DataProblem[] = [];
  const byId = new Map<string, { entity: Entity; decl: ClassDecl }>();
  for (const entity of entities) {
    const raw = entity as unknown as Record<string, unknown>;
    const id = typeof raw.id === 'string' ? raw.id : JSON.stringify(raw.id);
    const decl = CLASS_BY_NAME.get(String(raw.type));
    if (!decl || decl.abstract || decl.embedded) {
      problems.push({ entity: id, field: 'type', message: `unknown or abstract class ${JSON.stringify(raw.type)}` });
      continue;
    }
    const idProblem = checkId(raw.id, decl);
    if (idProblem) { problems.push({ entity: id, field: 'id', message: idProblem }); continue; }
    if (byId.has(id)) { problems.push({ entity: id, field: 'id', message: 'two entities have this id' }); continue; }
    byId.set(id, { entity, decl });
  }
  // Only the references that some class requires (referencedBy) are recorded; subclasses count as their superclasses.
  const references = new Set<string>();
  for (const { entity, decl } of byId.values()) {
    for (const { cls, prop } of REFERENCED_BY) {
      if (!isA(decl, cls)) continue;
      const raw = (entity as unknown as Record<string, unknown>)[prop];
      for (const v of Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]) references.add(`${cls} ${prop} ${String(v)}`);
    }
  }
  const context: CheckContext = {
    classOf: (id) => byId.get(id)?.decl,
    sourceText: (id) => {
      const doc = byId.get(id)?.entity;
      return doc?.type === 'SourceDocument' && typeof doc.text === 'string' ? doc.text : undefined;
    },
    isReferenced: (id, cls, prop) => references.has(`${cls} ${prop} ${id}`),
  };
  for (const { entity } of byId.values()) problems.push(...entityProblems(entity, context));
  return problems;
}

/** Returns the problems of one entity whose id and class are known to be fine, given what it needs of the others. */
export function entityProblems(entity: Entity, context: CheckContext): DataProblem[] {
  const problems: DataProblem[] = [];
  const decl = CLASS_BY_NAME.get(entity.type) as ClassDecl;
  checkFields(decl, entity as unknown as Record<string, unknown>, entity.id, '');
  if (decl.referencedBy && !context.isReferenced(entity.id, decl.referencedBy.cls, decl.referencedBy.prop)) {
    problems.push({ entity: entity.id, field: '(references)', message: `no ${decl.referencedBy.cls} references this ${decl.name} through "${decl.referencedBy.prop}"` });
  }
  if (entity.type === 'TextSpan') checkSpan(entity);
  if (entity.type === 'SourceDocument') checkDocument(entity);
  if (entity.type === 'TimeExpression') checkTimeBounds(entity);
  return problems;

  /** A time's kg:earliest/kg:latest/kg:precision must say what its resolved day, month or year says (the kit computes them). */
  function checkTimeBounds(time: Extract<Entity, { type: 'TimeExpression' }>): void {
    const { date, yearMonth, year, earliest, latest, precision } = time;
    let expected: [string, string, string] | undefined;
    if (date) expected = [date, date, 'day'];
    else if (yearMonth && /^\d{4}-\d{2}$/.test(yearMonth)) {
      const [y, m] = yearMonth.split('-').map(Number) as [number, number];
      expected = [`${yearMonth}-01`, new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10), 'month'];
    } else if (year) expected = [`${year}-01-01`, `${year}-12-31`, 'year'];
    if (!expected) return;
    const given: Array<[string, unknown, string]> = [['earliest', earliest, expected[0]], ['latest', latest, expected[1]], ['precision', precision, expected[2]]];
    for (const [field, value, want] of given) {
      if (value !== undefined && value !== want) problems.push({ entity: time.id, field, message: `is ${JSON.stringify(value)}, but the resolved ${date ? 'day' : yearMonth ? 'month' : 'year'} gives ${JSON.stringify(want)}` });
    }
  }

  function checkFields(cls: ClassDecl, fields: Record<string, unknown>, id: string, path: string): void {
    const props = propertiesOf(cls);
    const keys = new Set(props.map((p) => p.key));
    for (const key of Object.keys(fields)) {
      if (!path && (key === 'type' || key === 'id')) continue;
      if (!keys.has(key)) problems.push({ entity: id, field: path + key, message: `${cls.name} has no field "${key}"` });
    }
    for (const { key, prop } of props) {
      const field = path + key;
      const raw = fields[key];
      if (raw === undefined) {
        if (isRequired(prop)) problems.push({ entity: id, field, message: 'required value is missing' });
        continue;
      }
      if (isMany(prop) && !Array.isArray(raw)) { problems.push({ entity: id, field, message: 'expected an array of values' }); continue; }
      const values = isMany(prop) ? (raw as unknown[]) : [raw];
      if (prop.card === 'some' && values.length === 0) problems.push({ entity: id, field, message: 'at least one value is required' });
      const seen = values.length > 1 ? new Set<string>() : undefined;
      const langs = new Set<string>();
      for (const v of values) {
        if (seen) {
          // Language tags are case-insensitive (RFC 5646 §2.1.1) and written in lower case: "en-GB" and "en-gb" give one triple.
          const dup = JSON.stringify(prop.kind === 'langString' && isLangString(v) ? { ...v, lang: normalizeLanguageTag(v.lang) } : v);
          if (seen.has(dup)) problems.push({ entity: id, field, message: `value ${dup} is given twice` });
          seen.add(dup);
        }
        switch (prop.kind) {
          case 'ref': {
            const target = typeof v === 'string' ? context.classOf(v) : undefined;
            if (!target) problems.push({ entity: id, field, message: `reference to ${JSON.stringify(v)}, which is not an entity of the dataset` });
            else if (!isA(target, prop.range)) problems.push({ entity: id, field, message: `reference to ${String(v)}, a ${target.name}, where a ${prop.range} is required` });
            break;
          }
          case 'enum':
            if (typeof v !== 'string' || !Object.hasOwn(prop.values, v)) {
              problems.push({ entity: id, field, message: `${JSON.stringify(v)} is not one of ${Object.keys(prop.values).join(', ')}` });
            }
            break;
          case 'embedded':
            if (typeof v !== 'object' || v === null) problems.push({ entity: id, field, message: 'expected an object' });
            else checkFields(prop.cls, v as Record<string, unknown>, id, `${field}.`);
            break;
          default: {
            const bad = CODECS[prop.kind].check(v);
            if (bad) { problems.push({ entity: id, field, message: bad }); break; }
            const lexical = prop.kind === 'langString' ? (v as { value: string }).value : String(v);
            if (isRequired(prop) && (prop.kind === 'string' || prop.kind === 'langString') && lexical.trim() === '') {
              problems.push({ entity: id, field, message: 'required text is empty' });
            }
            if (prop.pattern && !patternOf(prop.pattern).test(lexical)) {
              problems.push({ entity: id, field, message: `${JSON.stringify(lexical)} does not match the pattern ${prop.pattern}` });
            }
            if (prop.uniqueLang && prop.kind === 'langString') {
              const lang = normalizeLanguageTag((v as { lang: string }).lang);
              if (langs.has(lang)) problems.push({ entity: id, field, message: `two values in language "${lang}"` });
              langs.add(lang);
            }
          }
        }
      }
      const bound = prop.lessThanOrEquals === undefined ? undefined : fields[prop.lessThanOrEquals];
      const comparable = (v: unknown): number | undefined => (typeof v === 'number' ? v : prop.kind === 'decimal' && typeof v === 'string' ? Number(v) : undefined);
      if (prop.kind === 'date' && typeof raw === 'string' && typeof bound === 'string' && raw > bound) {
        problems.push({ entity: id, field, message: `${raw} is after ${prop.lessThanOrEquals} (${bound})` });
      }
      if (prop.lessThanOrEquals !== undefined && comparable(raw) !== undefined && comparable(bound) !== undefined && (comparable(raw) as number) > (comparable(bound) as number)) {
        problems.push({ entity: id, field, message: `${raw} is greater than ${prop.lessThanOrEquals} (${String(fields[prop.lessThanOrEquals])})` });
      }
    }
  }

  function checkSpan(span: Extract<Entity, { type: 'TextSpan' }>): void {
    const text = context.sourceText(span.source);
    if (text === undefined) return; // reported as a bad reference
    const { start, end } = span.position ?? {};
    if (typeof start !== 'number' || typeof end !== 'number' || end < start) return; // reported above
    const length = codePointLength(text);
    if (end > length) {
      problems.push({ entity: span.id, field: 'position', message: `offsets ${start}..${end} fall outside the source text (0..${length})` });
      return;
    }
    const slice = sliceCodePoints(text, start, end);
    if (slice !== span.quote?.exact) {
      problems.push({ entity: span.id, field: 'quote.exact', message: `offsets ${start}..${end} slice ${JSON.stringify(slice)}, not ${JSON.stringify(span.quote?.exact)}` });
    }
    const { prefix, suffix } = span.quote ?? {};
    if (prefix !== undefined && sliceCodePoints(text, Math.max(0, start - codePointLength(prefix)), start) !== prefix) {
      problems.push({ entity: span.id, field: 'quote.prefix', message: `the text before offset ${start} is not ${JSON.stringify(prefix)}` });
    }
    if (suffix !== undefined && sliceCodePoints(text, end, Math.min(length, end + codePointLength(suffix))) !== suffix) {
      problems.push({ entity: span.id, field: 'quote.suffix', message: `the text after offset ${end} is not ${JSON.stringify(suffix)}` });
    }
  }

  function checkDocument(doc: Extract<Entity, { type: 'SourceDocument' }>): void {
    if (typeof doc.text === 'string' && doc.characterCount !== codePointLength(doc.text)) {
      problems.push({ entity: doc.id, field: 'characterCount', message: `is ${doc.characterCount}, but the text has ${codePointLength(doc.text)} code points` });
    }
  }
}

/** Throws a DataError listing every problem of a set of entities, if there is any. */
export function assertValid(entities: readonly Entity[]): void {
  const problems = findProblems(entities);
  if (problems.length) throw new DataError(problems);
}
