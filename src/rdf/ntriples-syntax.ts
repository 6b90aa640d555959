// The pieces of N-Triples syntax (RDF 1.1 N-Triples §7, grammar) the strict readers share: IRI characters, escapes, hex code points.
export { escapeLineText as escapeCanonical } from './quad-writer.js';

/** Characters an IRIREF may not hold unescaped (RDF 1.1 N-Triples, production IRIREF). */
export const ILLEGAL_IRI = /[\x00-\x20<>\\"{}|^`]/;

/** An absolute IRI starts with a scheme (RFC 3987 §2.2). */
export const ABSOLUTE = /^[a-z][a-z0-9+.-]*:/i;

/** The character each ECHAR escape letter stands for (RDF 1.1 Turtle and N-Triples, production ECHAR). */
const ECHAR: Readonly<Record<string, string>> = { t: '\t', b: '\b', n: '\n', r: '\r', f: '\f', '"': '"', "'": "'", '\\': '\\' };

/** The code point of `digits` hex digits at `at` of a text, or -1 when they are not all hex digits. */
function hexAt(text: string, at: number, digits: number): number {
  if (at + digits > text.length) return -1;
  let value = 0;
  for (let i = at; i < at + digits; i++) {
    const c = text.charCodeAt(i);
    const d = c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 70 ? c - 55 : c >= 97 && c <= 102 ? c - 87 : -1;
    if (d < 0) return -1;
    value = value * 16 + d;
  }
  return value;
}

/** Whether a code point is a Unicode scalar value (not a surrogate, not above U+10FFFF). */
function isScalar(cp: number): boolean {
  return cp >= 0 && cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff);
}

/**
 * The text an escape at `at` (a backslash) stands for and its length in UTF-16 code units: `\uXXXX` and `\UXXXXXXXX`
 * (UCHAR, a Unicode scalar value) always, `\t \b \n \r \f \" \' \\` (ECHAR) when `echar`; undefined for anything else.
 */
export function escapeAt(text: string, at: number, echar: boolean): { readonly text: string; readonly length: number } | undefined {
  const kind = text[at + 1] ?? '';
  if (kind === 'u' || kind === 'U') {
    const digits = kind === 'u' ? 4 : 8;
    const cp = hexAt(text, at + 2, digits);
    return isScalar(cp) ? { text: String.fromCodePoint(cp), length: 2 + digits } : undefined;
  }
  const short = echar ? ECHAR[kind] : undefined;
  return short === undefined ? undefined : { text: short, length: 2 };
}

/**
 * A text with its escapes resolved (see escapeAt; in an IRIREF, `iri`, an escape may not stand for a character IRIs
 * may not hold), or null when one is not allowed.
 */
export function unescape(text: string, echar: boolean, iri = false): string | null {
  let out = '';
  let from = 0;
  for (let at = text.indexOf('\\'); at >= 0; at = text.indexOf('\\', from)) {
    const escape = escapeAt(text, at, echar);
    if (!escape || (iri && ILLEGAL_IRI.test(escape.text))) return null;
    out += text.slice(from, at) + escape.text;
    from = at + escape.length;
  }
  return out + text.slice(from);
}
