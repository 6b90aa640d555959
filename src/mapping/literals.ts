// Converts property values to RDF terms and back, one pair of functions per kind, side by side.
import { DataFactory } from 'n3';
import type { Literal, NamedNode, Term } from '@rdfjs/types';
import type { LangString, ScalarKind } from '../model/schema.js';
import { RDF, XSD } from '../model/vocab.js';

const { literal, namedNode } = DataFactory;

/** A lone UTF-16 surrogate: a code unit that RDF (a sequence of Unicode scalar values) cannot carry. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
/** A language tag as RDF 1.1 allows it, in the lower case this project writes. */
export const LANG_TAG = /^[a-z]{1,8}(-[a-z0-9]{1,8})*$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const YEAR_MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const YEAR = /^\d{4}$/;
/** An xsd:decimal in the canonical-looking form we write: optional minus, digits, optional fraction (no exponent, no plus). */
const DECIMAL = /^-?(?:0|[1-9]\d*)(?:\.\d*[1-9])?$/;
/** An xsd:duration (ISO 8601): P, then years, months, days, and after T hours, minutes, seconds; at least one part. */
const DURATION = /^-?P(?=\d|T\d)(?:\d+Y)?(?:\d+M)?(?:\d+D)?(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?$/;
/** Any xsd:integer lexical form (signs and leading zeros allowed); values are written back in canonical form. */
const INTEGER = /^[+-]?\d+$/;
/** An absolute IRI (RFC 3987): a scheme, then only characters an IRI may hold (ASCII, or ucschar / iprivate). */
const IRI = /^[A-Za-z][A-Za-z0-9+.-]*:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#[\]%\u00A0-\uD7FF\uE000-\uFDCF\uFDF0-\uFFEF\u{10000}-\u{EFFFD}]*$/u;

/** What a kind converts: checks a TypeScript value, makes its RDF term, reads it back. */
interface Codec {
  /** The datatype written (absent for IRIs). */
  readonly datatype?: string;
  /** Returns a description of what is wrong with a value, or undefined when it is fine. */
  check(value: unknown): string | undefined;
  toTerm(value: never): Literal | NamedNode;
  /** Reads a term back, or returns a description of why it cannot be read. */
  fromTerm(term: Term): { value: unknown } | { error: string };
}

function describe(term: Term): string {
  if (term.termType === 'Literal') {
    const tag = term.language ? `@${term.language}` : `^^<${term.datatype.value}>`;
    return `${JSON.stringify(term.value)}${tag}`;
  }
  return term.termType === 'NamedNode' ? `<${term.value}>` : `${term.termType} ${term.value}`;
}

/** Returns a description of what is wrong with a string that RDF must carry, or undefined. */
export function checkString(value: unknown): string | undefined {
  if (typeof value !== 'string') return `expected a string, got ${typeof value}`;
  const bad = LONE_SURROGATE.exec(value);
  if (bad) {
    const code = bad[0].charCodeAt(0).toString(16).toUpperCase();
    return `string contains a lone surrogate U+${code} at index ${bad.index}, which RDF cannot carry`;
  }
  return undefined;
}

/** Whether a string is an xsd:date naming a real calendar day (leap years included). */
export function isCalendarDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1] ?? 0;
  return d <= days;
}

