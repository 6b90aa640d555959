// Checks entities before anything is written (and after reading RDF back): every problem names the entity, the field and what is wrong; what text, tags and IRIs may be is decided in lexical.ts.
import { CLASS_BY_NAME, type Entity } from '../model/classes.js';
import { DataError, type DataProblem } from '../errors.js';
import { checkId } from './iri.js';
import { CODECS } from './literals.js';
import { normalizeLanguageTag } from './lexical.js';
import { ancestorsOf, isMany, isRequired, propertiesOf, type ClassDecl, type PropDecl } from '../model/schema.js';
import { codePointLength, sliceCodePoints } from './text.js';

const PATTERNS = new Map<string, RegExp>();

/** The compiled regular expression of a declared pattern (compiled once). */
function patternOf(pattern: string): RegExp {
  let re = PATTERNS.get(pattern);
  if (!re) PATTERNS.set(pattern, (re = new RegExp(pattern, 'u')));
  return re;
}

/** The (class, property) pairs through which some class must be referenced, each once. */
const REFERENCED_BY: ReadonlyArray<{ cls: string; prop: string }> = [...new Map([...CLASS_BY_NAME.values()]
  .flatMap((c) => (c.referencedBy ? [c.referencedBy] : [])).map((r) => [`${r.cls} ${r.prop}`, r] as const)).values()];

const NAMES = new WeakMap<ClassDecl, ReadonlySet<string>>();

/** The names of a class and of all its superclasses (computed once per class). */
function namesOf(decl: ClassDecl): ReadonlySet<string> {
  let names = NAMES.get(decl);
  if (!names) NAMES.set(decl, (names = new Set([decl.name, ...ancestorsOf(decl).map((a) => a.name)])));
  return names;
}

