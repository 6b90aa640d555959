// Writes entities straight to N-Triples, N-Quads and Turtle text through plans compiled once per class: the bytes the quads path (entitiesQuads through a QuadWriter, the oracle in tests) gives, without a term or quad per triple.
import type { Entity } from '../model/classes.js';
import { isMany, propertiesOf, type ClassDecl, type PropDecl } from '../model/schema.js';
import { RDF } from '../model/vocab.js';
import { assertedClasses, classOf } from '../mapping/encode.js';
import { embeddedIri, enumIri } from '../mapping/iri.js';
import { CODECS } from '../mapping/literals.js';
import { normalizeLanguageTag } from '../mapping/lexical.js';
import { escapeLineText, escapeTurtleText, isBareInTurtle, QuadWriter } from './quad-writer.js';

/** What an EntityWriter writes: any of N-Triples, N-Quads (every triple in one named graph) and Turtle (subject blocks only, without prefix declarations: TriG's graph block holds the same text). */
export interface EntityWriterOptions {
  /** The base IRI under which entity IRIs are minted. */
  readonly base: string;
  readonly ntriples?: boolean;
  readonly turtle?: boolean;
  /** The named graph of N-Quads lines; no N-Quads when absent. */
  readonly nquadsGraph?: string;
  /** The prefixes Turtle abbreviates with (`[name, iri]`), as declared by the file. */
  readonly prefixes?: ReadonlyArray<readonly [string, string]>;
}

/** The counts of what was written, as the description's statistics count them (generate/description.ts addToStats). */
export interface EntityStats {
  triples: number;
  subjects: number;
  /** Nodes with a type: entities and their embedded nodes. */
  entities: number;
  readonly classes: Map<string, number>;
  readonly properties: Map<string, number>;
  /** The first two source documents' IRIs. */
  readonly documents: string[];
}

/** How one property of a class is written. */
interface Step {
  readonly key: string;
  readonly prop: PropDecl;
  readonly many: boolean;
  readonly predicate: string;
  /** ` <p> ` in N-Triples, as UTF-8. */
  readonly lineVerb: Uint8Array;
  /** `;\n    p ` in Turtle, as UTF-8. */
  readonly turtleVerb: Uint8Array;
  /** For typed literals: `^^<dt>` and `^^dt`, and the datatype IRI. */
  readonly lineDatatype: string;
  readonly turtleDatatype: string;
  readonly datatype: string;
  /** For enums: the member's texts, made on first use. */
  readonly members: Map<string, readonly [string, string, string]>;
  /** For embedded nodes: the plan of the embedded class. */
  readonly embedded: Plan | undefined;
}

/** How a node of one class is written: its type triples, then its steps. */
interface Plan {
  readonly decl: ClassDecl;
  readonly types: readonly string[];
  /** ` <rdf:type> <C>` per type, in N-Triples, as UTF-8. */
  readonly lineTypes: readonly Uint8Array[];
  /** ` a C1, C2` in Turtle, as UTF-8. */
  readonly turtleTypes: Uint8Array;
  /** How many of its types are source documents (each adds the subject to the documents, as addToStats does). */
  readonly documentTypes: number;
  readonly steps: readonly Step[];
}

const utf8 = new TextEncoder();
/** Strings at least this long are encoded by TextEncoder.encodeInto; shorter ones by a loop (a native call costs more). */
const NATIVE_FROM = 96;

/** A growing UTF-8 byte buffer: the text of one format, written piece by piece without building strings. */
class Bytes {
  buf = new Uint8Array(1 << 16);
  pos = 0;

  /** Room for `n` more bytes. */
  room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
  }

  /** Appends bytes. */
  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }

  /** Appends a string as UTF-8 (well-formed UTF-16 only: the checks refuse lone surrogates). */
  text(s: string): void {
    const n = s.length;
    this.room(n * 3);
    const buf = this.buf;
    let pos = this.pos;
    if (n >= NATIVE_FROM) {
      this.pos = pos + utf8.encodeInto(s, buf.subarray(pos)).written;
      return;
    }
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) {
        this.pos = pos + utf8.encodeInto(i === 0 ? s : s.slice(i), buf.subarray(pos)).written;
        return;
      }
      buf[pos++] = c;
    }
    this.pos = pos;
  }

  /** Copies bytes `[from, to)` of another buffer. */
  copy(from: Bytes, start: number, end: number): void {
    this.room(end - start);
    this.buf.set(from.buf.subarray(start, end), this.pos);
    this.pos += end - start;
  }

  /** Everything written (a view of the buffer, handed over: writing goes on in a new one). */
  take(): Uint8Array {
    const out = this.buf.subarray(0, this.pos);
    this.buf = new Uint8Array(1 << 16);
    this.pos = 0;
    return out;
  }
}

