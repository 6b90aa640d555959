// The authoring kit: per-class constructors for shared entities and for one article's own entities, quotes found by their words.
import { readFileSync } from 'node:fs';
import { CLASS_BY_NAME, ENTITY_CLASSES, type Entity } from '../model/classes.js';
import { isA } from '../mapping/check.js';
import { slugOf, textSpan, type Dataset } from '../mapping/dataset.js';
import { projectPath } from '../project.js';
import { isMany, propertiesOf, type ClassDecl, type LangString } from '../model/schema.js';
import { codePointLength } from '../mapping/text.js';
import { callSite, fail, moduleName } from './callsite.js';
import { findQuote, type QuoteUnit } from './quotes.js';
import type { Constructors, EntityClassName, Ref, RefTo } from './refs.js';
import { segmentArticle } from './segment.js';
import { slugify } from '../mapping/slug.js';

/** The classes of entities that may outlive one article and are declared once, in the shared registry (src/data/entities/). */
export const SHARED_CLASSES = [
  'Person', 'Organization', 'Government', 'Ministry', 'ArmedForce', 'IntelligenceService', 'ArmedGroup', 'MilitaryContractor',
  'Group', 'Office', 'Place', 'Region', 'Desert', 'Country',
] as const satisfies readonly EntityClassName[];

/** A class of shared entities. */
export type SharedClassName = (typeof SHARED_CLASSES)[number];
/** A class whose entities an article declares through its kit (its document and spans are made by the kit itself). */
export type ArticleClassName = Exclude<EntityClassName, 'SourceDocument' | 'TextSpan'>;

/** One declared entity, with the module and the call (`module:line:column`) that declared it. */
export interface Declared {
  readonly entity: Entity;
  readonly module: string;
  readonly at: string;
}

/** What an article adds to entities it does not own: the spans where it mentions them and the spans that state facts about them. */
export interface Contribution {
  readonly mentionedAt: string[];
  readonly statedIn: string[];
  readonly at: string;
}

/** An article as its module declares it: its own entities, and what it adds to shared ones (merged by `assemble`). */
export interface ArticleDataset extends Dataset {
  readonly module: string;
  /** Declared entities of the article, with their call sites. */
  readonly declared: readonly Declared[];
  /** Mentions and provenance added to entities by id (shared ones, or the article's own). */
  readonly contributions: ReadonlyMap<string, Contribution>;
  /** The article's body sentences, numbered from 1, as their span ids. */
  readonly sentenceSpans: readonly string[];
}

/** Field values as an author writes them, by property key. */
type Fields = Readonly<Record<string, unknown>>;

const NAME = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

/** Turns author fields into an entity: language tags filled in, unknown fields refused (naming the call). */
function build(decl: ClassDecl, id: string, fields: Fields, lang: string, at: string): Entity {
  const props = propertiesOf(decl);
  for (const key of Object.keys(fields)) {
    if (key !== 'slug' && !props.some((p) => p.key === key)) fail(`a ${decl.name} has no field "${key}" (it has ${props.map((p) => p.key).join(', ')})`, at);
  }
  const out: Record<string, unknown> = { type: decl.name, id };
  for (const { key, prop } of props) {
    const value = fields[key] ?? decl.defaults?.[key];
    if (value === undefined) continue;
    if (prop.kind === 'langString') {
      const tag = (v: unknown): LangString => (typeof v === 'string' ? { value: v, lang } : (v as LangString));
      out[key] = isMany(prop) ? [value].flat().map(tag) : tag(value);
    } else {
      out[key] = isMany(prop) ? [...(value as readonly unknown[])] : value;
    }
  }
  return out as unknown as Entity;
}

/**
 * The attribution the article gives, when the author does not say: a claim with no claimant is unattributed, one by
 * an entity of the article that has no name (an unnamed person, "some observers") unnamed, one by a shared entity
 * named; an event, stake or correction with no kg:accordingTo is in the publication's own voice. Undefined when it
 * cannot tell (a fact attributed to someone: the author says how).
 */
function defaultSourceKind(entity: Record<string, unknown>, ownEntity: (id: string) => Entity | undefined): string | undefined {
  if (entity.type === 'Claim') {
    const claimant = entity.claimant as string | undefined;
    if (claimant === undefined) return 'unattributed';
    const own = ownEntity(claimant) as Record<string, unknown> | undefined;
    if (!own) return 'named';
    return own.type === 'Person' && own.name !== undefined ? 'named' : own.type === 'Person' || own.type === 'Group' ? 'unnamed' : 'named';
  }
  return entity.accordingTo === undefined ? 'publication' : undefined;
}

