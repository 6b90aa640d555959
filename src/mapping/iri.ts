// Mints every IRI of the data in one place, from a configurable base IRI, and reads ids back from IRIs.
import { iriProblem } from './lexical.js';
import { CLASSES } from '../model/classes.js';
import { conceptIri, type ClassDecl } from '../model/schema.js';
import { CONCEPT_NS, STANDARD_PREFIXES } from '../model/vocab.js';

/**
 * An entity id: `<class id prefix>/<slug>` for shared entities, `<class id prefix>/<article>/<slug>` for what an article
 * owns (its spans, times, events, claims); lower-case letters, digits and hyphens.
 */
export const ID_PATTERN = /^[a-z][a-z0-9-]*(?:\/[a-z0-9](?:[a-z0-9-]*[a-z0-9])?){1,2}$/;

/**
 * Returns a description of what is wrong with a base IRI (naming the option, --base), or undefined when it can be used: an absolute IRI (RFC 3987,
 * naming the part that fails), ending with "/" and without "#", whose scheme is not the name of a prefix the data
 * files declare (`kg:x/` would make `<kg:x/person/a>` read as the compact IRI kg:x/person/a in JSON-LD, which the
 * jsonld library refuses as "confused with prefix" or "cyclical context"); a scheme followed by "//" (an authority)
 * cannot be confused with a compact IRI, so it is fine (JSON-LD 1.1 §4.1.2 / IRI expansion).
 */
export function checkBase(base: string): string | undefined {
  const problem = iriProblem(base);
  if (problem) return `base IRI ${JSON.stringify(base)} (--base) is not a valid absolute IRI (RFC 3987): ${problem.part}: ${problem.message}`;
  if (!base.endsWith('/') || base.includes('#')) return `base IRI ${JSON.stringify(base)} (--base) must end with "/" and have no "#" (entities' own nodes use "#")`;
  const scheme = base.slice(0, base.indexOf(':')).toLowerCase();
  if (!base.startsWith('//', scheme.length + 1) && contextPrefixNames().has(scheme)) {
    return `base IRI ${JSON.stringify(base)} (--base): scheme: "${scheme}" is also the name of the prefix "${scheme}:" of the JSON-LD context, so JSON-LD would read "${base}…" as a compact IRI; choose another --base (another scheme, or "${scheme}://" with an authority)`;
  }
  return baseShapeProblem(base);
}

/**
 * The project's rule for a base beyond RFC 3987, so that every engine reads the IRIs minted under it without a
 * warning or a rewrite (found by the cross-engine fuzz test: Jena warns on non-ASCII and private-use characters, an
 * upper-case scheme, a URN not in RFC 8141 form, an http IRI without a host and an empty port; JSON-LD processors
 * read U+2028 or U+00A0 as white space and rewrite "//" in paths): a hierarchical URI (RFC 3986 §3) in ASCII, with a
 * lower-case scheme, an authority with a host (no user information) and an optional port of digits, a path of
 * segments without empty ones, and no query or fragment.
 */