/** A Turtle local name that n3 abbreviates (the QuadWriter's rule). */
const LOCAL_NAME = /^[_a-zA-Z0-9](?:\.?[\-_a-zA-Z0-9])*$/;
const SOURCE_DOCUMENT = '#SourceDocument';
const DOT = utf8.encode('.\n');
const COMMA = utf8.encode(', ');
const CHUNK = 65536;
const CACHE_LIMIT = 1 << 14;

/**
 * A writer of entities as text, one node after another in the mapping's order (types, then properties in declaration
 * order with many values sorted, then embedded nodes); `take` hands over what was written. Entities must have passed
 * the checks (mapping/check.ts): values are written as they are.
 * @throws Error for an entity whose type is not a concrete class.
 */
export class EntityWriter {
  readonly stats: EntityStats = { triples: 0, subjects: 0, entities: 0, classes: new Map(), properties: new Map(), documents: [] };
  private readonly line: boolean;
  private readonly quads: boolean;
  private readonly turtle: boolean;
  private readonly base: string;
  private readonly lineBase: string;
  /** ` .\n`, and ` <g> .\n` for N-Quads, as UTF-8. */
  private readonly lineEnd = utf8.encode(' .\n');
  private readonly graphEnd: Uint8Array;
  private readonly generic: QuadWriter;
  /** Id prefix (`person`) to Turtle prefix (`person:`), where writing `person:x` is exactly what the QuadWriter does. */
  private readonly idPrefixes = new Map<string, string>();
  private readonly iriCache = new Map<string, string>();
  private readonly plans = new Map<ClassDecl, Plan>();
  private readonly nt = new Bytes();
  private readonly nq = new Bytes();
  private readonly ttl = new Bytes();
  /** Where the current node's subject lies in the line buffer (N-Triples, else N-Quads): copied for each of its lines. */
  private subjectStart = 0;
  private subjectEnd = 0;
  /** Where the current line began in the line buffer. */
  private lineAt = 0;
  private started = false;

  /** A writer of the formats the options ask for. */
  constructor(options: EntityWriterOptions) {
    this.line = options.ntriples === true;
    this.quads = options.nquadsGraph !== undefined;
    this.turtle = options.turtle === true;
    this.base = options.base;
    this.lineBase = `<${escapeLineText(options.base)}`;
    this.graphEnd = utf8.encode(options.nquadsGraph === undefined ? '' : ` <${escapeLineText(options.nquadsGraph)}> .\n`);
    const prefixes = options.prefixes ?? [];
    this.generic = new QuadWriter(() => undefined, 'Turtle', prefixes, false);
    const names = new Map<string, string>();
    for (const [name, iri] of prefixes) names.set(iri, `${name}:`);
    if (escapeTurtleText(options.base) === options.base) {
      for (const [iri, name] of names) {
        if (!iri.startsWith(options.base) || !iri.endsWith('/')) continue;
        const segment = iri.slice(options.base.length, -1);
        if (!segment || segment.includes('/') || escapeTurtleText(segment) !== segment) continue;
        // A longer declared namespace could claim the IRI instead: then leave it to the general rule.
        if ([...names.keys()].some((other) => other !== iri && other.startsWith(iri))) continue;
        this.idPrefixes.set(segment, name);
      }
    }
  }

  /** Writes one entity and its embedded nodes. */
  add(entity: Entity): void {
    const fields = entity as unknown as Record<string, unknown>;
    const id = entity.id;
    this.node(this.plan(classOf(entity)), this.base + id, `${this.lineBase}${escapeLineText(id)}>`, this.turtle ? this.refTurtle(id) : '', fields);
  }

  /** Everything written since the last call, as UTF-8: one array per format (empty when not asked for); Turtle ends its last statement (`.\n`). */
  take(): { ntriples: Uint8Array; nquads: Uint8Array; turtle: Uint8Array } {
    if (this.started) { this.ttl.bytes(DOT); this.started = false; }
    return { ntriples: this.nt.take(), nquads: this.nq.take(), turtle: this.ttl.take() };
  }