/** A day as YYYY-MM-DD, `days` days after the given one (UTC calendar arithmetic). */
function addDays(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/**
 * Fills in a time expression's kg:earliest, kg:latest and kg:precision from its resolved value (a day, a month, a year),
 * or, for a vague one, bounds it by the times it lies before or after (their earliest/latest, one day apart).
 */
export function deriveTimeBounds(time: Record<string, unknown>, lookup: (id: string) => Record<string, unknown> | undefined): void {
  const set = (earliest: string | undefined, latest: string | undefined, precision: string): void => {
    if (time.earliest === undefined && earliest !== undefined) time.earliest = earliest;
    if (time.latest === undefined && latest !== undefined) time.latest = latest;
    if (time.precision === undefined) time.precision = precision;
  };
  if (typeof time.date === 'string') return set(time.date, time.date, 'day');
  if (typeof time.yearMonth === 'string') {
    const [y, m] = time.yearMonth.split('-').map(Number) as [number, number];
    return set(`${time.yearMonth}-01`, new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10), 'month');
  }
  if (typeof time.year === 'string') return set(`${time.year}-01-01`, `${time.year}-12-31`, 'year');
  const before = typeof time.before === 'string' ? lookup(time.before) : undefined;
  const after = typeof time.after === 'string' ? lookup(time.after) : undefined;
  const start = typeof time.hasBeginning === 'string' ? lookup(time.hasBeginning) : undefined;
  const end = typeof time.hasEnd === 'string' ? lookup(time.hasEnd) : undefined;
  set(
    typeof after?.latest === 'string' ? addDays(after.latest, 1) : typeof start?.earliest === 'string' ? start.earliest : undefined,
    typeof before?.earliest === 'string' ? addDays(before.earliest, -1) : typeof end?.latest === 'string' ? end.latest : undefined,
    'vague',
  );
}

/** The slug of an entity: the author's, or the first label's. */
function slugFor(fields: Fields, at: string): string {
  if (typeof fields.slug === 'string') {
    if (!NAME.test(fields.slug)) fail(`slug ${JSON.stringify(fields.slug)} must be lower-case letters, digits and hyphens`, at);
    return fields.slug;
  }
  const label = [fields.label].flat()[0];
  const text = typeof label === 'string' ? label : (label as LangString | undefined)?.value;
  if (!text) fail('an entity needs a label (or a slug) to derive its id from', at);
  try {
    return slugify(text);
  } catch (error) {
    return fail((error as Error).message, at);
  }
}

/** Constructors for the named classes, each calling `make` with the class declaration, the author's fields and the call site. */
function constructorsFor<N extends EntityClassName>(names: readonly N[], make: (decl: ClassDecl, fields: Fields, at: string) => string): Constructors<N> {
  const out: Record<string, (fields: Fields) => string> = {};
  for (const name of names) {
    const decl = CLASS_BY_NAME.get(name) as ClassDecl;
    out[name.charAt(0).toLowerCase() + name.slice(1)] = (fields) => make(decl, fields, callSite());
  }
  return out as unknown as Constructors<N>;
}

/** A module of shared entities: its constructors (ids `<prefix>/<slug>`) and the list of what it declared. */
export type SharedKit = Constructors<SharedClassName> & { readonly declared: readonly Declared[] };

/**
 * Starts a module of shared entities (people, countries, organisations, offices, places, groups) declared once for
 * every article; `moduleUrl` is the module's `import.meta.url`. Mentions and provenance are not declared here: each
 * article adds its own with `mention` and `state`.
 */
export function sharedEntities(moduleUrl: string, language = 'en'): SharedKit {
  const module = moduleName(moduleUrl);
  const declared: Declared[] = [];
  const kit = constructorsFor(SHARED_CLASSES, (decl, fields, at) => {
    if (fields.mentionedAt !== undefined || fields.statedIn !== undefined) {
      fail(`a shared ${decl.name} takes no mentionedAt or statedIn: each article adds its own with a.mention(…) and a.state(…)`, at);
    }
    const id = `${decl.idPrefix}/${slugFor(fields, at)}`;
    declared.push({ entity: build(decl, id, fields, language, at), module, at });
    return id;
  });
  return Object.assign(kit, { declared });
}

/** What an article module says about itself. */
export interface ArticleOptions {
  /** The article's name: its output file is `<name>.ttl`, and every id it owns is `<prefix>/<name>/<slug>`. */
  readonly name: string;
  /** The path of the source text, relative to the project root (read as UTF-8). */
  readonly source: string;
  /** The publication date (YYYY-MM-DD), against which relative times are resolved. */
  readonly date: string;
  /** A one-line title of the dataset (also the document's label unless `label` is given). */
  readonly title: string;
  readonly label?: string;
  /** The BCP 47 tag of the article's language (default `en`); language-tagged strings get it. */
  readonly language?: string;
  /** The module's `import.meta.url`, so that errors and conflicts name it. */
  readonly module: string;
  /** Where the source text is read from when it is not `projectPath(source)` (tests). */
  readonly text?: string;
}

