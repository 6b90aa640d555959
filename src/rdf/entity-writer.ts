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
  /** Typed subjects (entities and their embedded nodes), each counted once whatever its number of types. */
  entities: number;
  /** Asserted classes (an entity's class and each of its superclasses of ours) to the number of their instances: the class partitions. */
  readonly classes: Map<string, number>;
  /** Predicates to the number of triples they are used in. */
  readonly properties: Map<string, number>;
  /** The first two source documents' IRIs. */
  readonly documents: string[];
}

/** How one property of a class is written, and how many triples it gave. */
interface Step {
  readonly key: string;
  readonly kind: PropDecl['kind'];
  readonly many: boolean;
  count: number;
  readonly predicate: string;
  /** ` <p> ` in N-Triples, as UTF-8. */
  readonly lineVerb: Uint8Array;
  /** `;\n    p ` in Turtle, as UTF-8. */
  readonly turtleVerb: Uint8Array;
  /** For typed literals: the closing quote and `^^<dt>` / `^^dt` as UTF-8, and the datatype IRI. */
  readonly lineDatatype: Uint8Array;
  readonly turtleDatatype: Uint8Array;
  readonly datatype: string;
  /** For enums, their concept scheme; for embedded nodes, their fragment. */
  readonly scheme: string;
  readonly fragment: string;
  /** For embedded nodes: what follows the parent's IRI in N-Triples (`#quote>`), as UTF-8. */
  readonly fragmentEnd: Uint8Array;
  /** For enums: the member's texts, made on first use. */
  readonly members: Map<string, readonly [string, string, string]>;
  /** For embedded nodes: the plan of the embedded class. */
  readonly embedded: Plan | undefined;
}

/** How a node of one class is written (its type triples, then its steps), and how many nodes it wrote. */
interface Plan {
  readonly types: readonly string[];
  count: number;
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

/** ASCII characters each syntax escapes (1) inside quotes and brackets: canonical N-Triples (controls, `"`, `\`, DEL) and n3's Turtle (controls below U+001A, `"`, `\`). */
const LINE_ESCAPED = new Uint8Array(128);
const TURTLE_ESCAPED = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  LINE_ESCAPED[c] = escapeLineText(ch) === ch ? 0 : 1;
  TURTLE_ESCAPED[c] = escapeTurtleText(ch) === ch ? 0 : 1;
}

const MIN_BUFFER = 1 << 16;
/** What each format's buffer held last (per thread): where a new writer's buffers start. */
const SIZE_HINTS = { ntriples: { size: MIN_BUFFER }, nquads: { size: MIN_BUFFER }, turtle: { size: MIN_BUFFER } };

/** `n` bytes, not zero-filled where Node allows it (every byte handed over is written first). */
function allocate(n: number): Uint8Array {
  for (let i = 0; i < POOL.length; i++) {
    const pooled = POOL[i] as ArrayBuffer;
    if (pooled.byteLength >= n && pooled.byteLength <= 4 * n) {
      POOL.splice(i, 1);
      return new Uint8Array(pooled);
    }
  }
  return typeof Buffer === 'undefined' ? new Uint8Array(n) : Buffer.allocUnsafeSlow(n);
}

const EMPTY = new Uint8Array(0);

/** Buffers handed back once their bytes were written (recycleBuffers), reused before new memory is asked for. */
const POOL: ArrayBuffer[] = [];
const POOL_SIZE = 8;

/**
 * Gives buffers that `take` handed over back to this thread's writers, once nothing reads them any more: an export's
 * memory then stays the same batch after batch instead of churning through the allocator (most of the resident set
 * of a long export with workers was freed-but-kept memory). At most eight are kept.
 */
export function recycleBuffers(buffers: Iterable<ArrayBuffer>): void {
  for (const b of buffers) {
    if (POOL.length >= POOL_SIZE) return;
    if (b.byteLength >= MIN_BUFFER && !POOL.includes(b)) POOL.push(b);
  }
}

/** A growing UTF-8 byte buffer: the text of one format, written piece by piece without building strings. */
class Bytes {
  buf: Uint8Array;
  pos = 0;

  /** A buffer made on first write at the size its format's hint gives (it grows by doubling; `take` updates the hint). */
  constructor(private readonly hint: { size: number }) {
    this.buf = EMPTY;
  }

