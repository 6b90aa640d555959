// Puts shared entities and articles together: one declaration per id, each article's file self-contained with the shared entities it uses.
import { CLASS_BY_NAME, type Entity } from '../model/classes.js';
import type { Dataset } from '../mapping/dataset.js';
import { DataError, type DataProblem } from '../errors.js';
import { propertiesOf, type ClassDecl } from '../model/schema.js';
import type { ArticleDataset, Declared } from './kit.js';

/** The name of the dataset of shared entities (its file is `entities.ttl`, its named graph `<base>graph/entities`). */
export const SHARED_DATASET = 'entities';

/** The datasets of a corpus: the shared entities first, then one per article. */
export interface Corpus {
  readonly shared: Dataset;
  readonly articles: readonly Dataset[];
  /** Every dataset, in output order (shared entities first). */
  readonly all: readonly Dataset[];
}

/** The ids an entity refers to (through its reference properties). */
export function referencesOf(entity: Entity): string[] {
  const decl = CLASS_BY_NAME.get(entity.type) as ClassDecl;
  const raw = entity as unknown as Record<string, unknown>;
  return propertiesOf(decl).filter((p) => p.prop.kind === 'ref').flatMap((p) => [raw[p.key] ?? []].flat().map(String));
}

/** The keys whose values differ between two declarations of one id. */
function differingFields(a: Entity, b: Entity): string[] {
  const ra = a as unknown as Record<string, unknown>;
  const rb = b as unknown as Record<string, unknown>;
  return [...new Set([...Object.keys(ra), ...Object.keys(rb)])].filter((k) => JSON.stringify(ra[k]) !== JSON.stringify(rb[k])).sort();
}

/**
 * Assembles a corpus from shared entity declarations and articles: every id declared once (otherwise a DataError names
 * both modules and the fields that differ), each article's dataset holding its own entities plus a copy of every
 * shared entity it uses (directly or through other shared entities) with the article's mentions and provenance added,
 * so that each article file validates alone and a merged graph has one IRI per shared entity.
 * @throws DataError on a twice-declared id, two articles of one name, or a shared entity no article uses.
 */
export function assemble(shared: readonly Declared[], articles: readonly ArticleDataset[], title = 'Shared entities: people, countries, organisations, offices, places and groups'): Corpus {
  const problems: DataProblem[] = [];
  const byId = new Map<string, Declared>();
  const declare = (d: Declared): void => {
    const first = byId.get(d.entity.id);
    if (!first) { byId.set(d.entity.id, d); return; }
    const fields = differingFields(first.entity, d.entity);
    problems.push({
      entity: d.entity.id, field: fields.join(', ') || '(none)',
      message: `declared twice, in ${first.at} and in ${d.at}: ${fields.length ? `they differ in ${fields.join(', ')}` : 'the same values'}; declare a shared entity once, in src/data/entities/, and refer to it`,
    });
  };
  for (const d of shared) declare(d);
  const names = new Map<string, string>();
  for (const a of articles) {
    const other = names.get(a.name);
    if (other) problems.push({ entity: `article ${a.name}`, field: 'name', message: `two articles have this name: ${other} and ${a.module}` });
    names.set(a.name, a.module);
    for (const d of a.declared) declare(d);
  }
  const sharedIds = new Set(shared.map((d) => d.entity.id));
  // An article's own entity must not be a second IRI for a shared one: same id prefix and slug, or same class and label.
  const labelOf = (e: Entity): string => ((e as { label?: ReadonlyArray<{ value: string }> }).label?.[0]?.value ?? '').toLowerCase();
  const sharedKeys = new Map<string, Declared>();
  for (const d of shared) {
    sharedKeys.set(d.entity.id, d);
    sharedKeys.set(`${d.entity.type} ${labelOf(d.entity)}`, d);
  }
  for (const a of articles) {
    for (const d of a.declared) {
      const m = /^([a-z][a-z0-9-]*)\/[^/]+\/([^/]+)$/.exec(d.entity.id);
      const twin = (m ? sharedKeys.get(`${m[1]}/${m[2]}`) : undefined) ?? sharedKeys.get(`${d.entity.type} ${labelOf(d.entity)}`);
      if (twin && d.entity.type !== 'TextSpan') {
        problems.push({ entity: d.entity.id, field: 'id', message: `declared at ${d.at} as the article's own, but ${twin.entity.id} (${twin.at}) is the shared entity: refer to it instead (mention it with a.mention)` });
      }
    }
  }
  const used = new Set<string>();
  const datasets = articles.map((a): Dataset => {
    const ownIds = new Set(a.entities.map((e) => e.id));
    const needed = new Set<string>();
    const visit = (id: string): void => {
      if (ownIds.has(id) || needed.has(id) || !sharedIds.has(id)) return;
      needed.add(id);
      for (const r of referencesOf((byId.get(id) as Declared).entity)) visit(r);
    };
    for (const e of a.entities) for (const r of referencesOf(e)) visit(r);
    for (const id of a.contributions.keys()) {
      if (!ownIds.has(id) && !sharedIds.has(id)) problems.push({ entity: id, field: '(mention)', message: `${a.name} mentions or states it (${a.contributions.get(id)?.at}), but no registered module declares it: add the module that declares it to src/data/entities/index.ts` });
      visit(id);
    }
    for (const id of needed) used.add(id);
    const withContribution = (e: Entity): Entity => {
      const c = a.contributions.get(e.id);
      if (!c) return e;
      const raw = e as unknown as Record<string, unknown>;
      const merge = (key: string, add: readonly string[]): string[] | undefined => {
        const all = [...new Set([...((raw[key] as string[] | undefined) ?? []), ...add])];
        return all.length ? all : undefined;
      };
      const mentionedAt = merge('mentionedAt', c.mentionedAt);
      const statedIn = merge('statedIn', c.statedIn);
      return { ...e, ...(mentionedAt ? { mentionedAt } : {}), ...(statedIn ? { statedIn } : {}) } as Entity;
    };
    const origins = new Map<string, string>();
    for (const d of a.declared) origins.set(d.entity.id, d.at);
    for (const id of needed) origins.set(id, (byId.get(id) as Declared).at);
    return {
      name: a.name, title: a.title, module: a.module, origin: `${a.module} and src/data/entities/`, origins,
      entities: [...a.entities.map(withContribution), ...[...needed].sort().map((id) => withContribution((byId.get(id) as Declared).entity))],
    };
  });
  for (const d of shared) {
    if (!used.has(d.entity.id)) problems.push({ entity: d.entity.id, field: '(use)', message: `declared at ${d.at} but no article refers to it or mentions it` });
  }
  if (problems.length) throw new DataError(problems);
  const sharedDataset: Dataset = {
    name: SHARED_DATASET, title, origin: 'src/data/entities/', module: 'src/data/entities/index.ts', entities: shared.map((d) => d.entity),
    origins: new Map(shared.map((d) => [d.entity.id, d.at])),
  };
  return { shared: sharedDataset, articles: datasets, all: [sharedDataset, ...datasets] };
}