/** A span reference. */
export type SpanRef = RefTo<'TextSpan'>;

/** The kit of one article: constructors of its own entities, its document and spans, quotes, mentions and provenance. */
export type ArticleKit = Constructors<ArticleClassName> & {
  readonly name: string;
  readonly text: string;
  readonly doc: RefTo<'SourceDocument'>;
  /** The publication date as a time expression (`when/<name>/publication-date`). */
  readonly published: RefTo<'TimeExpression'>;
  /** The dateline span, when the text starts with one. */
  readonly dateline: SpanRef | undefined;
  /** How many body sentences the article has. */
  readonly sentenceCount: number;
  /** The span of body sentence `n` (from 1). */
  sentence(n: number): SpanRef;
  /** The span of the heading with these exact words. */
  heading(words: string): SpanRef;
  /**
   * The span of `words`, found in the one sentence (or heading, or dateline) that holds them, or in sentence `within`.
   * @throws AuthoringError naming this call when the words are missing (with the nearest passage and its likely cause), occur in several sentences, or twice in one.
   */
  quote(words: string, within?: number): SpanRef;
  /** Records that the article mentions an entity (shared or its own) at these spans. */
  mention(entity: Ref<'Item'>, ...spans: SpanRef[]): void;
  /** Records spans of the article that state facts about an entity (shared or its own). */
  state(entity: Ref<'Item'>, ...spans: SpanRef[]): void;
  /** The article's dataset, for the registry (src/data/index.ts). */
  dataset(): ArticleDataset;
};

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Starts the module of one article: reads and segments its source text, and makes its document, dateline and sentence spans. */
export function article(options: ArticleOptions): ArticleKit {
  const at0 = callSite();
  const module = moduleName(options.module);
  const { name } = options;
  if (!NAME.test(name)) fail(`article name ${JSON.stringify(name)} must be lower-case letters, digits and hyphens`, at0);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.date)) fail(`date ${JSON.stringify(options.date)} must be YYYY-MM-DD`, at0);
  let text: string;
  try {
    text = options.text ?? readFileSync(projectPath(options.source), 'utf8');
  } catch (error) {
    return fail(`cannot read the source text ${options.source}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, at0);
  }
  const lang = options.language ?? 'en';
  const declared: Declared[] = [];
  const spans = new Map<string, ReturnType<typeof textSpan>>();
  const contributions = new Map<string, Contribution>();
  const doc = `doc/${name}`;
  const own = (prefix: string, slug: string): string => `${prefix}/${name}/${slug}`;
  const cp = (utf16: number): number => codePointLength(text.slice(0, utf16));

  const parts = segmentArticle(text);
  const units: QuoteUnit[] = [];
  let sentences = 0;
  for (const p of parts) units.push(p.kind === 'sentence' ? { kind: p.kind, number: ++sentences, start: p.start, end: p.end } : { kind: p.kind, start: p.start, end: p.end });
  const sentenceSpans: string[] = [];
  const addSpan = (id: string, start: number, end: number, sentence?: string, sentenceNumber?: number): SpanRef => {
    if (!spans.has(id)) spans.set(id, textSpan(doc, text, id, cp(start), cp(end), sentence, sentenceNumber));
    else if (spans.get(id)?.position.start !== cp(start) || spans.get(id)?.position.end !== cp(end)) fail(`span id ${id} would name two different spans: quote more or fewer words`);
    return id as SpanRef;
  };
  for (const u of units) {
    if (u.kind === 'sentence') sentenceSpans.push(addSpan(own('span', `sentence-${String(u.number).padStart(2, '0')}`), u.start, u.end, undefined, u.number));
  }
  const datelineUnit = units.find((u) => u.kind === 'dateline');
  const dateline = datelineUnit ? addSpan(own('span', 'dateline'), datelineUnit.start, datelineUnit.end) : undefined;

  const [y, m, d] = options.date.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en', { weekday: 'long', timeZone: 'UTC' });
  const published = own('when', 'publication-date');
  declared.push({
    at: at0, module,
    entity: {
      type: 'TimeExpression', id: published, label: [{ value: `${weekday} ${d} ${MONTHS[m - 1]} ${y}`, lang: 'en' }], date: options.date,
      earliest: options.date, latest: options.date, precision: 'day',
      ...(datelineUnit ? { originalText: { value: text.slice(datelineUnit.start, datelineUnit.end), lang }, mentionedAt: [dateline as string] } : {}),
    },
  });
  declared.push({
    at: at0, module,
    entity: {
      type: 'SourceDocument', id: doc, label: [{ value: options.label ?? options.title, lang }], datePublished: options.date,
      publicationTime: published, sourceFile: options.source, text, characterCount: codePointLength(text), language: lang,
      ...(dateline ? { statedIn: [dateline as string] } : {}),
    },
  });

  const quote = (words: string, within?: number): SpanRef => {
    const hit = findQuote(text, units, words, within);
    if ('error' in hit) return fail(`${hit.error} (in ${name}, ${options.source})`);
    const { unit } = hit;
    const end = hit.at + words.length;
    if (unit.kind === 'sentence') {
      if (hit.at === unit.start && end === unit.end) return sentenceSpans[(unit.number as number) - 1] as SpanRef;
      return addSpan(own('span', `s${String(unit.number).padStart(2, '0')}-${slugOf(words)}`), hit.at, end, sentenceSpans[(unit.number as number) - 1]);
    }
    if (unit.kind === 'dateline' && hit.at === unit.start && end === unit.end) return dateline as SpanRef;
    return addSpan(own('span', `${unit.kind === 'dateline' ? 'dateline' : 'heading'}-${slugOf(words)}`), hit.at, end);
  };

  const kitConstructors = constructorsFor(ENTITY_CLASSES.map((c) => c.name).filter((n): n is ArticleClassName => n !== 'SourceDocument' && n !== 'TextSpan'), (decl, fields, at) => {
    const id = own(decl.idPrefix as string, slugFor(fields, at));
    if (declared.some((x) => x.entity.id === id)) fail(`${id} is declared twice in ${name}: give one of them another label or a slug`, at);
    const entity = build(decl, id, fields, lang, at) as unknown as Record<string, unknown>;
    if (entity.sourceKind === undefined && decl.name !== 'Proposition' && isA(decl, 'ReportedItem')) {
      const kind = defaultSourceKind(entity, (ref) => declared.find((x) => x.entity.id === ref)?.entity);
      if (kind) entity.sourceKind = kind;
    }
    if (decl.name === 'TimeExpression') deriveTimeBounds(entity, (ref) => declared.find((x) => x.entity.id === ref)?.entity as Record<string, unknown> | undefined);
    if (decl.name === 'Claim' && Array.isArray(entity.verbatim) && entity.quotedAt === undefined) {
      entity.quotedAt = (entity.verbatim as LangString[]).map((v) => {
        try {
          return quote(v.value);
        } catch (error) {
          return fail(`the verbatim words ${JSON.stringify(v.value)} need their span: give quotedAt (${(error as Error).message.replace(/^[^ ]+: /, '')})`, at);
        }
      });
    }
    declared.push({ entity: entity as unknown as Entity, module, at });
    return id;
  });

  const contribute = (key: 'mentionedAt' | 'statedIn', entity: string, list: readonly SpanRef[]): void => {
    const at = callSite();
    if (list.length === 0) fail(`${key === 'mentionedAt' ? 'mention' : 'state'}(${entity}) needs at least one span`, at);
    const c = contributions.get(entity) ?? { mentionedAt: [], statedIn: [], at };
    for (const s of list) if (!c[key].includes(s)) c[key].push(s);
    contributions.set(entity, c);
  };

  const kit = {
    name, text, doc: doc as RefTo<'SourceDocument'>, published: published as RefTo<'TimeExpression'>, dateline, sentenceCount: sentences,
    sentence(n: number): SpanRef {
      const id = sentenceSpans[n - 1];
      if (!id) fail(`there is no sentence ${n}: ${name} has ${sentences}`);
      return id as SpanRef;
    },
    heading(words: string): SpanRef {
      const u = units.find((x) => x.kind === 'heading' && text.slice(x.start, x.end) === words);
      if (!u) fail(`${JSON.stringify(words)} is not a heading of ${name}: its headings are ${units.filter((x) => x.kind === 'heading').map((x) => JSON.stringify(text.slice(x.start, x.end))).join(', ') || 'none'}`);
      return addSpan(own('span', `heading-${slugOf(words)}`), u.start, u.end);
    },
    quote,
    mention(entity: Ref<'Item'>, ...list: SpanRef[]): void { contribute('mentionedAt', entity, list); },
    state(entity: Ref<'Item'>, ...list: SpanRef[]): void { contribute('statedIn', entity, list); },
    dataset(): ArticleDataset {
      // The document lists the corrections printed with it (schema:correction).
      const corrections = declared.filter((x) => x.entity.type === 'Correction').map((x) => x.entity.id);
      const docEntry = declared.find((x) => x.entity.id === doc);
      if (docEntry && corrections.length) (docEntry as { entity: Entity }).entity = { ...docEntry.entity, correction: corrections } as Entity;
      return {
        name, title: options.title, module, origin: module, declared: [...declared], contributions,
        sentenceSpans, entities: [...declared.map((x) => x.entity), ...spans.values()],
      };
    },
  };
  return Object.assign(kitConstructors, kit) as unknown as ArticleKit;
}
