// Engine-neutral RDF terms for the interop tests: canonical N-Triples/N-Quads lines, SPARQL result values, canonical-form checks.

/** An RDF term as every engine can give it (RDF/JS terms and SPARQL 1.1 JSON result terms both convert to it). */
export interface Term {
  readonly kind: 'iri' | 'bnode' | 'literal';
  readonly value: string;
  /** Language tag (literals only). */
  readonly lang?: string;
  /** Datatype IRI (literals only; absent for language-tagged strings). */
  readonly datatype?: string;
}

/** A quad; `graph` is undefined for the default graph. */
export interface TermQuad {
  readonly subject: Term;
  readonly predicate: Term;
  readonly object: Term;
  readonly graph?: Term;
}

export const XSD = 'http://www.w3.org/2001/XMLSchema#';
const RDF_LANG_STRING = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#langString';

/** The term of an RDF/JS term (n3, Oxigraph); undefined for the default graph. */
export function fromRdfJs(t: { termType: string; value: string; language?: string; datatype?: { value: string } }): Term | undefined {
  switch (t.termType) {
    case 'NamedNode': return { kind: 'iri', value: t.value };
    case 'BlankNode': return { kind: 'bnode', value: t.value };
    case 'Literal':
      return t.language ? { kind: 'literal', value: t.value, lang: t.language } : { kind: 'literal', value: t.value, datatype: t.datatype?.value ?? `${XSD}string` };
    case 'DefaultGraph': return undefined;
    default: throw new Error(`unexpected term type ${t.termType} (${t.value})`);
  }
}

/** A SPARQL 1.1 JSON result term (also the older `typed-literal` spelling some engines still write). */
export interface JsonTerm {
  readonly type: string;
  readonly value: string;
  readonly 'xml:lang'?: string;
  readonly datatype?: string;
}

/** The term of a SPARQL JSON result term. */
export function fromJson(t: JsonTerm): Term {
  switch (t.type) {
    case 'uri': return { kind: 'iri', value: t.value };
    case 'bnode': return { kind: 'bnode', value: t.value };
    case 'literal':
    case 'typed-literal':
      return t['xml:lang'] ? { kind: 'literal', value: t.value, lang: t['xml:lang'] } : { kind: 'literal', value: t.value, datatype: t.datatype ?? `${XSD}string` };
    default: throw new Error(`unexpected SPARQL JSON term type ${t.type} (${t.value})`);
  }
}

/** A string in canonical N-Triples: only `"`, `\`, LF and CR as \-escapes, other control characters as \uXXXX. */
function quoted(s: string): string {
  return `"${s.replace(/[\\"\n\r\u0000-\u001f\u007f]/g, (c) => {
    switch (c) {
      case '\\': return '\\\\';
      case '"': return '\\"';
      case '\n': return '\\n';
      case '\r': return '\\r';
      default: return `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    }
  })}"`;
}

/**
 * A term in canonical N-Triples. The one respelling normalised away here: language tags are lower-cased (BCP 47
 * tags are case-insensitive, RDF 1.1 lets a parser lower-case them, and Oxigraph does). A literal without a
 * datatype is xsd:string (RDF 1.1), so both spellings give the same line. Nothing else is normalised: numbers,
 * booleans and dates must come out of every engine exactly as the file spells them (the export writes canonical
 * forms, see `canonicalFormProblems`; rdflib would respell a non-canonical one, and the comparison would show it).
 */
export function ntTerm(t: Term, bnodeLabel: (label: string) => string = (l) => l): string {
  switch (t.kind) {
    case 'iri': return `<${t.value}>`;
    case 'bnode': return `_:${bnodeLabel(t.value)}`;
    case 'literal':
      if (t.lang) return `${quoted(t.value)}@${t.lang.toLowerCase()}`;
      return !t.datatype || t.datatype === `${XSD}string` ? quoted(t.value) : `${quoted(t.value)}^^<${t.datatype}>`;
  }
}

/**
 * Labels for blank nodes that do not depend on the labels a parser chose: each blank node gets a hash of its
 * neighbourhood (the terms and predicates around it, refined over a few rounds, as in colour refinement). Two
 * blank nodes that nothing tells apart get the same label; callers compare the quad count as well.
 */