  /** Room for `n` more bytes. */
  room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let size = Math.max(this.buf.length * 2, this.hint.size, MIN_BUFFER);
    while (size < this.pos + n) size *= 2;
    const next = allocate(size);
    if (this.pos) next.set(this.buf.subarray(0, this.pos));
    if (this.buf.length) recycleBuffers([this.buf.buffer as ArrayBuffer]);
    this.buf = next;
  }

  /** Appends bytes. */
  bytes(b: Uint8Array): void {
    const n = b.length;
    if (this.pos + n > this.buf.length) this.room(n);
    const buf = this.buf;
    let pos = this.pos;
    if (n <= 32) for (let i = 0; i < n; i++) buf[pos++] = b[i] as number;
    else { buf.set(b, pos); pos += n; }
    this.pos = pos;
  }

  /** Appends a string as UTF-8 as it is (already escaped, or needing none). */
  text(s: string): void {
    this.escaped(s, undefined, undefined);
  }

  /**
   * Appends a string as UTF-8, escaping what `escaped` marks among ASCII and, from the first character that is marked
   * or not ASCII on, what `escape` escapes (well-formed UTF-16 only: the checks refuse lone surrogates).
   */
  escaped(s: string, table: Uint8Array | undefined, escape: ((s: string) => string) | undefined): void {
    const n = s.length;
    if (this.pos + n * 3 > this.buf.length) this.room(n * 3);
    const buf = this.buf;
    let pos = this.pos;
    if (n < NATIVE_FROM || table) {
      for (let i = 0; i < n; i++) {
        const c = s.charCodeAt(i);
        if (c >= 0x80 || (table !== undefined && table[c] === 1)) {
          const rest = i === 0 ? s : s.slice(i);
          this.pos = pos;
          this.native(escape ? escape(rest) : rest);
          return;
        }
        buf[pos++] = c;
      }
      this.pos = pos;
      return;
    }
    this.native(s);
  }

  private native(s: string): void {
    if (this.pos + s.length * 3 > this.buf.length) this.room(s.length * 3);
    this.pos += utf8.encodeInto(s, this.buf.subarray(this.pos)).written;
  }

  /** Copies bytes `[start, end)` of this buffer to its end. */
  again(start: number, end: number): void {
    const n = end - start;
    if (this.pos + n > this.buf.length) this.room(n);
    const buf = this.buf;
    let pos = this.pos;
    if (n <= 96) for (let i = start; i < end; i++) buf[pos++] = buf[i] as number;
    else { buf.copyWithin(pos, start, end); pos += n; }
    this.pos = pos;
  }

  /** Copies bytes `[start, end)` of another buffer. */
  copy(from: Bytes, start: number, end: number): void {
    this.room(end - start);
    this.buf.set(from.buf.subarray(start, end), this.pos);
    this.pos += end - start;
  }

  /** Everything written (a view of the buffer, handed over: writing goes on in a new one). */
  take(): Uint8Array {
    const out = this.buf.subarray(0, this.pos);
    // The next buffer starts at about this one's size: batches are alike, so it seldom grows.
    this.hint.size = Math.max(MIN_BUFFER, this.pos + (this.pos >> 3));
    // A new buffer only when something is written again (a writer is usually dropped after its one take).
    this.buf = EMPTY;
    this.pos = 0;
    return out;
  }
}

/** A Turtle local name that n3 abbreviates (the QuadWriter's rule). */
const LOCAL_NAME = /^[_a-zA-Z0-9](?:\.?[\-_a-zA-Z0-9])*$/;
const SOURCE_DOCUMENT = '#SourceDocument';
const DOT = utf8.encode('.\n');
const COMMA = utf8.encode(', ');
const QUOTE = utf8.encode('"');
const GT = utf8.encode('>');
const CACHE_LIMIT = 1 << 14;

function compareKeys(a: readonly [string, unknown], b: readonly [string, unknown]): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
}

/**
 * A writer of entities as text, one node after another in the mapping's order (types, then properties in declaration
 * order with many values sorted, then embedded nodes); `take` hands over what was written. Entities must have passed
 * the checks (mapping/check.ts): values are written as they are.
 * @throws Error for an entity whose type is not a concrete class.
 */