function baseShapeProblem(base: string): string | undefined {
  const shown = `base IRI ${JSON.stringify(base)} (--base)`;
  const nonAscii = /[^\x21-\x7e]/u.exec(base);
  if (nonAscii) {
    const cp = (nonAscii[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
    return `${shown} must be ASCII (a URI, RFC 3986): U+${cp} at code point ${[...base.slice(0, nonAscii.index)].length}; percent-encode it in UTF-8 (RFC 3987 §3.1; a host name in punycode, RFC 3492), as engines warn about or rewrite other characters in a base`;
  }
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):(\/\/([^/?#]*))?([^?#]*)(\?[^#]*)?$/.exec(base);
  if (!m) return `${shown} is not of the form scheme://host/path/`;
  const [, scheme = '', authorityPart, authority = '', path = '', query] = m;
  if (scheme !== scheme.toLowerCase()) return `${shown}: scheme "${scheme}" must be written in lower case ("${scheme.toLowerCase()}", RFC 3986 §3.1)`;
  if (authorityPart === undefined) return `${shown} must have an authority: write it as ${scheme}://host/…/ (a hierarchical URI, RFC 3986 §3.2)`;
  if (query !== undefined) return `${shown} must have no query ("?"): the IRIs minted under it would put the entity id inside the query`;
  if (authority.includes('@')) return `${shown} must have no user information ("…@") in its authority`;
  const host = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)(?::(\d+))?$/.exec(authority);
  if (!host) return `${shown}: authority "${authority}" must be a host name (letters, digits, "-", ".") or an IP literal, with an optional ":port" of digits`;
  if (path.includes('//')) return `${shown}: path "${path}" has an empty segment ("//"), which JSON-LD processors collapse`;
  return undefined;
}

/** The value sets' schemes, in declaration order (each once). */
function valueSetSchemes(): string[] {
  return [...new Set((CLASSES as readonly ClassDecl[]).flatMap((c) => Object.values(c.props).flatMap((p) => (p.kind === 'enum' ? [p.scheme] : []))))];
}

/** Every prefix the data files declare under a base, as the JSON-LD context lists them: the standard ones, one per value set, one per id prefix. */
export function contextPrefixes(base: string): Array<readonly [string, string]> {
  return [...STANDARD_PREFIXES, ...conceptPrefixes(valueSetSchemes()), ...dataPrefixes(base, CLASSES)];
}

let PREFIX_NAMES: ReadonlySet<string> | undefined;

/** The names of those prefixes (they do not depend on the base), computed once. */
function contextPrefixNames(): ReadonlySet<string> {
  return (PREFIX_NAMES ??= new Set(contextPrefixes('x:').map(([p]) => p.toLowerCase())));
}

/** Returns a description of what is wrong with an entity id for a class, or undefined. */
export function checkId(id: unknown, decl: ClassDecl): string | undefined {
  if (typeof id !== 'string' || !isIdForm(id)) {
    return `id ${JSON.stringify(id)} is not of the form "<prefix>/<slug>" or "<prefix>/<article>/<slug>" (lower-case letters, digits, hyphens)`;
  }
  const prefix = decl.idPrefix;
  if (prefix && !(id.startsWith(prefix) && id.charCodeAt(prefix.length) === 0x2f)) return `id ${JSON.stringify(id)} of a ${decl.name} must start with "${prefix}/"`;
  return undefined;
}

/** Whether a code unit is a lower-case ASCII letter, a digit or a hyphen. */
function isSlugChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2d;
}

/**
 * Whether a string matches ID_PATTERN, scanned without the regular expression: a lower-case letter, then letters,
 * digits and hyphens up to the first "/", then one or two "/"-separated segments of letters, digits and hyphens that
 * neither start nor end with a hyphen.
 */
function isIdForm(id: string): boolean {
  const n = id.length;
  const first = id.charCodeAt(0);
  if (!(first >= 0x61 && first <= 0x7a)) return false;
  let i = 1;
  while (i < n && id.charCodeAt(i) !== 0x2f) { if (!isSlugChar(id.charCodeAt(i))) return false; i++; }
  let segments = 0;
  while (i < n) {
    const start = ++i;
    while (i < n && id.charCodeAt(i) !== 0x2f) { if (!isSlugChar(id.charCodeAt(i))) return false; i++; }
    if (i === start || id.charCodeAt(start) === 0x2d || id.charCodeAt(i - 1) === 0x2d) return false;
    segments++;
  }
  return segments === 1 || segments === 2;
}

/** The IRI of an entity. */
export function entityIri(base: string, id: string): string {
  return base + id;
}

/** The IRI of a node embedded in an entity (e.g. a selector of a text span). */
export function embeddedIri(parentIri: string, fragment: string): string {
  return `${parentIri}#${fragment}`;
}

/** The id of the entity an IRI names, or undefined when the IRI is not an entity IRI under this base. */
export function idFromIri(base: string, iri: string): string | undefined {
  if (!iri.startsWith(base)) return undefined;
  const id = iri.slice(base.length);
  return ID_PATTERN.test(id) ? id : undefined;
}

/** The IRI of a member of a value set. */
export function enumIri(scheme: string, key: string): string {
  return conceptIri(CONCEPT_NS, scheme, key);
}

/** The Turtle prefixes of the data under a base: one per id prefix (`person:` for `<base>person/`). */
export function dataPrefixes(base: string, classes: readonly ClassDecl[]): Array<[string, string]> {
  const names = [...new Set(classes.flatMap((c) => (c.idPrefix ? [c.idPrefix] : [])))].sort();
  return names.map((n) => [n, `${base}${n}/`]);
}

/** The Turtle prefixes of the value sets: one per scheme (`claim-kind:`). */
export function conceptPrefixes(schemes: readonly string[]): Array<[string, string]> {
  return [...new Set(schemes)].sort().map((s) => [s, `${CONCEPT_NS}${s}/`]);
}
