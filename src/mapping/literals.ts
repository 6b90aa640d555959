// Converts property values to RDF terms and back, one pair of functions per kind, side by side; what text, tags, IRIs and lexical forms may be is decided in lexical.ts.
import type { Literal, NamedNode, Term } from '@rdfjs/types';
import type { LangString, ScalarKind } from '../model/schema.js';
import { RDF, XSD } from '../model/vocab.js';
import { checkIri, checkLanguageTag, checkText, iriProblem, matchesLexicalPattern, normalizeLanguageTag, type PatternedKind } from './lexical.js';

import { literal, namedNode } from './terms.js';

/** The largest integer a JavaScript number holds exactly (2^53 − 1), as a BigInt for comparing lexical forms. */
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** What a kind converts: checks a TypeScript value, makes its RDF term, reads it back. */
interface Codec {
  /** The datatype written (absent for IRIs). */
  readonly datatype?: string;
  /** Returns a description of what is wrong with a value, or undefined when it is fine. */
  check(value: unknown): string | undefined;
  toTerm(value: never): Literal | NamedNode;
  /** Reads a term back, or returns a description of why it cannot be read (the term as written, then the rule it breaks). */
  fromTerm(term: Term): { value: unknown } | { error: string };
}

function describe(term: Term): string {
  if (term.termType === 'Literal') {
    const tag = term.language ? `@${term.language}` : `^^<${term.datatype.value}>`;
    return `${JSON.stringify(term.value)}${tag}`;
  }
  return term.termType === 'NamedNode' ? `<${term.value}>` : `${term.termType} ${term.value}`;
}

/** Whether a string is an xsd:date naming a real calendar day (leap years included). */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1] ?? 0;
  return d <= days;
}

/** How messages name the lexical forms of each kind with a pattern (LEXICAL_PATTERNS). */
const FORM: Readonly<Record<PatternedKind, string>> = {
  integer: 'an integer in canonical form (digits with an optional "-", no "+", no leading zeros: e.g. "12")',
  nonNegativeInteger: 'a non-negative integer in canonical form (digits only, no sign, no leading zeros: e.g. "12")',
  decimal: 'a decimal number in canonical form (digits with an optional "-" and fraction, no "+", no leading or trailing zeros: e.g. "2100000000" or "2.5")',
  boolean: 'a boolean in canonical form ("true" or "false")',
  date: 'a calendar date (YYYY-MM-DD)',
  gYearMonth: 'a year and month (YYYY-MM)',
  gYear: 'a year (YYYY)',
  duration: 'an xsd:duration such as "P10Y" or "P21D" (ISO 8601 without weeks)',
};

/** The codec of a literal kind: the lexical form read must match the kind's pattern (as written), then parse to a value that passes `check`. */
function typed(kind: PatternedKind | 'string', datatype: string, check: (v: unknown) => string | undefined,
  parse: (lexical: string) => { value: unknown } | { error: string } = (s) => ({ value: s })): Codec {
  return {
    datatype,
    check,
    toTerm: (value: never) => literal(String(value), namedNode(datatype)),
    fromTerm(term) {
      if (term.termType !== 'Literal' || term.language || term.datatype.value !== datatype) {
        return { error: `expected a literal of datatype <${datatype}>, got ${describe(term)}` };
      }
      if (kind !== 'string' && !matchesLexicalPattern(kind, term.value)) return { error: `${describe(term)}: ${JSON.stringify(term.value)} is not ${FORM[kind]}` };
      const parsed = parse(term.value);
      if ('error' in parsed) return { error: `${describe(term)}: ${parsed.error}` };
      const problem = check(parsed.value);
      return problem ? { error: `${describe(term)}: ${problem}` } : parsed;
    },
  };
}

/** The check of a kind whose TypeScript value is its lexical form (a string matching the kind's pattern, plus `extra`). */
const lexical = (kind: PatternedKind, extra?: (s: string) => boolean) => (v: unknown): string | undefined => {
  if (typeof v !== 'string') return `expected ${FORM[kind]} as a string, got ${typeof v}`;
  if (!matchesLexicalPattern(kind, v) || (extra && !extra(v))) return `${JSON.stringify(v)} is not ${FORM[kind]}`;
  return undefined;
};

const integerCheck = (min: number | undefined) => (v: unknown): string | undefined => {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || Object.is(v, -0)) return `expected a safe integer, got ${String(v)}`;
  if (min !== undefined && v < min) return `expected an integer of at least ${min}, got ${v}`;
  return undefined;
};

/** Reads a canonical integer lexical form, refusing (as written) one that a JavaScript number cannot hold exactly. */
const parseInteger = (s: string): { value: unknown } | { error: string } => {
  const n = BigInt(s);
  if (n > MAX_SAFE || n < -MAX_SAFE) return { error: `${s} is outside the integers held exactly (-${MAX_SAFE} to ${MAX_SAFE})` };
  return { value: Number(n) };
};

/** The codec of every scalar kind. */
export const CODECS: Readonly<Record<ScalarKind, Codec>> = {
  string: typed('string', XSD.string, checkText),
  date: typed('date', XSD.date, lexical('date', isCalendarDate)),
  gYearMonth: typed('gYearMonth', XSD.gYearMonth, lexical('gYearMonth')),
  gYear: typed('gYear', XSD.gYear, lexical('gYear')),
  integer: typed('integer', XSD.integer, integerCheck(undefined), parseInteger),
  nonNegativeInteger: typed('nonNegativeInteger', XSD.nonNegativeInteger, integerCheck(0), parseInteger),
  decimal: typed('decimal', XSD.decimal, lexical('decimal')),
  duration: typed('duration', XSD.duration, lexical('duration')),
  boolean: typed('boolean', XSD.boolean, (v) => (typeof v === 'boolean' ? undefined : `expected a boolean, got ${String(v)}`), (s) => ({ value: s === 'true' })),
  langString: {
    datatype: RDF.langString,
    check(v) {
      if (typeof v !== 'object' || v === null) return 'expected { value, lang }';
      const { value, lang } = v as Partial<LangString>;
      return checkText(value) ?? checkLanguageTag(lang);
    },
    toTerm: (v: never) => literal((v as LangString).value, normalizeLanguageTag((v as LangString).lang)),
    fromTerm(term) {
      if (term.termType !== 'Literal' || !term.language) return { error: `expected a language-tagged string, got ${describe(term)}` };
      const bad = checkLanguageTag(term.language) ?? checkText(term.value);
      if (bad) return { error: `${describe(term)}: ${bad}` };
      return { value: { value: term.value, lang: normalizeLanguageTag(term.language) } };
    },
  },
  iri: {
    check: (v) => checkIri(v),
    toTerm: (v: never) => namedNode(v as string),
    fromTerm(term) {
      if (term.termType !== 'NamedNode') return { error: `expected an IRI, got ${describe(term)}` };
      const bad = iriProblem(term.value);
      return bad ? { error: `${describe(term)} is not a valid absolute IRI (RFC 3987): ${bad.part}: ${bad.message}` } : { value: term.value };
    },
  },
};

export { describe as describeTerm };