/** Whether class `decl` is `range` or one of its subclasses. */
export function isA(decl: ClassDecl, range: string): boolean {
  return decl.name === range || namesOf(decl).has(range);
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

// ---- The checks of a class, compiled once from its declarations ------------------------------------------------

/** How one property of a class is checked: its declaration and what the walk needs of it, worked out once. */
interface Step {
  readonly key: string;
  readonly prop: PropDecl;
  readonly required: boolean;
  readonly many: boolean;
  /** A codec's check, for scalar kinds. */
  readonly codec: ((v: unknown) => string | undefined) | undefined;
  /** Required text (string or langString) must not be blank. */
  readonly nonBlank: boolean;
  readonly pattern: RegExp | undefined;
  /** No two values share a language tag (uniqueLang on a langString). */
  readonly uniqueLang: boolean;
}

/** The compiled checks of one class: the keys it has and one step per property, in declaration order. */
interface CompiledClass {
  readonly decl: ClassDecl;
  readonly steps: readonly Step[];
  /** The steps of each key, as bits by position (0–31, 32–63). */
  readonly index: ReadonlyMap<string, { readonly lo: number; readonly hi: number }>;
  /** The steps visited even when the object lacks their key, as bits by position (0–31, 32–63): the required ones, and any whose key Object.prototype has. */
  readonly visitLo: number;
  readonly visitHi: number;
  /** The (class, property) pairs of REFERENCED_BY whose class this one is (its references are recorded). */
  readonly references: ReadonlyArray<{ cls: string; prop: string }>;
}

const COMPILED = new WeakMap<ClassDecl, CompiledClass>();

/** The compiled checks of a class (compiled on first use). */
function compiledOf(decl: ClassDecl): CompiledClass {
  let compiled = COMPILED.get(decl);
  if (!compiled) COMPILED.set(decl, (compiled = compileClass(decl)));
  return compiled;
}

/** Works out once what checking an object of class `decl` needs: its steps, which keys select which steps, the references it records. */
function compileClass(decl: ClassDecl): CompiledClass {
  const props = propertiesOf(decl);
  const steps = props.map(({ key, prop }): Step => {
    const scalar = prop.kind !== 'ref' && prop.kind !== 'enum' && prop.kind !== 'embedded';
    return {
      key,
      prop,
      required: isRequired(prop),
      many: isMany(prop),
      codec: scalar ? CODECS[prop.kind].check : undefined,
      nonBlank: isRequired(prop) && (prop.kind === 'string' || prop.kind === 'langString'),
      pattern: scalar && prop.pattern ? patternOf(prop.pattern) : undefined,
      uniqueLang: Boolean(prop.uniqueLang) && prop.kind === 'langString',
    };
  });
  let visitLo = 0;
  let visitHi = 0;
  steps.forEach((step, i) => {
    if (!step.required && !(step.key in Object.prototype)) return;
    if (i < 32) visitLo |= 1 << i;
    else if (i < 64) visitHi |= 1 << (i - 32);
  });
  // A key declared twice (a subclass redeclaring one) has two steps, both visited when the object has it.
  const index = new Map<string, { lo: number; hi: number }>();
  steps.forEach((step, i) => {
    const bits = index.get(step.key) ?? { lo: 0, hi: 0 };
    if (i < 32) bits.lo |= 1 << i;
    else if (i < 64) bits.hi |= 1 << (i - 32);
    index.set(step.key, bits);
  });
  return { decl, steps, index, visitLo, visitHi, references: REFERENCED_BY.filter((r) => isA(decl, r.cls)) };
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
  // Only the references that some class requires (referencedBy) are recorded, by "<class> <property>"; subclasses count as their superclasses.
  const references = new Map<string, Set<string>>(REFERENCED_BY.map(({ cls, prop }) => [`${cls} ${prop}`, new Set<string>()]));
  for (const { entity, decl } of byId.values()) {
    for (const { cls, prop } of compiledOf(decl).references) {
      const raw = (entity as unknown as Record<string, unknown>)[prop];
      if (raw === undefined) continue;
      const into = references.get(`${cls} ${prop}`) as Set<string>;
      if (Array.isArray(raw)) for (const v of raw) into.add(String(v));
      else into.add(String(raw));
    }
  }
  const context: CheckContext = {
    classOf: (id) => byId.get(id)?.decl,
    sourceText: (id) => {
      const doc = byId.get(id)?.entity;
      return doc?.type === 'SourceDocument' && typeof doc.text === 'string' ? doc.text : undefined;
    },
    isReferenced: (id, cls, prop) => references.get(`${cls} ${prop}`)?.has(id) ?? false,
  };
  for (const { entity, decl } of byId.values()) addEntityProblems(entity, decl, context, problems);
  return problems;
}

/** Returns the problems of one entity whose id and class are known to be fine, given what it needs of the others. */
export function entityProblems(entity: Entity, context: CheckContext): DataProblem[] {
  const problems: DataProblem[] = [];
  addEntityProblems(entity, CLASS_BY_NAME.get(entity.type) as ClassDecl, context, problems);
  return problems;
}

/** Appends the problems of one entity of class `decl` to `problems` (see entityProblems). */
function addEntityProblems(entity: Entity, decl: ClassDecl, context: CheckContext, problems: DataProblem[]): void {
  checkFields(compiledOf(decl), entity as unknown as Record<string, unknown>, entity.id, '', context, problems);
  if (decl.referencedBy && !context.isReferenced(entity.id, decl.referencedBy.cls, decl.referencedBy.prop)) {
    problems.push({ entity: entity.id, field: '(references)', message: `no ${decl.referencedBy.cls} references this ${decl.name} through "${decl.referencedBy.prop}"` });
  }
  if (entity.type === 'TextSpan') checkSpan(entity, context, problems);
  else if (entity.type === 'SourceDocument') checkDocument(entity, problems);
  else if (entity.type === 'TimeExpression') checkTimeBounds(entity, problems);
}

/** Checks the fields of an entity (or of a node embedded in it, under `path`) against its class's compiled steps. */
function checkFields(compiled: CompiledClass, fields: Record<string, unknown>, id: string, path: string, context: CheckContext, problems: DataProblem[]): void {
  const { steps, index } = compiled;
  const proto: unknown = Object.getPrototypeOf(fields);
  // Which steps to visit: those whose key the object has, plus the required ones (and any whose key Object.prototype has).
  // Only a plain object (or one without prototype) lets the absent keys be skipped: nothing else can answer them.
  const bitmask = steps.length <= 64 && (proto === Object.prototype || proto === null);
  let lo = compiled.visitLo;
  let hi = compiled.visitHi;
  for (const key of Object.keys(fields)) {
    if (!path && (key === 'type' || key === 'id')) continue;
    const bits = index.get(key);
    if (bits === undefined) problems.push({ entity: id, field: path + key, message: `${compiled.decl.name} has no field "${key}"` });
    else { lo |= bits.lo; hi |= bits.hi; }
  }
  if (!bitmask) {
    for (const step of steps) checkStep(step, fields, id, path, context, problems);
    return;
  }
  for (let bits = lo; bits !== 0; ) {
    const low = bits & -bits;
    bits ^= low;
    checkStep(steps[31 - Math.clz32(low)] as Step, fields, id, path, context, problems);
  }
  for (let bits = hi; bits !== 0; ) {
    const low = bits & -bits;
    bits ^= low;
    checkStep(steps[63 - Math.clz32(low)] as Step, fields, id, path, context, problems);
  }
}

/** Checks one property of an object: present when required, an array when it takes several, each value fine, within its bound. */
function checkStep(step: Step, fields: Record<string, unknown>, id: string, path: string, context: CheckContext, problems: DataProblem[]): void {
  const raw = fields[step.key];
  if (raw === undefined) {
    if (step.required) problems.push({ entity: id, field: path + step.key, message: 'required value is missing' });
    return;
  }
  if (!step.many) checkValue(step, raw, undefined, id, path, context, problems);
  else if (!Array.isArray(raw)) { problems.push({ entity: id, field: path + step.key, message: 'expected an array of values' }); return; }
  else checkValues(step, raw, id, path, context, problems);
  if (step.prop.lessThanOrEquals !== undefined) checkBound(step, raw, fields, id, path, problems);
}

/** Checks the values of a property that takes several: at least one when required, none twice, each one fine. */
function checkValues(step: Step, values: readonly unknown[], id: string, path: string, context: CheckContext, problems: DataProblem[]): void {
  const { prop } = step;
  if (prop.card === 'some' && values.length === 0) problems.push({ entity: id, field: path + step.key, message: 'at least one value is required' });
  if (values.length === 1) { checkValue(step, values[0], undefined, id, path, context, problems); return; }
  // Strings (ids, lexical forms) are told apart as themselves; anything else by its JSON, as messages show it.
  let strings = true;
  for (const v of values) if (typeof v !== 'string') { strings = false; break; }
  const seen = new Set<unknown>();
  const langs = step.uniqueLang ? new Set<string>() : undefined;
  for (const v of values) {
    if (strings) {
      if (seen.has(v)) problems.push({ entity: id, field: path + step.key, message: `value ${JSON.stringify(v)} is given twice` });
      seen.add(v);
    } else {
      // Language tags are case-insensitive (RFC 5646 §2.1.1) and written in lower case: "en-GB" and "en-gb" give one triple.
      const dup = JSON.stringify(prop.kind === 'langString' && isLangString(v) ? { ...v, lang: normalizeLanguageTag(v.lang) } : v);
      if (seen.has(dup)) problems.push({ entity: id, field: path + step.key, message: `value ${dup} is given twice` });
      seen.add(dup);
    }
    checkValue(step, v, langs, id, path, context, problems);
  }
}

/** Checks one value of a property; `langs` collects the language tags met so far when the property wants them unique. */
function checkValue(step: Step, v: unknown, langs: Set<string> | undefined, id: string, path: string, context: CheckContext, problems: DataProblem[]): void {
  const { prop } = step;
  switch (prop.kind) {
    case 'ref': {
      const target = typeof v === 'string' ? context.classOf(v) : undefined;
      if (!target) problems.push({ entity: id, field: path + step.key, message: `reference to ${JSON.stringify(v)}, which is not an entity of the dataset` });
      else if (!isA(target, prop.range)) problems.push({ entity: id, field: path + step.key, message: `reference to ${String(v)}, a ${target.name}, where a ${prop.range} is required` });
      return;
    }
    case 'enum':
      if (typeof v !== 'string' || !Object.hasOwn(prop.values, v)) {
        problems.push({ entity: id, field: path + step.key, message: `${JSON.stringify(v)} is not one of ${Object.keys(prop.values).join(', ')}` });
      }
      return;
    case 'embedded':
      if (typeof v !== 'object' || v === null) problems.push({ entity: id, field: path + step.key, message: 'expected an object' });
      else checkFields(compiledOf(prop.cls), v as Record<string, unknown>, id, `${path}${step.key}.`, context, problems);
      return;
    default: {
      const bad = (step.codec as (v: unknown) => string | undefined)(v);
      if (bad) { problems.push({ entity: id, field: path + step.key, message: bad }); return; }
      if (step.nonBlank || step.pattern) {
        const lexical = prop.kind === 'langString' ? (v as { value: string }).value : String(v);
        if (step.nonBlank && lexical.trim() === '') problems.push({ entity: id, field: path + step.key, message: 'required text is empty' });
        if (step.pattern && !step.pattern.test(lexical)) {
          problems.push({ entity: id, field: path + step.key, message: `${JSON.stringify(lexical)} does not match the pattern ${prop.pattern as string}` });
        }
      }
      if (langs) {
        const lang = normalizeLanguageTag((v as { lang: string }).lang);
        if (langs.has(lang)) problems.push({ entity: id, field: path + step.key, message: `two values in language "${lang}"` });
        langs.add(lang);
      }
    }
  }
}

/** sh:lessThanOrEquals: a property's value may not exceed its sibling's (dates compared as text, numbers and decimals as numbers). */
function checkBound(step: Step, raw: unknown, fields: Record<string, unknown>, id: string, path: string, problems: DataProblem[]): void {
  const { prop } = step;
  const other = prop.lessThanOrEquals as string;
  const bound = fields[other];
  const comparable = (v: unknown): number | undefined => (typeof v === 'number' ? v : prop.kind === 'decimal' && typeof v === 'string' ? Number(v) : undefined);
  if (prop.kind === 'date' && typeof raw === 'string' && typeof bound === 'string' && raw > bound) {
    problems.push({ entity: id, field: path + step.key, message: `${raw} is after ${other} (${bound})` });
  }
  if (comparable(raw) !== undefined && comparable(bound) !== undefined && (comparable(raw) as number) > (comparable(bound) as number)) {
    problems.push({ entity: id, field: path + step.key, message: `${String(raw)} is greater than ${other} (${String(fields[other])})` });
  }
}

/** A time's kg:earliest/kg:latest/kg:precision must say what its resolved day, month or year says (the kit computes them). */
function checkTimeBounds(time: Extract<Entity, { type: 'TimeExpression' }>, problems: DataProblem[]): void {
  const { date, yearMonth, year, earliest, latest, precision } = time;
  let first: string;
  let last: string;
  let unit: string;
  if (date) { first = date; last = date; unit = 'day'; }
  else if (yearMonth && /^\d{4}-\d{2}$/.test(yearMonth)) {
    const [y, m] = yearMonth.split('-').map(Number) as [number, number];
    first = `${yearMonth}-01`; last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10); unit = 'month';
  } else if (year) { first = `${year}-01-01`; last = `${year}-12-31`; unit = 'year'; }
  else return;
  const resolved = date ? 'day' : yearMonth ? 'month' : 'year';
  const compare = (field: string, value: unknown, want: string): void => {
    if (value !== undefined && value !== want) problems.push({ entity: time.id, field, message: `is ${JSON.stringify(value)}, but the resolved ${resolved} gives ${JSON.stringify(want)}` });
  };
  compare('earliest', earliest, first);
  compare('latest', latest, last);
  compare('precision', precision, unit);
}

/** A span's offsets must fall inside its source's text and slice its quote, and its prefix and suffix must surround it there. */
function checkSpan(span: Extract<Entity, { type: 'TextSpan' }>, context: CheckContext, problems: DataProblem[]): void {
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

/** A document's characterCount must be the length of its text in code points. */
function checkDocument(doc: Extract<Entity, { type: 'SourceDocument' }>, problems: DataProblem[]): void {
  if (typeof doc.text === 'string' && doc.characterCount !== codePointLength(doc.text)) {
    problems.push({ entity: doc.id, field: 'characterCount', message: `is ${doc.characterCount}, but the text has ${codePointLength(doc.text)} code points` });
  }
}

/** Throws a DataError listing every problem of a set of entities, if there is any. */
export function assertValid(entities: readonly Entity[]): void {
  const problems = findProblems(entities);
  if (problems.length) throw new DataError(problems);
}