export class EntityWriter {
  private readonly counts = { triples: 0, subjects: 0, documents: [] as string[] };
  private readonly line: boolean;
  private readonly quads: boolean;
  private readonly turtle: boolean;
  private readonly base: string;
  /** `<base` in N-Triples, as UTF-8. */
  private readonly lineBase: Uint8Array;
  /** ` .\n`, and ` <g> .\n` for N-Quads, as UTF-8. */
  private readonly lineEnd = utf8.encode(' .\n');
  private readonly graphEnd: Uint8Array;
  private readonly generic: QuadWriter;
  /** Id prefix (`person`) to Turtle prefix (`person:`), where writing `person:x` is exactly what the QuadWriter does. */
  private readonly idPrefixes = new Map<string, string>();
  private readonly iriCache = new Map<string, string>();
  private readonly plans = new Map<ClassDecl, Plan>();
  private readonly nt: Bytes;
  private readonly nq: Bytes;
  private readonly ttl: Bytes;
  /** `"@tag` per language tag as written (lower case), as UTF-8. */
  private readonly tags = new Map<string, Uint8Array>();
  /** The buffer lines are written to first: N-Triples, else N-Quads (copied from N-Triples when both are written). */
  private readonly lines: Bytes;
  /** Where the current node's subject lies in the line buffer: copied for each of its lines. */
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
    const none = { size: 0 };
    this.nt = new Bytes(this.line ? SIZE_HINTS.ntriples : none);
    this.nq = new Bytes(this.quads ? SIZE_HINTS.nquads : none);
    this.ttl = new Bytes(this.turtle ? SIZE_HINTS.turtle : none);
    this.lines = this.line ? this.nt : this.nq;
    this.base = options.base;
    this.lineBase = utf8.encode(`<${escapeLineText(options.base)}`);
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
    this.node(this.plan(classOf(entity)), entity.id, undefined, entity as unknown as Record<string, unknown>);
  }

  /** The counts of what was written so far (folded from per-class and per-property counters). */
  get stats(): EntityStats {
    const classes = new Map<string, number>();
    const properties = new Map<string, number>();
    let entities = 0;
    for (const plan of this.plans.values()) {
      if (!plan.count) continue;
      entities += plan.count;
      for (const t of plan.types) classes.set(t, (classes.get(t) ?? 0) + plan.count);
      properties.set(RDF.type, (properties.get(RDF.type) ?? 0) + plan.count * plan.types.length);
    }
    // Properties in the order they were first written, as addToStats counts them (plans in order of first use).
    for (const plan of this.plans.values()) {
      for (const step of plan.steps) if (step.count) properties.set(step.predicate, (properties.get(step.predicate) ?? 0) + step.count);
    }
    const { triples, subjects, documents } = this.counts;
    return { triples, subjects, entities, classes, properties, documents: [...documents] };
  }

  /** Everything written since the last call, as UTF-8: one array per format (empty when not asked for); Turtle ends its last statement (`.\n`). */
  take(): { ntriples: Uint8Array; nquads: Uint8Array; turtle: Uint8Array } {
    if (this.started) { this.ttl.bytes(DOT); this.started = false; }
    return { ntriples: this.nt.take(), nquads: this.nq.take(), turtle: this.ttl.take() };
  }

  /**
   * Writes one node: an entity of id `id` (its IRI, the base and the id, made only when needed), or an embedded node of
   * IRI `iri` whose N-Triples subject is the parent's (bytes `[parentStart, parentEnd)` of the line buffer) with the
   * fragment `suffix` (`#quote>`).
   */
  private node(plan: Plan, id: string | undefined, iri: string | undefined, fields: Record<string, unknown>, parentStart = 0, parentEnd = 0, suffix?: Uint8Array): void {
    const counts = this.counts;
    counts.subjects++;
    counts.triples += plan.types.length;
    plan.count++;
    for (let i = 0; i < plan.documentTypes && counts.documents.length < 2; i++) counts.documents.push(iri ??= this.base + (id as string));
    const lines = this.line || this.quads ? this.lines : undefined;
    if (lines) {
      this.subjectStart = this.lineAt = lines.pos;
      if (id !== undefined) {
        lines.bytes(this.lineBase);
        lines.escaped(id, LINE_ESCAPED, escapeLineText);
        lines.bytes(GT);
      } else {
        lines.again(parentStart, parentEnd - 1);
        lines.bytes(suffix as Uint8Array);
      }
      this.subjectEnd = lines.pos;
      const types = plan.lineTypes;
      for (let i = 0; i < types.length; i++) {
        if (i > 0) this.again(lines);
        lines.bytes(types[i] as Uint8Array);
        this.endLine(lines);
      }
    }
    if (this.turtle) {
      if (this.started) this.ttl.bytes(DOT);
      this.ttl.text(id !== undefined ? this.refTurtle(id) : this.turtleIri(iri as string));
      this.ttl.bytes(plan.turtleTypes);
      this.started = true;
    }
    let predicate = RDF.type;
    let nested: Array<[Step, string, Record<string, unknown>]> | undefined;
    const steps = plan.steps;
    for (let s = 0; s < steps.length; s++) {
      const step = steps[s] as Step;
      const raw = fields[step.key];
      if (raw === undefined) continue;
      if (step.embedded) {
        // The embedded node's IRI as a string only for Turtle; N-Triples copies the subject's bytes.
        const child = this.turtle ? embeddedIri(iri ??= this.base + (id as string), step.fragment) : '';
        this.triple(step, child, predicate, lines);
        predicate = step.predicate;
        (nested ??= []).push([step, child, raw as Record<string, unknown>]);
      } else if (!step.many) {
        this.triple(step, raw, predicate, lines);
        predicate = step.predicate;
      } else {
        const values = raw as unknown[];
        if (values.length === 1) {
          this.triple(step, values[0], predicate, lines);
          predicate = step.predicate;
        } else if (values.length > 1) {
          const keyed = values.map((v) => [this.sortKey(step, v), v] as const);
          keyed.sort(compareKeys);
          for (let i = 0; i < keyed.length; i++) {
            this.triple(step, (keyed[i] as readonly [string, unknown])[1], predicate, lines);
            predicate = step.predicate;
          }
        }
      }
    }
    if (nested) {
      const start = this.subjectStart;
      const end = this.subjectEnd;
      for (const [step, childIri, value] of nested) this.node(step.embedded as Plan, undefined, childIri, value, start, end, step.fragmentEnd);
    }
  }

  /** Writes one triple of the current node: the value (for an embedded node, its IRI); `previous` is the predicate of the triple before it. */
  private triple(step: Step, value: unknown, previous: string, lines: Bytes | undefined): void {
    this.counts.triples++;
    step.count++;
    if (lines) {
      this.again(lines);
      lines.bytes(step.lineVerb);
      this.lineObject(lines, step, value);
      this.endLine(lines);
    }
    if (this.turtle) {
      const ttl = this.ttl;
      ttl.bytes(step.predicate === previous ? COMMA : step.turtleVerb);
      this.turtleObject(ttl, step, value);
    }
  }

  /** Writes the current node's subject again (a copy of its bytes), beginning a line. */
  private again(lines: Bytes): void {
    this.lineAt = lines.pos;
    lines.again(this.subjectStart, this.subjectEnd);
  }

  /** Ends the line begun at the last subject: ` .\n` in N-Triples, and the same head with the graph in N-Quads. */
  private endLine(lines: Bytes): void {
    if (this.line && this.quads) {
      this.nq.copy(this.nt, this.lineAt, this.nt.pos);
      this.nq.bytes(this.graphEnd);
    }
    lines.bytes(this.line ? this.lineEnd : this.graphEnd);
  }

  private lineIri(out: Bytes, iri: string): void {
    out.bytes(LT);
    out.escaped(iri, LINE_ESCAPED, escapeLineText);
    out.bytes(GT);
  }

  /** Writes a value in N-Triples. */
  private lineObject(out: Bytes, step: Step, value: unknown): void {
    switch (step.kind) {
      case 'ref':
        out.bytes(this.lineBase);
        out.escaped(value as string, LINE_ESCAPED, escapeLineText);
        out.bytes(GT);
        return;
      case 'enum':
        out.text(this.member(step, value as string)[0]);
        return;
      case 'embedded':
        out.again(this.subjectStart, this.subjectEnd - 1);
        out.bytes(step.fragmentEnd);
        return;
      case 'iri':
        this.lineIri(out, value as string);
        return;
      case 'langString': {
        const v = value as { value: string; lang: string };
        out.bytes(QUOTE);
        out.escaped(v.value, LINE_ESCAPED, escapeLineText);
        out.bytes(this.tag(v.lang));
        return;
      }
      case 'string':
        out.bytes(QUOTE);
        out.escaped(value as string, LINE_ESCAPED, escapeLineText);
        out.bytes(QUOTE);
        return;
      default:
        out.bytes(QUOTE);
        out.escaped(String(value), LINE_ESCAPED, escapeLineText);
        out.bytes(step.lineDatatype);
    }
  }

  /** Writes a value in Turtle. */
  private turtleObject(out: Bytes, step: Step, value: unknown): void {
    switch (step.kind) {
      case 'ref':
        out.text(this.refTurtle(value as string));
        return;
      case 'enum':
        out.text(this.member(step, value as string)[1]);
        return;
      case 'embedded':
      case 'iri':
        out.text(this.turtleIri(value as string));
        return;
      case 'langString': {
        const v = value as { value: string; lang: string };
        out.bytes(QUOTE);
        out.escaped(v.value, TURTLE_ESCAPED, escapeTurtleText);
        out.bytes(this.tag(v.lang));
        return;
      }
      case 'string':
        out.bytes(QUOTE);
        out.escaped(value as string, TURTLE_ESCAPED, escapeTurtleText);
        out.bytes(QUOTE);
        return;
      default: {
        const lexical = String(value);
        if (isBareInTurtle(lexical, step.datatype)) { out.text(lexical); return; }
        out.bytes(QUOTE);
        out.escaped(lexical, TURTLE_ESCAPED, escapeTurtleText);
        out.bytes(step.turtleDatatype);
      }
    }
  }

  /** The closing quote and `@tag` of a language-tagged string (the tag lower case), as UTF-8. */
  private tag(lang: string): Uint8Array {
    let bytes = this.tags.get(lang);
    if (!bytes) {
      if (this.tags.size >= CACHE_LIMIT) this.tags.clear();
      this.tags.set(lang, (bytes = utf8.encode(`"@${normalizeLanguageTag(lang)}`)));
    }
    return bytes;
  }

  /** The key the mapping sorts a value of a many-valued property by (encode.ts termKey). */
  private sortKey(step: Step, value: unknown): string {
    switch (step.kind) {
      case 'ref': return `<${this.base}${value as string}>`;
      case 'enum': return `<${this.member(step, value as string)[2]}>`;
      case 'iri': return `<${value as string}>`;
      case 'langString': {
        const v = value as { value: string; lang: string };
        return `"${v.value}"@${normalizeLanguageTag(v.lang)}^^${RDF.langString}`;
      }
      default: return `"${String(value)}"@^^${step.datatype}`;
    }
  }

  /** The N-Triples text, Turtle text and IRI of an enum member. */
  private member(step: Step, key: string): readonly [string, string, string] {
    let texts = step.members.get(key);
    if (!texts) {
      const iri = enumIri(step.scheme, key);
      step.members.set(key, (texts = [`<${escapeLineText(iri)}>`, this.turtle ? this.turtleIri(iri) : '', iri]));
    }
    return texts;
  }

  /** The Turtle text of an entity IRI: `person:x` through its id prefix where that is what the general rule gives, else the general rule. */
  private refTurtle(id: string): string {
    const slash = id.indexOf('/');
    if (slash > 0 && id.indexOf('/', slash + 1) < 0) {
      const name = this.idPrefixes.get(id.slice(0, slash));
      const local = id.slice(slash + 1);
      if (name !== undefined && LOCAL_NAME.test(local)) return name + local;
    }
    return this.turtleIri(this.base + id);
  }

  /** The Turtle text of any IRI (the QuadWriter's rule), remembered for the IRIs seen last. */
  private turtleIri(iri: string): string {
    let turtle = this.iriCache.get(iri);
    if (turtle === undefined) {
      turtle = this.generic.iriText(iri);
      if (this.iriCache.size >= CACHE_LIMIT) this.iriCache.clear();
      this.iriCache.set(iri, turtle);
    }
    return turtle;
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
        key, kind: prop.kind, many: isMany(prop), predicate: prop.iri, count: 0,
        lineVerb: utf8.encode(` <${escapeLineText(prop.iri)}> `),
        turtleVerb: utf8.encode(`;\n    ${prop.iri === RDF.type ? 'a' : this.generic.iriText(prop.iri)} `),
        datatype,
        lineDatatype: utf8.encode(datatype ? `"^^<${escapeLineText(datatype)}>` : '"'),
        turtleDatatype: utf8.encode(datatype ? `"^^${this.generic.iriText(datatype)}` : '"'),
        scheme: prop.kind === 'enum' ? prop.scheme : '',
        fragment: prop.kind === 'embedded' ? prop.fragment : '',
        fragmentEnd: utf8.encode(prop.kind === 'embedded' ? `${escapeLineText(embeddedIri('', prop.fragment))}>` : ''),
        members: new Map(),
        embedded: prop.kind === 'embedded' ? this.plan(prop.cls) : undefined,
      };
    });
    plan = {
      types, steps, count: 0,
      lineTypes: types.map((t) => utf8.encode(`${lineType}<${escapeLineText(t)}>`)),
      turtleTypes: utf8.encode(` a ${types.map((t) => this.generic.iriText(t)).join(', ')}`),
      documentTypes: types.filter((t) => t.endsWith(SOURCE_DOCUMENT)).length,
    };
    this.plans.set(decl, plan);
    return plan;
  }
}

const LT = utf8.encode('<');
