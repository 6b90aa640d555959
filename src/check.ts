// Checks hand-modelled entities before anything is written: every problem names the entity, the field and what is wrong.
import { CLASS_BY_NAME, type Entity } from './classes.js';
import { DataError, type DataProblem } from './errors.js';
import { checkId } from './iri.js';
import { CODECS } from './literals.js';
import { ancestorsOf, isMany, isRequired, propertiesOf, type ClassDecl } from './schema.js';
import { codePointLength, sliceCodePoints } from './text.js';

/** Whether class `decl` is `range` or one of its subclasses. */
export function isA(decl: ClassDecl, range: string): boolean {
  return decl.name === range || ancestorsOf(decl).some((a) => a.name === range);
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

  for (const { entity, decl } of byId.values()) checkFields(decl, entity as unknown as Record<string, unknown>, entity.id, '');
  for (const { entity } of byId.values()) if (entity.type === 'TextSpan') checkSpan(entity);
  for (const { entity } of byId.values()) if (entity.type === 'SourceDocument') checkDocument(entity);
  return problems;

  function checkFields(decl: ClassDecl, fields: Record<string, unknown>, id: string, path: string): void {
    const props = propertiesOf(decl);
    const keys = new Set(props.map((p) => p.key));
    for (const key of Object.keys(fields)) {
      if (!path && (key === 'type' || key === 'id')) continue;
      if (!keys.has(key)) problems.push({ entity: id, field: path + key, message: `${decl.name} has no field "${key}"` });
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
      const seen = new Set<string>();
      for (const v of values) {
        const dup = JSON.stringify(v);
        if (seen.has(dup)) problems.push({ entity: id, field, message: `value ${dup} is given twice` });
        seen.add(dup);
        switch (prop.kind) {
          case 'ref': {
            const target = typeof v === 'string' ? byId.get(v) : undefined;
            if (!target) problems.push({ entity: id, field, message: `reference to ${JSON.stringify(v)}, which is not an entity of the dataset` });
            else if (!isA(target.decl, prop.range)) problems.push({ entity: id, field, message: `reference to ${v}, a ${target.decl.name}, where a ${prop.range} is required` });
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
            if (prop.pattern && !new RegExp(prop.pattern, 'u').test(lexical)) {
              problems.push({ entity: id, field, message: `${JSON.stringify(lexical)} does not match the pattern ${prop.pattern}` });
            }
          }
        }
      }
    }
  }

  function checkSpan(span: Extract<Entity, { type: 'TextSpan' }>): void {
    const doc = byId.get(span.source)?.entity;
    if (!doc || doc.type !== 'SourceDocument' || typeof doc.text !== 'string') return; // reported as a bad reference
    const { start, end } = span.position ?? {};
    if (typeof start !== 'number' || typeof end !== 'number') return; // reported as missing
    const length = codePointLength(doc.text);
    if (end < start || end > length) {
      problems.push({ entity: span.id, field: 'position', message: `offsets ${start}..${end} fall outside the source text (0..${length})` });
      return;
    }
    const slice = sliceCodePoints(doc.text, start, end);
    if (slice !== span.quote?.exact) {
      problems.push({ entity: span.id, field: 'quote.exact', message: `offsets ${start}..${end} slice ${JSON.stringify(slice)}, not ${JSON.stringify(span.quote?.exact)}` });
    }
    const { prefix, suffix } = span.quote ?? {};
    if (prefix !== undefined && sliceCodePoints(doc.text, Math.max(0, start - codePointLength(prefix)), start) !== prefix) {
      problems.push({ entity: span.id, field: 'quote.prefix', message: `the text before offset ${start} is not ${JSON.stringify(prefix)}` });
    }
    if (suffix !== undefined && sliceCodePoints(doc.text, end, Math.min(length, end + codePointLength(suffix))) !== suffix) {
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
