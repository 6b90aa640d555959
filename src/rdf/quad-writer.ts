// Serialises quads as Turtle, TriG, N-Triples or N-Quads into strings, byte for byte as n3's Writer (the oracle in tests) does, at the speed of string building.
import type { Literal, Quad, Term } from '@rdfjs/types';

/** The serialisations a QuadWriter writes: n3's format names. */
export type LineFormat = 'Turtle' | 'application/trig' | 'N-Triples' | 'N-Quads';

const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const XSD = 'http://www.w3.org/2001/XMLSchema#';
const XSD_STRING = `${XSD}string`;
const XSD_BOOLEAN = `${XSD}boolean`;
const XSD_DECIMAL = `${XSD}decimal`;
const XSD_DOUBLE = `${XSD}double`;

/** Characters Turtle and TriG escape (n3's rule: controls below U+001A, quote, backslash, and non-BMP characters as `\U`). */
const TURTLE_ESCAPE = /["\\\t\n\r\b\f\u0000-\u0019\ud800-\udbff]/;
const TURTLE_ESCAPE_ALL = /["\\\t\n\r\b\f\u0000-\u0019]|[\ud800-\udbff][\udc00-\udfff]/g;
/** Characters canonical N-Triples and N-Quads escape (RDF 1.2 N-Triples §canonical form): U+0000–U+001F, `"`, `\`, U+007F, U+FFFE, U+FFFF. */
const CANONICAL_ESCAPE = /[^ !#-[\]-~\u0080-\uFFFD]/;
const CANONICAL_ESCAPE_ALL = /[^ !#-[\]-~\u0080-\uFFFD]/g;
const SHORT_ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '"': '\\"', '\t': '\\t', '\n': '\\n', '\r': '\\r', '\b': '\\b', '\f': '\\f' };

const DECIMAL_BARE = /^[+-]?\d*\.\d+$/;
const DOUBLE_BARE = /^[+-]?(?:\d+\.\d*|\.?\d+)[eE][+-]?\d+$/;

/** At most this many encoded IRIs are remembered (then the cache starts again), so memory stays bounded. */
const CACHE_LIMIT = 1 << 16;

function escapeRegex(s: string): string {
  return s.replace(/[\]\\/()*+?.^$|[{}-]/g, '\\$&');
}

function turtleReplacer(c: string): string {
  const short = SHORT_ESCAPES[c];
  if (short !== undefined) return short;
  if (c.length === 1) return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  return `\\U${((c.charCodeAt(0) - 0xd800) * 0x400 + c.charCodeAt(1) + 0x2400).toString(16).padStart(8, '0')}`;
}

function canonicalReplacer(c: string): string {
  return SHORT_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Text as it appears between the quotes of a literal (or brackets of an IRI) in canonical N-Triples and N-Quads. */
export function escapeLineText(text: string): string {
  return CANONICAL_ESCAPE.test(text) ? text.replace(CANONICAL_ESCAPE_ALL, canonicalReplacer) : text;
}

/** Text as it appears between the quotes of a literal (or brackets of an IRI) in Turtle and TriG, as n3's Writer escapes it. */
export function escapeTurtleText(text: string): string {
  return TURTLE_ESCAPE.test(text) ? text.replace(TURTLE_ESCAPE_ALL, turtleReplacer) : text;
}

/** Whether Turtle writes a literal of this datatype and lexical form bare (`true`, `2.5`, `1e3`), as n3's Writer does. */
export function isBareInTurtle(lexicalForm: string, datatype: string): boolean {
  if (datatype === XSD_BOOLEAN) return lexicalForm === 'true' || lexicalForm === 'false';
  if (datatype === XSD_DECIMAL) return DECIMAL_BARE.test(lexicalForm);
  return datatype === XSD_DOUBLE && DOUBLE_BARE.test(lexicalForm);
}

/**
 * A streaming writer of quads: `add` appends each quad's text to an internal buffer, handed to the sink in chunks of
 * about 64 K code units and at `end`. Named nodes and literals only (the data has no blank nodes); quads of one subject
 * must come together, as the mapping emits them. The output equals n3's Writer with the project's integer rule
 * (`"1"^^xsd:integer`, never a bare `1`) byte for byte, except that an IRI which only looks like a prefixed
 * name is bracketed (n3 writes `ex:x` bare and it reads back as the prefix's expansion).
 * @throws Error for a blank node, variable or quoted triple.
 */
export class QuadWriter {
  private readonly line: boolean;
  private readonly escape: RegExp;
  private readonly escapeAll: RegExp;
  private readonly replacer: (c: string) => string;
  private readonly prefixIris: Map<string, string>;
  private readonly prefixMatch: RegExp | undefined;
  private readonly cache = new Map<string, string>();
  private out = '';
  private subject: string | undefined;
  private predicate: string | undefined;
  private graph = '';

  /**
   * A writer in `format` with prefixes `[name, iri]` (Turtle and TriG only), declared at once as n3 declares them unless
   * `declare` is false (a chunk of a file whose prefixes are declared elsewhere).
   */
  constructor(private readonly sink: (chunk: string) => void, format: LineFormat, prefixes: ReadonlyArray<readonly [string, string]> = [], declare = true) {
    this.line = format === 'N-Triples' || format === 'N-Quads';
    this.escape = this.line ? CANONICAL_ESCAPE : TURTLE_ESCAPE;
    this.escapeAll = this.line ? CANONICAL_ESCAPE_ALL : TURTLE_ESCAPE_ALL;
    this.replacer = this.line ? canonicalReplacer : turtleReplacer;
    this.prefixIris = new Map();
    if (!this.line && prefixes.length) {
      for (const [name, iri] of prefixes) {
        this.prefixIris.set(iri, `${name}:`);
        if (declare) this.out += `@prefix ${name}: <${iri}>.\n`;
      }
      if (declare) this.out += '\n';
      const iris = [...this.prefixIris.keys()].map(escapeRegex).join('|');
      this.prefixMatch = new RegExp(`^(${iris})([_a-zA-Z0-9](?:\\.?[\\-_a-zA-Z0-9])*)$`);
    }
  }

  /** Appends one quad (a named graph is written as a `<g> { … }` block in Turtle and TriG and on the line in N-Triples and N-Quads, as n3 does). */
  add(quad: Quad): void {
    if (this.line) {
      const g = quad.graph.termType === 'DefaultGraph' ? '' : ` ${this.iri(quad.graph)}`;
      this.out += `${this.iri(quad.subject)} ${this.iri(quad.predicate)} ${this.object(quad.object)}${g} .\n`;
    } else {
      const graph = quad.graph.termType === 'DefaultGraph' ? '' : this.iri(quad.graph);
      if (graph !== this.graph) {
        this.out += (this.subject === undefined ? '' : this.graph ? '\n}\n' : '.\n') + (graph ? `${graph} {\n` : '');
        this.graph = graph;
        this.subject = undefined;
      }
      const s = quad.subject.value;
      const p = quad.predicate.value;
      if (s === this.subject) {
        if (p === this.predicate) this.out += `, ${this.object(quad.object)}`;
        else {
          this.predicate = p;
          this.out += `;\n    ${this.verb(quad.predicate)} ${this.object(quad.object)}`;
        }
      } else {
        this.out += `${this.subject === undefined ? '' : '.\n'}${this.iri(quad.subject)} ${this.verb(quad.predicate)} ${this.object(quad.object)}`;
        this.subject = s;
        this.predicate = p;
      }
    }
    if (this.out.length >= 65536) this.flush();
  }

  /** Ends the last statement (and graph block) and hands everything left to the sink. */
  end(): void {
    if (!this.line && this.subject !== undefined) this.out += this.graph ? '\n}\n' : '.\n';
    this.subject = undefined;
    this.graph = '';
    this.flush();
  }

  private flush(): void {
    if (this.out) this.sink(this.out);
    this.out = '';
  }

  private verb(term: Term): string {
    return term.value === RDF_TYPE && !this.line ? 'a' : this.iri(term);
  }

  private object(term: Term): string {
    return term.termType === 'Literal' ? this.literal(term) : this.iri(term);
  }

  /** How an IRI is written here: a prefixed name or `<…>`. */
  iriText(value: string): string {
    return this.encodeIri(value);
  }

  private iri(term: Term): string {
    if (term.termType !== 'NamedNode') throw new Error(`QuadWriter writes IRIs and literals only, not a ${term.termType}`);
    const value = term.value;
    const known = this.cache.get(value);
    if (known !== undefined) return known;
    const encoded = this.encodeIri(value);
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(value, encoded);
    return encoded;
  }

  private encodeIri(value: string): string {
    const iri = this.escape.test(value) ? value.replace(this.escapeAll, this.replacer) : value;
    // Unlike n3, an IRI that merely looks like a prefixed name (`ex:x` when `ex:` is declared) is written in brackets:
    // written bare it would be read back as the prefix's expansion.
    const m = this.prefixMatch?.exec(iri);
    return m ? `${this.prefixIris.get(m[1] as string)}${m[2]}` : `<${iri}>`;
  }

  private literal(term: Literal): string {
    let value = term.value;
    if (this.escape.test(value)) value = value.replace(this.escapeAll, this.replacer);
    if (term.language) return `"${value}"@${term.language}`;
    const datatype = term.datatype.value;
    if (datatype === XSD_STRING) return `"${value}"`;
    if (!this.line && isBareInTurtle(value, datatype)) return value;
    return `"${value}"^^${this.iri(term.datatype)}`;
  }
}