function blankNodeLabels(quads: readonly TermQuad[]): Map<string, string> {
  const labels = new Map<string, string>();
  const touching = new Map<string, TermQuad[]>();
  for (const q of quads) {
    for (const t of [q.subject, q.object, q.graph]) {
      if (t?.kind !== 'bnode') continue;
      labels.set(t.value, '');
      const list = touching.get(t.value) ?? [];
      list.push(q);
      touching.set(t.value, list);
    }
  }
  if (labels.size === 0) return labels;
  let distinct = 1;
  for (let round = 0; round < 8; round++) {
    const next = new Map<string, string>();
    for (const [b, qs] of touching) {
      const role = (t: Term | undefined): string => (t?.kind === 'bnode' ? (t.value === b ? '*' : `_:${labels.get(t.value)}`) : t ? ntTerm(t) : '');
      const around = qs.map((q) => [role(q.subject), role(q.predicate), role(q.object), role(q.graph)].join(' ')).sort();
      next.set(b, fnv1a(`${labels.get(b)}|${around.join('\n')}`));
    }
    const count = new Set(next.values()).size;
    for (const [b, l] of next) labels.set(b, l);
    if (count === distinct && round > 0) break;
    distinct = count;
  }
  return labels;
}

/** A 64-bit FNV-1a hash in hex (labels only need to be stable, not secret). */
function fnv1a(s: string): string {
  let h = 0xcbf29ce484222325n;
  for (const byte of Buffer.from(s, 'utf8')) h = BigInt.asUintN(64, (h ^ BigInt(byte)) * 0x100000001b3n);
  return h.toString(16).padStart(16, '0');
}

/** Quads as sorted, de-duplicated canonical N-Quads lines (N-Triples for the default graph). */
export function canonicalLines(quads: readonly TermQuad[]): string[] {
  const labels = blankNodeLabels(quads);
  const label = (l: string): string => `b${labels.get(l) ?? l}`;
  const lines = quads.map((q) => [q.subject, q.predicate, q.object, ...(q.graph ? [q.graph] : [])].map((t) => ntTerm(t, label)).join(' ') + ' .');
  return [...new Set(lines)].sort();
}

const INTEGER_TYPES: Readonly<Record<string, (n: bigint) => boolean>> = {
  integer: () => true,
  nonNegativeInteger: (n) => n >= 0n,
  positiveInteger: (n) => n > 0n,
  nonPositiveInteger: (n) => n <= 0n,
  negativeInteger: (n) => n < 0n,
  long: (n) => n >= -(2n ** 63n) && n < 2n ** 63n,
  int: (n) => n >= -(2n ** 31n) && n < 2n ** 31n,
  short: (n) => n >= -(2n ** 15n) && n < 2n ** 15n,
  byte: (n) => n >= -128n && n < 128n,
  unsignedLong: (n) => n >= 0n && n < 2n ** 64n,
  unsignedInt: (n) => n >= 0n && n < 2n ** 32n,
  unsignedShort: (n) => n >= 0n && n < 2n ** 16n,
  unsignedByte: (n) => n >= 0n && n < 256n,
};

/** Whether a datatype is xsd:integer or one of the XSD types derived from it. */
export function isIntegerType(datatype: string | undefined): boolean {
  return !!datatype?.startsWith(XSD) && Object.hasOwn(INTEGER_TYPES, datatype.slice(XSD.length));
}

