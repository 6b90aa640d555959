// What the strict N-Triples readers' tests share: the committed files to read, BOM and lone-surrogate helpers, and random N-Triples pieces (fast-check arbitraries: code points where escaping rules change, strings, IRIs, tags, literals).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';

export const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
export const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
/** The bytes after a leading UTF-8 BOM. */
export const withoutBom = (b: Buffer): Buffer => (b.subarray(0, 3).equals(BOM) ? b.subarray(3) : b);

/** Every .nt and .nq file under a folder. */
export function lineFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.n[tq]$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** Code points, most of them where escaping rules change. */
export const codePoint = fc.oneof(
  fc.integer({ min: 0x20, max: 0x7e }),
  fc.integer({ min: 0x20, max: 0x7e }),
  fc.integer({ min: 0, max: 0x1f }),
  fc.constantFrom(0x7f, 0x80, 0x9f, 0xa0, 0xfeff, 0xfffd, 0xfffe, 0xffff, 0x10000, 0x1f600, 0x10ffff, 0x2028),
  fc.integer({ min: 0xa0, max: 0xd7ff }),
  fc.integer({ min: 0xe000, max: 0x10ffff }),
);
export const hex = (cp: number, digits: number, upper: boolean): string => {
  const h = cp.toString(16).padStart(digits, '0');
  return upper ? h.toUpperCase() : h;
};
export const ECHARS: Record<number, string[]> = { 9: ['\\t'], 8: ['\\b'], 10: ['\\n'], 13: ['\\r'], 12: ['\\f'], 34: ['\\"'], 39: ["\\'"], 92: ['\\\\'] };
/** One character of a string, written raw, as \u, \U or a short escape (raw only where the grammar allows). */
export const stringChar = fc.tuple(codePoint, fc.nat(3), fc.boolean()).map(([cp, how, upper]) => {
  const raw = cp !== 34 && cp !== 92 && cp !== 10 && cp !== 13;
  const short = ECHARS[cp];
  if (how === 0 && raw) return String.fromCodePoint(cp);
  if (how === 1 && short) return short[0] as string;
  if (how === 2 && cp <= 0xffff) return `\\u${hex(cp, 4, upper)}`;
  if (how === 3 || !raw) return `\\U${hex(cp, 8, upper)}`;
  return String.fromCodePoint(cp);
});
export const ILLEGAL_IRI = /[\x00-\x20<>\\"{}|^`]/;
/** One character of an IRI: raw or as \u / \U. */
export const iriChar = fc.tuple(codePoint, fc.nat(2), fc.boolean()).filter(([cp]) => !ILLEGAL_IRI.test(String.fromCodePoint(cp))).map(([cp, how, upper]) =>
  how === 0 || (how === 1 && cp > 0xffff) ? String.fromCodePoint(cp) : how === 1 ? `\\u${hex(cp, 4, upper)}` : `\\U${hex(cp, 8, upper)}`);
export const iri = fc.tuple(fc.constantFrom('http', 'HTTPS', 'urn', 'a+b.c-d', 'x1'), fc.array(iriChar, { maxLength: 12 })).map(([scheme, chars]) => `<${scheme}:${chars.join('')}>`);
export const subtag = (first: boolean) => fc.stringMatching(first ? /^[a-zA-Z]{1,8}$/ : /^[a-zA-Z0-9]{1,8}$/);
export const langTag = fc.tuple(subtag(true), fc.array(subtag(false), { maxLength: 3 })).map(([a, rest]) => `@${[a, ...rest].join('-')}`);
export const datatype = fc.oneof(iri, fc.constantFrom('<http://www.w3.org/2001/XMLSchema#string>', '<http://www.w3.org/2001/XMLSchema#integer>')).map((d) => `^^${d}`);
export const literal = fc.tuple(fc.array(stringChar, { maxLength: 16 }), fc.oneof(fc.constant(''), langTag, datatype)).map(([chars, suffix]) => `"${chars.join('')}"${suffix}`);
export const space = fc.constantFrom('', ' ', ' ', '\t', '  ');

const REIFIES_IRI = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#reifies';

/** Lines both strict readers refuse (the subset they accept is the same): each then goes to the one reader. */
export const REFUSED_LINES: ReadonlyArray<readonly [string, string]> = [
  ['a blank node subject', '_:b <http://a/p> "x" .'],
  ['a blank node object', '<http://a/s> <http://a/p> _:b .'],
  ['a relative IRI', '<s> <http://a/p> "x" .'],
  ['a space in an IRI', '<http://a/ s> <http://a/p> "x" .'],
  ['an escaped space in an IRI', '<http://a/\\u0020s> <http://a/p> "x" .'],
  ['a character IRIs may not hold', '<http://a/|s> <http://a/p> "x" .'],
  ['a triple term', '<<( <http://a/s> <http://a/p> "x" )>> <http://a/p> "x" .'],
  ['rdf:reifies', `<http://a/s> <${REIFIES_IRI}> <http://a/o> .`],
  ['a direction', '<http://a/s> <http://a/p> "x"@en--ltr .'],
  ['a subtag longer than 8', '<http://a/s> <http://a/p> "x"@abcdefghi .'],
  ['an unknown escape', '<http://a/s> <http://a/p> "x\\a" .'],
  ['an escaped surrogate', '<http://a/s> <http://a/p> "x\\uD800" .'],
  ['an escape above U+10FFFF', '<http://a/s> <http://a/p> "x\\U00110000" .'],
  ['an unterminated string', '<http://a/s> <http://a/p> "x .'],
  ['no dot', '<http://a/s> <http://a/p> "x"'],
  ['two triples on a line', '<http://a/s> <http://a/p> "x" . <http://a/s> <http://a/p> "y" .'],
  ['a graph in N-Triples', '<http://a/s> <http://a/p> "x" <http://a/g> .'],
  ['a version directive', 'VERSION "1.2"'],
  ['a literal subject', '"x" <http://a/p> "x" .'],
  ['rdf:langString', '<http://a/s> <http://a/p> "x"^^<http://www.w3.org/1999/02/22-rdf-syntax-ns#langString> .'],
  ['a lone CR', '<http://a/s> <http://a/p> "x" .\r<http://a/s> <http://a/p> "y" .'],
  ['a prefixed name', '<http://a/s> <http://a/p> a:b .'],
  ['a number', '<http://a/s> <http://a/p> 1 .'],
  ['a long string', '<http://a/s> <http://a/p> """x""" .'],
  ['an RDF-star subject', '<< <http://a/s> <http://a/p> "x" >> <http://a/p> "x" .'],
  ['a CR in a comment', '<http://a/s> <http://a/p> "x" . #\r<http://a/s> <http://a/p> "y" .'],
];
