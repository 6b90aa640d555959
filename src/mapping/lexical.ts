// What a literal's text, a language tag, an IRI and each datatype's lexical form may be: the one place every path (TypeScript data, JSON input, RDF import and validate, --base) asks.
import { parse as parseLanguageTag } from 'bcp-47';

// ---- Literal text ----------------------------------------------------------------------------------------------

/**
 * A character literal text may not hold: anything outside XML 1.0 `Char` (XML 1.0 §2.2), which is also the lexical
 * space of xsd:string: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]. So U+0000–U+0008,
 * U+000B, U+000C, U+000E–U+001F, U+FFFE, U+FFFF and lone surrogates are refused (the `u` flag makes a lone surrogate
 * one code point that matches; a pair is one code point that does not).
 */
const NOT_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/** `U+0041` for a code point: upper-case hexadecimal, at least four digits (the Unicode convention). */
function codePointName(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The number of code points in the first `utf16Index` code units of a string (a lone surrogate counts as one). */
function codePointOffset(text: string, utf16Index: number): number {
  let n = 0;
  for (const _ of text.slice(0, utf16Index)) n++;
  return n;
}

/** What kind of character a refused code point is, for messages. */
function kindOf(cp: number): string {
  if (cp >= 0xd800 && cp <= 0xdfff) return 'a lone surrogate';
  if (cp < 0x20) return 'a control character';
  return 'a noncharacter';
}

/** The first character of a text outside XML 1.0 `Char`: its code point and its offset in code points, or undefined when there is none. */
function firstNonChar(text: string): { codePoint: number; offset: number } | undefined {
  const m = NOT_CHAR.exec(text);
  if (!m) return undefined;
  return { codePoint: m[0].codePointAt(0) as number, offset: codePointOffset(text, m.index) };
}

/**
 * Returns what is wrong with the text of a literal, or undefined: it must be a string of XML 1.0 characters (see
 * NOT_CHAR); the offending character is named as U+XXXX with its offset in code points (the project's unit for
 * offsets, as in oa:start/oa:end).
 */
export function checkText(value: unknown): string | undefined {
  if (typeof value !== 'string') return `expected a string, got ${typeof value}`;
  const bad = firstNonChar(value);
  if (!bad) return undefined;
  return `text contains ${kindOf(bad.codePoint)} ${codePointName(bad.codePoint)} at code point ${bad.offset}; literal text may hold only XML 1.0 characters (tab, line feed, carriage return, U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF)`;
}

// ---- Language tags ---------------------------------------------------------------------------------------------

/** checkLanguageTag's answer per tag already checked (parsing is costly and data repeat a few tags); cleared past TAG_CACHE entries. */
const TAG_ANSWERS = new Map<string, string | undefined>();
const TAG_CACHE = 1024;

/**
 * Returns what is wrong with a language tag, or undefined: it must be a well-formed BCP 47 tag (RFC 5646 §2.1: language
 * with extended subtags, script, region, variants, extensions, private use, or one of the grandfathered tags), in any
 * case (RFC 5646 §2.1.1: tags are case-insensitive); checked with the bcp-47 library.
 */
export function checkLanguageTag(tag: unknown): string | undefined {
  if (typeof tag !== 'string') return `expected a language tag as a string, got ${typeof tag}`;
  if (TAG_ANSWERS.has(tag)) return TAG_ANSWERS.get(tag);
  if (TAG_ANSWERS.size >= TAG_CACHE) TAG_ANSWERS.clear();
  const answer = languageTagProblem(tag);
  TAG_ANSWERS.set(tag, answer);
  return answer;
}

/** checkLanguageTag of a string tag, without the cache. */
function languageTagProblem(tag: string): string | undefined {
  let reason = '';
  const schema = parseLanguageTag(tag, { normalize: false, warning: (why) => { reason ||= why; } });
  const wellFormed = Boolean(schema.language || schema.irregular || schema.regular || schema.privateuse.length);
  if (wellFormed && !reason) return undefined;
  return `language tag ${JSON.stringify(tag)} is not a well-formed BCP 47 tag (RFC 5646 §2.1)${reason ? `: ${reason.replace(/\.$/, '').toLowerCase()}` : ''}`;
}

/** A language tag as this project writes it: lower case (RFC 5646 §2.1.1 makes case insignificant; RDF 1.1 Concepts §3.3 allows normalising to lower case). */
export function normalizeLanguageTag(tag: string): string {
  return tag.toLowerCase();
}

// ---- IRIs (RFC 3987) -------------------------------------------------------------------------------------------

/** The part of an IRI a problem lies in (RFC 3987 §2.2 names). */
export type IriPart = 'scheme' | 'userinfo' | 'host' | 'port' | 'path' | 'query' | 'fragment';

/** What is wrong with an IRI: the part, and a sentence naming the character (U+XXXX) and its offset in code points. */
export interface IriProblem {
  readonly part: IriPart;
  readonly message: string;
}

/** ucschar (RFC 3987 §2.2): the non-ASCII characters an IRI may hold anywhere (no private use, no noncharacters). */
function isUcschar(cp: number): boolean {
  if (cp >= 0xa0 && cp <= 0xd7ff) return true;
  if (cp >= 0xf900 && cp <= 0xfdcf) return true;
  if (cp >= 0xfdf0 && cp <= 0xffef) return true;
  // %x10000-1FFFD / %x20000-2FFFD / … / %xD0000-DFFFD, then %xE1000-EFFFD.
  if (cp >= 0x10000 && cp <= 0xdffff) return (cp & 0xffff) <= 0xfffd;
  return cp >= 0xe1000 && cp <= 0xefffd;
}

/** iprivate (RFC 3987 §2.2): private-use characters, allowed in the query only. */
function isIprivate(cp: number): boolean {
  return (cp >= 0xe000 && cp <= 0xf8ff) || (cp >= 0xf0000 && cp <= 0xffffd) || (cp >= 0x100000 && cp <= 0x10fffd);
}

/** A Unicode noncharacter: U+FDD0–U+FDEF and the last two code points of every plane. */
function isNoncharacter(cp: number): boolean {
  return (cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) === 0xfffe;
}

const UNRESERVED = /^[A-Za-z0-9\-._~]$/;
const SUB_DELIMS = "!$&'()*+,;=";

/** The characters (beside percent-escapes and ucschar) each part may hold, per RFC 3987 §2.2. */
const PART_CHARS: Readonly<Record<Exclude<IriPart, 'scheme' | 'port'>, string>> = {
  userinfo: `${SUB_DELIMS}:`,
  host: SUB_DELIMS,
  path: `${SUB_DELIMS}:@/`,
  query: `${SUB_DELIMS}:@/?`,
  fragment: `${SUB_DELIMS}:@/?`,
};

/** Checks the characters of one part of an IRI that starts at code-unit `start` of `iri`; offsets in messages count code points from the IRI's start. */
function checkChars(iri: string, start: number, text: string, part: Exclude<IriPart, 'scheme' | 'port'>): IriProblem | undefined {
  const cps = [...text];
  for (let i = 0, unit = start; i < cps.length; unit += (cps[i] as string).length, i++) {
    const ch = cps[i] as string;
    const cp = ch.codePointAt(0) as number;
    const at = (): number => codePointOffset(iri, unit);
    if (ch === '%') {
      if (!/^[0-9A-Fa-f]{2}$/.test((cps[i + 1] ?? '') + (cps[i + 2] ?? ''))) {
        return { part, message: `"%" at code point ${at()} is not followed by two hexadecimal digits (a percent-escape is %XX)` };
      }
      continue;
    }
    if (cp < 0x80 ? UNRESERVED.test(ch) || PART_CHARS[part].includes(ch) : isUcschar(cp) || (part === 'query' && isIprivate(cp))) continue;
    const name = cp < 0x80 && cp > 0x20 && cp !== 0x7f ? `${JSON.stringify(ch)} (${codePointName(cp)})` : codePointName(cp);
    if (isIprivate(cp)) return { part, message: `private-use character ${name} at code point ${at()} is allowed only in the query (RFC 3987 iprivate)` };
    if (isNoncharacter(cp)) return { part, message: `noncharacter ${name} at code point ${at()} is not allowed in an IRI` };
    if (cp >= 0xd800 && cp <= 0xdfff) return { part, message: `lone surrogate ${name} at code point ${at()} is not allowed in an IRI` };
    if (ch === '#' && part === 'fragment') return { part, message: `a second "#" at code point ${at()}: an IRI has at most one fragment` };
    return { part, message: `character ${name} at code point ${at()} is not allowed in the ${part}${ch === '%' ? '' : ' (escape it as %XX)'}` };
  }
  return undefined;
}

/** IPv6address (RFC 3986 §3.2.2): eight groups of 1–4 hex digits, `::` for a run of zero groups, the last two may be an IPv4 address. */
function isIpv6(text: string): boolean {
  const v4 = /^(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])(\.(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])){3}$/;
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const groups = (s: string): string[] | undefined => {
    if (s === '') return [];
    const gs = s.split(':');
    const last = gs[gs.length - 1] as string;
    const out: string[] = [];
    for (const [i, g] of gs.entries()) {
      if (i === gs.length - 1 && v4.test(last)) { out.push('v4a', 'v4b'); continue; }
      if (!/^[0-9A-Fa-f]{1,4}$/.test(g)) return undefined;
      out.push(g);
    }
    return out;
  };
  const [head, tail] = [groups(halves[0] as string), halves.length === 2 ? groups(halves[1] as string) : []];
  if (!head || !tail) return false;
  if (halves.length === 2 && head.includes('v4a')) return false; // an IPv4 part only at the end
  const n = head.length + tail.length;
  return halves.length === 2 ? n <= 7 : n === 8;
}