/** What is not in the form every engine keeps as it is: lower-case language tags, canonical integers, decimals and booleans. */
export function canonicalFormProblems(t: Term): string | undefined {
  if (t.kind !== 'literal') return undefined;
  if (t.lang !== undefined) return t.lang === t.lang.toLowerCase() ? undefined : `language tag @${t.lang} is not lower-case`;
  const local = t.datatype?.startsWith(XSD) ? t.datatype.slice(XSD.length) : '';
  const inRange = INTEGER_TYPES[local];
  if (inRange) {
    if (!/^(0|-?[1-9][0-9]*)$/.test(t.value)) return `"${t.value}"^^xsd:${local} is not a canonical integer`;
    return inRange(BigInt(t.value)) ? undefined : `"${t.value}" is out of the range of xsd:${local}`;
  }
  if (local === 'decimal' && (!/^-?(0|[1-9][0-9]*)\.(0|[0-9]*[1-9])$/.test(t.value) || t.value === '-0.0')) return `"${t.value}"^^xsd:decimal is not canonical`;
  if (local === 'boolean' && t.value !== 'true' && t.value !== 'false') return `"${t.value}"^^xsd:boolean is not canonical`;
  return undefined;
}

/**
 * The value of a SPARQL result term, for comparing answers across engines: values, not spellings. Normalised
 * (each a difference of spelling or of an engine's storage, never of meaning):
 * - numbers: compared by value within integers (any xsd:integer-derived type: Oxigraph's store types every
 *   integer as xsd:integer, Jena and rdflib keep the declared xsd:nonNegativeInteger), decimals, and doubles/floats;
 * - booleans: `1`/`0` are `true`/`false`;
 * - language tags: lower-cased;
 * - a literal without a datatype is xsd:string.
 */
export function resultValue(t: JsonTerm | undefined): string {
  if (!t) return '(unbound)';
  const term = fromJson(t);
  if (term.kind !== 'literal' || term.lang) return ntTerm(term);
  const dt = term.datatype ?? `${XSD}string`;
  const v = term.value.trim();
  if (isIntegerType(dt) && /^[+-]?[0-9]+$/.test(v)) return `integer ${BigInt(v)}`;
  if (dt === `${XSD}decimal` && /^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$/.test(v)) return `decimal ${decimalValue(v)}`;
  if ((dt === `${XSD}double` || dt === `${XSD}float`) && v !== '' && !Number.isNaN(Number(v.replace(/^\+/, '').replace(/INF$/, 'Infinity')))) {
    return `double ${Number(v.replace(/^\+/, '').replace(/INF$/, 'Infinity'))}`;
  }
  if (dt === `${XSD}boolean` && /^(true|false|1|0)$/.test(v)) return `boolean ${v === 'true' || v === '1'}`;
  return ntTerm(term);
}

function decimalValue(v: string): string {
  const negative = v.startsWith('-');
  const [int = '', frac = ''] = v.replace(/^[+-]/, '').split('.');
  const i = int.replace(/^0+(?=.)/, '') || '0';
  const f = frac.replace(/0+$/, '');
  const s = f ? `${i}.${f}` : i;
  return negative && s !== '0' ? `-${s}` : s;
}

/** SPARQL 1.1 JSON results. */
export interface JsonResults {
  readonly head: { readonly vars?: readonly string[] };
  readonly boolean?: boolean;
  readonly results?: { readonly bindings: ReadonlyArray<Readonly<Record<string, JsonTerm>>> };
}

/** The rows of results as value strings, in the engine's order (one string per row, variables in head order). */
export function resultRows(results: JsonResults, vars: readonly string[]): string[] {
  return (results.results?.bindings ?? []).map((row) => vars.map((v) => `${v}=${resultValue(row[v])}`).join('  '));
}

/**
 * The variables of a query's ORDER BY that the query also returns, in order, up to the first one it does not
 * return or that is an expression (ties after that point may be broken differently by each engine).
 */
export function orderKeys(query: string, vars: readonly string[]): { keys: string[]; whole: boolean } {
  const clause = /^\s*ORDER\s+BY\s+(.+)$/im.exec(query.replace(/#.*$/gm, ''))?.[1]?.trim();
  if (!clause) return { keys: [], whole: false };
  const keys: string[] = [];
  const parts = clause.split(/\s+(?![^()]*\))/);
  for (const part of parts) {
    const m = /^(?:ASC\(\s*)?\?(\w+)\s*\)?$/i.exec(part) ?? /^DESC\(\s*\?(\w+)\s*\)$/i.exec(part);
    if (!m?.[1] || !vars.includes(m[1])) return { keys, whole: false };
    keys.push(m[1]);
  }
  return { keys, whole: true };
}