/** Whether a string is an absolute IRI that strict parsers accept: well-formed percent-escapes, one fragment at most, brackets only around an IP literal host. */
export function isValidIri(value: string): boolean {
  if (!IRI.test(value) || checkString(value) !== undefined) return false;
  if (/%(?![0-9A-Fa-f]{2})/.test(value)) return false;
  if (value.split('#').length > 2) return false;
  const rest = value.slice(value.indexOf(':') + 1);
  const authority = rest.startsWith('//') ? (/^\/\/([^/?#]*)/.exec(rest)?.[1] ?? '') : '';
  const outside = rest.slice(rest.startsWith('//') ? 2 + authority.length : 0);
  if (/[[\]]/.test(outside)) return false;
  if (/[[\]]/.test(authority) && !/^(?:[^@]*@)?\[[0-9A-Fa-f:.vV]+\](?::\d*)?$/.test(authority)) return false;
  return true;
}

function typed(datatype: string, check: (v: unknown) => string | undefined, parse: (lexical: string) => unknown = (s) => s): Codec {
  return {
    datatype,
    check,
    toTerm: (value: never) => literal(String(value), namedNode(datatype)),
    fromTerm(term) {
      if (term.termType !== 'Literal' || term.language || term.datatype.value !== datatype) {
        return { error: `expected a literal of datatype <${datatype}>, got ${describe(term)}` };
      }
      const value = parse(term.value);
      const problem = check(value);
      return problem ? { error: `${describe(term)}: ${problem}` } : { value };
    },
  };
}

const lexical = (pattern: RegExp, what: string, extra?: (s: string) => boolean) => (v: unknown): string | undefined => {
  if (typeof v !== 'string') return `expected ${what} as a string, got ${typeof v}`;
  if (!pattern.test(v) || (extra && !extra(v))) return `${JSON.stringify(v)} is not ${what}`;
  return undefined;
};

const integerCheck = (min: number | undefined) => (v: unknown): string | undefined => {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || Object.is(v, -0)) return `expected a safe integer, got ${String(v)}`;
  if (min !== undefined && v < min) return `expected an integer of at least ${min}, got ${v}`;
  return undefined;
};

const parseInteger = (s: string): unknown => (INTEGER.test(s) ? Number(s) + 0 : s);

/** The codec of every scalar kind. */
export const CODECS: Readonly<Record<ScalarKind, Codec>> = {
  string: typed(XSD.string, checkString),
  date: typed(XSD.date, lexical(DATE, 'a calendar date (YYYY-MM-DD)', isCalendarDate)),
  gYearMonth: typed(XSD.gYearMonth, lexical(YEAR_MONTH, 'a year and month (YYYY-MM)')),
  gYear: typed(XSD.gYear, lexical(YEAR, 'a year (YYYY)')),
  integer: typed(XSD.integer, integerCheck(undefined), parseInteger),
  nonNegativeInteger: typed(XSD.nonNegativeInteger, integerCheck(0), parseInteger),
  decimal: typed(XSD.decimal, lexical(DECIMAL, 'a decimal number written as digits with an optional fraction, e.g. "2100000000" or "2.5"')),
  duration: typed(XSD.duration, lexical(DURATION, 'an xsd:duration such as "P10Y" or "P21D" (ISO 8601 without weeks)')),
  boolean: typed(XSD.boolean, (v) => (typeof v === 'boolean' ? undefined : `expected a boolean, got ${String(v)}`),
    (s) => (s === 'true' || s === '1' ? true : s === 'false' || s === '0' ? false : s)),
  langString: {
    datatype: RDF.langString,
    check(v) {
      if (typeof v !== 'object' || v === null) return 'expected { value, lang }';
      const { value, lang } = v as Partial<LangString>;
      const bad = checkString(value);
      if (bad) return bad;
      if (typeof lang !== 'string' || !LANG_TAG.test(lang)) return `language tag ${JSON.stringify(lang)} is not a lower-case BCP 47 tag`;
      return undefined;
    },
    toTerm: (v: never) => literal((v as LangString).value, (v as LangString).lang),
    fromTerm(term) {
      if (term.termType !== 'Literal' || !term.language) return { error: `expected a language-tagged string, got ${describe(term)}` };
      if (!LANG_TAG.test(term.language)) return { error: `${describe(term)}: language tag is not a lower-case BCP 47 tag` };
      return { value: { value: term.value, lang: term.language } };
    },
  },
  iri: {
    check: (v) => (typeof v === 'string' && isValidIri(v) ? undefined : `${JSON.stringify(v)} is not a valid absolute IRI`),
    toTerm: (v: never) => namedNode(v as string),
    fromTerm: (term) => (term.termType === 'NamedNode' ? { value: term.value } : { error: `expected an IRI, got ${describe(term)}` }),
  },
};

export { describe as describeTerm };