  private node(plan: Plan, iri: string, lineSubject: string, turtleSubject: string, fields: Record<string, unknown>): void {
    const stats = this.stats;
    stats.subjects++;
    stats.entities++;
    const types = plan.types;
    stats.triples += types.length;
    for (let i = 0; i < types.length; i++) {
      const t = types[i] as string;
      stats.classes.set(t, (stats.classes.get(t) ?? 0) + 1);
    }
    stats.properties.set(RDF.type, (stats.properties.get(RDF.type) ?? 0) + types.length);
    for (let i = 0; i < plan.documentTypes && stats.documents.length < 2; i++) stats.documents.push(iri);
    if (this.line || this.quads) {
      const out = this.line ? this.nt : this.nq;
      this.subjectStart = this.lineAt = out.pos;
      out.text(lineSubject);
      this.subjectEnd = out.pos;
      const types = plan.lineTypes;
      for (let i = 0; i < types.length; i++) {
        if (i > 0) this.lineSubject(out);
        out.bytes(types[i] as Uint8Array);
        this.endLine(out);
      }
    }
    if (this.turtle) {
      if (this.started) this.ttl.bytes(DOT);
      this.ttl.text(turtleSubject);
      this.ttl.bytes(plan.turtleTypes);
      this.started = true;
    }
    let predicate = RDF.type;
    let nested: Array<[Plan, string, Record<string, unknown>]> | undefined;
    for (const step of plan.steps) {
      const raw = fields[step.key];
      if (raw === undefined) continue;
      if (step.embedded) {
        const child = embeddedIri(iri, step.prop.kind === 'embedded' ? step.prop.fragment : '');
        const texts = this.iriTexts(child);
        this.triple(step, texts[0], texts[1], predicate);
        predicate = step.predicate;
        (nested ??= []).push([step.embedded, child, raw as Record<string, unknown>]);
        continue;
      }
      if (!step.many) {
        const texts = this.objectTexts(step, raw);
        this.triple(step, texts[0], texts[1], predicate);
        predicate = step.predicate;
        continue;
      }
      const values = raw as unknown[];
      if (values.length === 0) continue;
      if (values.length === 1) {
        const texts = this.objectTexts(step, values[0]);
        this.triple(step, texts[0], texts[1], predicate);
        predicate = step.predicate;
        continue;
      }
      const keyed = values.map((v) => this.objectTexts(step, v));
      keyed.sort((a, b) => (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0));
      for (const texts of keyed) {
        this.triple(step, texts[0], texts[1], predicate);
        predicate = step.predicate;
      }
    }
    if (nested) {
      for (const [child, childIri, value] of nested) {
        const texts = this.iriTexts(childIri);
        this.node(child, childIri, texts[0], texts[1], value);
      }
    }
  }

  /** Writes one triple of the current node; `previous` is the predicate of the triple before it. */
  private triple(step: Step, lineObject: string, turtleObject: string, previous: string): void {
    const stats = this.stats;
    stats.triples++;
    stats.properties.set(step.predicate, (stats.properties.get(step.predicate) ?? 0) + 1);
    if (this.line || this.quads) {
      const out = this.line ? this.nt : this.nq;
      this.lineSubject(out);
      out.bytes(step.lineVerb);
      out.text(lineObject);
      this.endLine(out);
    }
    if (this.turtle) {
      this.ttl.bytes(step.predicate === previous ? COMMA : step.turtleVerb);
      this.ttl.text(turtleObject);
    }
  }

  /** Writes the current node's subject again (a copy of its bytes). */
  private lineSubject(out: Bytes): void {
    const length = this.subjectEnd - this.subjectStart;
    out.room(length);
    this.lineAt = out.pos;
    out.buf.copyWithin(out.pos, this.subjectStart, this.subjectEnd);
    out.pos += length;
  }

  /** Ends the line begun at the last subject: ` .\n` in N-Triples, and the same head with the graph in N-Quads. */
  private endLine(out: Bytes): void {
    if (this.line && this.quads) {
      this.nq.copy(this.nt, this.lineAt, this.nt.pos);
      this.nq.bytes(this.graphEnd);
    }
    out.bytes(this.line ? this.lineEnd : this.graphEnd);
  }