/** The host part: an IP literal in brackets (IPv6 or IPvFuture), or a registered name / IPv4 address (ireg-name). */
function checkHost(iri: string, start: number, host: string): IriProblem | undefined {
  if (host.startsWith('[')) {
    const inside = host.slice(1, -1);
    if (!host.endsWith(']') || !(isIpv6(inside) || /^[vV][0-9A-Fa-f]+\.[A-Za-z0-9\-._~!$&'()*+,;=:]+$/.test(inside))) {
      return { part: 'host', message: `${JSON.stringify(host)} is not an IP literal ("[" an IPv6 address or IPvFuture "]", RFC 3986 §3.2.2)` };
    }
    return undefined;
  }
  return checkChars(iri, start, host, 'host');
}

/**
 * Returns what is wrong with an absolute IRI (RFC 3987 §2.2: scheme ":" ihier-part ["?" iquery] ["#" ifragment]),
 * or undefined: the part that fails and why, naming the character and its offset in code points. Private-use
 * characters only in the query, no noncharacters, percent-escapes well-formed, ucschar ranges exactly as the RFC's.
 */
export function iriProblem(iri: string): IriProblem | undefined {
  const colon = iri.indexOf(':');
  const scheme = colon < 0 ? iri : iri.slice(0, colon);
  if (colon < 0) return { part: 'scheme', message: 'has no scheme: an absolute IRI starts with a scheme and ":" (e.g. "https:")' };
  if (!/^[A-Za-z][A-Za-z0-9+\-.]*$/.test(scheme)) {
    return { part: 'scheme', message: `scheme ${JSON.stringify(scheme)} must be a letter followed by letters, digits, "+", "-" or "."` };
  }
  const hash = iri.indexOf('#', colon);
  const beforeFragment = hash < 0 ? iri.length : hash;
  const question = iri.indexOf('?', colon);
  const queryAt = question >= 0 && question < beforeFragment ? question : -1;
  const hierEnd = queryAt >= 0 ? queryAt : beforeFragment;
  let pathStart = colon + 1;
  if (iri.startsWith('//', colon + 1)) {
    const authStart = colon + 3;
    const slash = iri.indexOf('/', authStart);
    const authEnd = slash >= 0 && slash < hierEnd ? slash : hierEnd;
    const authority = iri.slice(authStart, authEnd);
    const at = authority.indexOf('@');
    if (at >= 0) {
      const bad = checkChars(iri, authStart, authority.slice(0, at), 'userinfo');
      if (bad) return bad;
    }
    const hostStart = authStart + at + 1;
    const hostPort = authority.slice(at + 1);
    const close = hostPort.startsWith('[') ? hostPort.indexOf(']') : -1;
    const portColon = hostPort.indexOf(':', close >= 0 ? close : 0);
    const host = portColon >= 0 ? hostPort.slice(0, portColon) : hostPort;
    const badHost = checkHost(iri, hostStart, host);
    if (badHost) return badHost;
    if (portColon >= 0) {
      const port = hostPort.slice(portColon + 1);
      if (!/^[0-9]*$/.test(port)) return { part: 'port', message: `port ${JSON.stringify(port)} must be digits only` };
    }
    pathStart = authEnd;
  }
  const badPath = checkChars(iri, pathStart, iri.slice(pathStart, hierEnd), 'path');
  if (badPath) return badPath;
  if (queryAt >= 0) {
    const badQuery = checkChars(iri, queryAt + 1, iri.slice(queryAt + 1, beforeFragment), 'query');
    if (badQuery) return badQuery;
  }
  if (hash >= 0) return checkChars(iri, hash + 1, iri.slice(hash + 1), 'fragment');
  return undefined;
}

/** Returns what is wrong with an IRI as one sentence (`<what> "…" is not a valid absolute IRI (RFC 3987): <part>: …`), or undefined. */
export function checkIri(value: unknown, what = ''): string | undefined {
  if (typeof value !== 'string') return `${what ? `${what} ` : ''}${JSON.stringify(value)} is not a valid absolute IRI: expected a string`;
  const problem = iriProblem(value);
  return problem ? `${what ? `${what} ` : ''}${JSON.stringify(value)} is not a valid absolute IRI (RFC 3987): ${problem.part}: ${problem.message}` : undefined;
}

// ---- Lexical forms of the datatypes ----------------------------------------------------------------------------

/**
 * The lexical forms each datatype kind accepts, as a regular expression in the common subset of XPath (SHACL
 * sh:pattern), Java and JavaScript syntax: the generated shapes carry it as sh:pattern and the codecs test it, so
 * `kg validate` and `kg import` accept the same forms. Integers, decimals and booleans in canonical form only (no plus
 * sign, no leading zeros, no "-0", no trailing fraction zeros, "true"/"false" not "1"/"0"), since their values are
 * read as numbers and booleans and written back canonically; dates, months, years without time zone; xsd:duration
 * with at least one part. A date must also name a real calendar day, which the codec checks on top.
 */
export const LEXICAL_PATTERNS = {
  integer: '^(0|-?[1-9][0-9]*)$',
  nonNegativeInteger: '^(0|[1-9][0-9]*)$',
  decimal: '^(0|-?[1-9][0-9]*|-?(0|[1-9][0-9]*)\\.[0-9]*[1-9])$',
  boolean: '^(true|false)$',
  date: '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$',
  gYearMonth: '^[0-9]{4}-(0[1-9]|1[0-2])$',
  gYear: '^[0-9]{4}$',
  duration: '^-?P(([0-9]+Y([0-9]+M)?([0-9]+D)?|[0-9]+M([0-9]+D)?|[0-9]+D)(T([0-9]+H([0-9]+M)?([0-9]+(\\.[0-9]+)?S)?|[0-9]+M([0-9]+(\\.[0-9]+)?S)?|[0-9]+(\\.[0-9]+)?S))?|T([0-9]+H([0-9]+M)?([0-9]+(\\.[0-9]+)?S)?|[0-9]+M([0-9]+(\\.[0-9]+)?S)?|[0-9]+(\\.[0-9]+)?S))$',
} as const;

/** A datatype kind with a lexical pattern. */
export type PatternedKind = keyof typeof LEXICAL_PATTERNS;

const COMPILED = new Map<string, RegExp>(Object.entries(LEXICAL_PATTERNS).map(([k, p]) => [k, new RegExp(p, 'u')]));

/** The lexical pattern of a kind, or undefined for kinds without one (text, language-tagged text, IRIs). */
export function lexicalPattern(kind: string): string | undefined {
  return Object.hasOwn(LEXICAL_PATTERNS, kind) ? LEXICAL_PATTERNS[kind as PatternedKind] : undefined;
}

/** Whether a lexical form matches its kind's pattern (true for kinds without one). */
export function matchesLexicalPattern(kind: string, lexical: string): boolean {
  const re = COMPILED.get(kind);
  return re ? re.test(lexical) : true;
}