  /** The N-Triples text, Turtle text and sort key (encode.ts termKey) of one value of a property. */
  private objectTexts(step: Step, value: unknown): readonly [string, string, string] {
    const prop = step.prop;
    switch (prop.kind) {
      case 'ref': {
        const id = value as string;
        return [`${this.lineBase}${escapeLineText(id)}>`, this.turtle ? this.refTurtle(id) : '', `<${this.base}${id}>`];
      }
      case 'enum': {
        let texts = step.members.get(value as string);
        if (!texts) {
          const iri = enumIri(prop.scheme, value as string);
          const [line, turtle] = this.iriTexts(iri);
          step.members.set(value as string, (texts = [line, turtle, `<${iri}>`]));
        }
        return texts;
      }
      case 'iri': {
        const [line, turtle] = this.iriTexts(value as string);
        return [line, turtle, `<${value as string}>`];
      }
      case 'langString': {
        const v = value as { value: string; lang: string };
        const tag = normalizeLanguageTag(v.lang);
        return [`"${escapeLineText(v.value)}"@${tag}`, this.turtle ? `"${escapeTurtleText(v.value)}"@${tag}` : '', `"${v.value}"@${tag}^^${RDF.langString}`];
      }
      case 'string': {
        const s = value as string;
        return [`"${escapeLineText(s)}"`, this.turtle ? `"${escapeTurtleText(s)}"` : '', `"${s}"@^^${step.datatype}`];
      }
      default: {
        const lexical = String(value);
        const turtle = this.turtle ? escapeTurtleText(lexical) : '';
        return [`"${escapeLineText(lexical)}"${step.lineDatatype}`,
          this.turtle ? (isBareInTurtle(turtle, step.datatype) ? turtle : `"${turtle}"${step.turtleDatatype}`) : '',
          `"${lexical}"@^^${step.datatype}`];
      }
    }
  }

  /** The Turtle text of an entity IRI: `person:x` through its id prefix where that is what the general rule gives, else the general rule. */
  private refTurtle(id: string): string {
    const slash = id.indexOf('/');
    if (slash > 0 && id.indexOf('/', slash + 1) < 0) {
      const name = this.idPrefixes.get(id.slice(0, slash));
      const local = id.slice(slash + 1);
      if (name !== undefined && LOCAL_NAME.test(local)) return name + local;
    }
    return this.iriTexts(this.base + id)[1];
  }

  /** The N-Triples and Turtle texts of any IRI (the QuadWriter's rule), remembered for the IRIs seen last. */
  private iriTexts(iri: string): readonly [string, string] {
    const line = `<${escapeLineText(iri)}>`;
    if (!this.turtle) return [line, ''];
    let turtle = this.iriCache.get(iri);
    if (turtle === undefined) {
      turtle = this.generic.iriText(iri);
      if (this.iriCache.size >= CACHE_LIMIT) this.iriCache.clear();
      this.iriCache.set(iri, turtle);
    }
    return [line, turtle];
  }

  /** The plan of a class, compiled on first use from its declaration. */
  private plan(decl: ClassDecl): Plan {
    let plan = this.plans.get(decl);
    if (plan) return plan;
    const types = assertedClasses(decl).map((c) => c.iri);
    const lineType = ` <${escapeLineText(RDF.type)}> `;
    const steps = propertiesOf(decl).map(({ key, prop }): Step => {
      if (prop.kind === 'embedded' && isMany(prop)) throw new Error(`${decl.name}.${key}: an embedded node takes one value`);
      const datatype = prop.kind === 'ref' || prop.kind === 'enum' || prop.kind === 'embedded' || prop.kind === 'iri' ? '' : CODECS[prop.kind].datatype ?? '';
      return {
        key, prop, many: isMany(prop), predicate: prop.iri,
        lineVerb: utf8.encode(` <${escapeLineText(prop.iri)}> `),
        turtleVerb: utf8.encode(`;\n    ${prop.iri === RDF.type ? 'a' : this.generic.iriText(prop.iri)} `),
        datatype,
        lineDatatype: datatype ? `^^<${escapeLineText(datatype)}>` : '',
        turtleDatatype: datatype ? `^^${this.generic.iriText(datatype)}` : '',
        members: new Map(),
        embedded: prop.kind === 'embedded' ? this.plan(prop.cls) : undefined,
      };
    });
    plan = {
      decl, types, steps,
      lineTypes: types.map((t) => utf8.encode(`${lineType}<${escapeLineText(t)}>`)),
      turtleTypes: utf8.encode(` a ${types.map((t) => this.generic.iriText(t)).join(', ')}`),
      documentTypes: types.filter((t) => t.endsWith(SOURCE_DOCUMENT)).length,
    };
    this.plans.set(decl, plan);
    return plan;
  }
}
