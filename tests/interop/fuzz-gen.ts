// The cross-engine fuzz test's inputs and oracles: seeded random strings, language tags and IRIs, and what the spec says of each (XML 1.0 Char, RFC 5646, RFC 3987).

// ---- A seeded PRNG (sfc32), so that a seed gives the same values on every machine ----

/** A source of random numbers from a seed: the same seed gives the same sequence. */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** Seeds the generator from any string (FUZZ_SEED), hashed to 128 bits with cyrb128. */
  constructor(seed: string) {
    let h1 = 1779033703;
    let h2 = 3144134277;
    let h3 = 1013904242;
    let h4 = 2773480762;
    for (let i = 0; i < seed.length; i++) {
      const k = seed.charCodeAt(i);
      h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
      h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
      h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
      h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
    }
    h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
    h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
    h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
    h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
    this.a = (h1 ^ h2 ^ h3 ^ h4) >>> 0;
    this.b = (h2 ^ h1) >>> 0;
    this.c = (h3 ^ h1) >>> 0;
    this.d = (h4 ^ h1) >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.a >>>= 0; this.b >>>= 0; this.c >>>= 0; this.d >>>= 0;
    const t = (this.a + this.b) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.d = (this.d + 1) | 0;
    const r = (t + this.d) | 0;
    this.c = (this.c + r) | 0;
    return (r >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)] as T;
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One of several weighted choices. */
  weighted<T>(choices: ReadonlyArray<readonly [number, T]>): T {
    const total = choices.reduce((s, [w]) => s + w, 0);
    let x = this.next() * total;
    for (const [w, v] of choices) {
      if ((x -= w) < 0) return v;
    }
    return (choices[choices.length - 1] as readonly [number, T])[1];
  }
}

const cp = (n: number): string => String.fromCodePoint(n);
const range = (r: Random, lo: number, hi: number): string => cp(r.int(lo, hi));

// ---- Oracles: what the spec says ----

/**
 * Whether a string may be a literal's text: only XML 1.0 `Char` (XML 1.0 §2.2, xsd:string's lexical space):
 * #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]; so no other C0 control, no U+FFFE/U+FFFF,
 * no lone surrogate (the `u` flag reads a lone surrogate as one code point, which matches; a pair does not).
 */
export function isXmlText(s: string): boolean {
  return !/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u.test(s);
}

// RFC 5646 §2.1 (Language-Tag ABNF), case-insensitive.
const ALNUM = '[a-z0-9]';
const LANGTAG = [
  `(?:[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4}|[a-z]{5,8})`, // language ["-" extlang] (extlang = 3ALPHA *2("-" 3ALPHA))
  '(?:-[a-z]{4})?', // script
  '(?:-(?:[a-z]{2}|[0-9]{3}))?', // region
  `(?:-(?:${ALNUM}{5,8}|[0-9]${ALNUM}{3}))*`, // variant
  `(?:-[0-9a-wyz](?:-${ALNUM}{2,8})+)*`, // extension (singleton: any alphanumeric but x)
  `(?:-x(?:-${ALNUM}{1,8})+)?`, // privateuse
].join('');
const PRIVATEUSE = `x(?:-${ALNUM}{1,8})+`;
const IRREGULAR = ['en-GB-oed', 'i-ami', 'i-bnn', 'i-default', 'i-enochian', 'i-hak', 'i-klingon', 'i-lux', 'i-mingo', 'i-navajo', 'i-pwn', 'i-tao', 'i-tay', 'i-tsu', 'sgn-BE-FR', 'sgn-BE-NL', 'sgn-CH-DE'];
const REGULAR = ['art-lojban', 'cel-gaulish', 'no-bok', 'no-nyn', 'zh-guoyu', 'zh-hakka', 'zh-min', 'zh-min-nan', 'zh-xiang'];
export const GRANDFATHERED: readonly string[] = [...IRREGULAR, ...REGULAR];
const LANGUAGE_TAG = new RegExp(`^(?:${LANGTAG}|${PRIVATEUSE}|${GRANDFATHERED.map((t) => t.replace(/-/g, '\\-')).join('|')})$`, 'i');

/** Whether a string is a well-formed BCP 47 language tag: it matches the Language-Tag production of RFC 5646 §2.1 (in any case, §2.1.1). */
export function isWellFormedLanguageTag(tag: string): boolean {
  return LANGUAGE_TAG.test(tag);
}

// RFC 3987 §2.2 (IRI ABNF), with RFC 3986's IP literals.
const UCSCHAR = '\\u00A0-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFEF\\u{10000}-\\u{1FFFD}\\u{20000}-\\u{2FFFD}\\u{30000}-\\u{3FFFD}\\u{40000}-\\u{4FFFD}\\u{50000}-\\u{5FFFD}\\u{60000}-\\u{6FFFD}\\u{70000}-\\u{7FFFD}\\u{80000}-\\u{8FFFD}\\u{90000}-\\u{9FFFD}\\u{A0000}-\\u{AFFFD}\\u{B0000}-\\u{BFFFD}\\u{C0000}-\\u{CFFFD}\\u{D0000}-\\u{DFFFD}\\u{E1000}-\\u{EFFFD}';
const IPRIVATE = '\\uE000-\\uF8FF\\u{F0000}-\\u{FFFFD}\\u{100000}-\\u{10FFFD}';
const PCT = '%[0-9A-Fa-f]{2}';
const IUNRESERVED = `A-Za-z0-9\\-._~${UCSCHAR}`;
const SUB_DELIMS = "!$&'()*+,;=";
const subDelims = SUB_DELIMS.replace(/[\\\]^-]/g, '\\$&');
const IPCHAR = `(?:[${IUNRESERVED}${subDelims}:@]|${PCT})`;
const DEC_OCTET = '(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])';
const IPV4 = `${DEC_OCTET}(?:\\.${DEC_OCTET}){3}`;
const H16 = '[0-9A-Fa-f]{1,4}';
const LS32 = `(?:${H16}:${H16}|${IPV4})`;
const IPV6 = [
  `(?:${H16}:){6}${LS32}`, `::(?:${H16}:){5}${LS32}`, `(?:${H16})?::(?:${H16}:){4}${LS32}`,
  `(?:(?:${H16}:){0,1}${H16})?::(?:${H16}:){3}${LS32}`, `(?:(?:${H16}:){0,2}${H16})?::(?:${H16}:){2}${LS32}`,
  `(?:(?:${H16}:){0,3}${H16})?::${H16}:${LS32}`, `(?:(?:${H16}:){0,4}${H16})?::${LS32}`,
  `(?:(?:${H16}:){0,5}${H16})?::${H16}`, `(?:(?:${H16}:){0,6}${H16})?::`,
].map((a) => `(?:${a})`).join('|');
const IP_LITERAL = `\\[(?:${IPV6}|[vV][0-9A-Fa-f]+\\.[A-Za-z0-9\\-._~${subDelims}:]+)\\]`;
const IUSERINFO = `(?:[${IUNRESERVED}${subDelims}:]|${PCT})*`;
const IREG_NAME = `(?:[${IUNRESERVED}${subDelims}]|${PCT})*`;
const IHOST = `(?:${IP_LITERAL}|${IPV4}|${IREG_NAME})`;
const IAUTHORITY = `(?:${IUSERINFO}@)?${IHOST}(?::[0-9]*)?`;
const ISEGMENT = `${IPCHAR}*`;
const ISEGMENT_NZ = `${IPCHAR}+`;
const IHIER_PART = `(?://${IAUTHORITY}(?:/${ISEGMENT})*|/(?:${ISEGMENT_NZ}(?:/${ISEGMENT})*)?|${ISEGMENT_NZ}(?:/${ISEGMENT})*|)`;
const IQUERY = `(?:${IPCHAR}|[${IPRIVATE}/?])*`;
const IFRAGMENT = `(?:${IPCHAR}|[/?])*`;
const IRI = new RegExp(`^[A-Za-z][A-Za-z0-9+\\-.]*:${IHIER_PART}(?:\\?${IQUERY})?(?:#${IFRAGMENT})?$`, 'u');

/** Whether a string is an absolute IRI (RFC 3987 §2.2 `IRI`): private-use characters only in the query, no noncharacters, percent-escapes well formed. */
export function isIri(s: string): boolean {
  return IRI.test(s);
}

// ---- Strings ----

/** Characters by class; each class is drawn from when a random string is built. */
const CHAR_CLASSES: ReadonlyArray<readonly [string, number, (r: Random) => string]> = [
  ['ASCII letters and digits', 30, (r) => r.pick([...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'])],
  ['ASCII punctuation and space', 10, (r) => r.pick([...' !"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'])],
  ['quotes and backslashes', 6, (r) => r.pick(['"', '\\', "'", '"""', "'''", '\\"', '\\\\'])],
  ['escape-like text', 4, (r) => r.pick(['\\u', '\\u0041', '\\U0001F600', '\\n', '\\t', '\\uD800', '\\x00', '\\', '^^', '@en', '<http://x/>', '_:b0', ' .', '#', '"@en'])],
  ['TAB, LF and CR', 3, (r) => r.pick(['\t', '\n', '\r', '\r\n'])],
  ['other C0 controls (refused)', 1.2, (r) => cp(r.pick([0, 1, 2, 3, 4, 5, 6, 7, 8, 0xb, 0xc, 0xe, 0xf, 0x10, 0x1a, 0x1b, 0x1f]))],
  ['DEL and C1 controls', 2, (r) => range(r, 0x7f, 0x9f)],
  ['Latin-1 and Latin Extended', 5, (r) => range(r, 0xa0, 0x24f)],
  ['Greek, Cyrillic, Armenian', 3, (r) => range(r, 0x370, 0x58f)],
  ['Hebrew and Arabic (right to left)', 3, (r) => range(r, 0x5d0, 0x6ff)],
  ['Devanagari and Thai', 2, (r) => r.pick([range(r, 0x900, 0x97f), range(r, 0xe00, 0xe7f)])],
  ['CJK, Hangul, kana', 3, (r) => r.pick([range(r, 0x4e00, 0x9fff), range(r, 0xac00, 0xd7a3), range(r, 0x3040, 0x30ff)])],
  ['combining marks', 4, (r) => r.pick([range(r, 0x300, 0x36f), range(r, 0x20d0, 0x20f0), range(r, 0x1ab0, 0x1ace), range(r, 0xfe20, 0xfe2f)])],
  ['bidi marks and controls', 3, (r) => cp(r.pick([0x200e, 0x200f, 0x61c, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]))],
  ['zero-width and format characters', 2, (r) => cp(r.pick([0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0xad, 0x34f, 0x180e]))],
  ['line and paragraph separators, NEL', 1, (r) => cp(r.pick([0x2028, 0x2029, 0x85]))],
  ['emoji', 4, (r) => r.pick([range(r, 0x1f300, 0x1f5ff), range(r, 0x1f600, 0x1f64f), range(r, 0x1f900, 0x1f9ff), range(r, 0x1fa70, 0x1faff)])],
  ['emoji ZWJ sequences, flags, modifiers, keycaps', 2, (r) => r.pick(['👩‍💻', '👨‍👩‍👧‍👦', '🏳️‍🌈', '🧑🏽‍🚀', '🇫🇷', '🇺🇦', '👍🏽', '1️⃣', '❤️', '🫶🏿', '👁️‍🗨️'])],
  ['other supplementary characters', 2, (r) => r.pick([range(r, 0x1d400, 0x1d7ff), range(r, 0x10000, 0x1007f), range(r, 0x20000, 0x2a6df), range(r, 0x1f000, 0x1f02f)])],
  ['private use', 1, (r) => r.pick([range(r, 0xe000, 0xf8ff), range(r, 0xf0000, 0xffffd), range(r, 0x100000, 0x10fffd)])],
  ['noncharacters other than U+FFFE/U+FFFF (XML Chars)', 1, (r) => cp(r.pick([0xfdd0, 0xfdef, 0x1fffe, 0x1ffff, 0x2fffe, 0xefffe, 0x10fffe, 0x10ffff]))],
  ['U+FFFE and U+FFFF (refused)', 0.5, (r) => cp(r.pick([0xfffe, 0xffff]))],
  ['lone surrogates (refused)', 0.5, (r) => r.chance(0.5) ? `${String.fromCharCode(r.int(0xd800, 0xdbff))}x` : `x${String.fromCharCode(r.int(0xdc00, 0xdfff))}`],
  ['U+FFFD and specials', 1, (r) => cp(r.pick([0xfffd, 0xfffc, 0xfff9, 0xfffb, 0xffef]))],
];

/** Single characters at the edges of every range the rule names, each in a string of its own: the first strings of every run. */
const EDGES: readonly string[] = [
  ...Array.from({ length: 0x20 }, (_, i) => cp(i)), '\u007f', '\u0080', '\u009f', '\u00a0', '\ud7ff', '\ue000', '\uf8ff', '\uf900', '\ufdcf', '\ufdd0', '\ufdef', '\ufdf0',
  '\ufffd', '\ufffe', '\uffff', cp(0x10000), cp(0x1fffd), cp(0x1fffe), cp(0x1ffff), cp(0xefffd), cp(0xf0000), cp(0x10fffd), cp(0x10fffe), cp(0x10ffff),
  '\ud800', '\udbff', '\udc00', '\udfff', '\udbff\udfff', '\ud83d\ude00',
];

/** A random string of at least `length` UTF-16 code units, its characters drawn from the classes by weight. */
function mixed(r: Random, length: number): string {
  let s = '';
  while (s.length < length) s += r.weighted(CHAR_CLASSES.map(([, w, make]) => [w, make] as const))(r);
  return s;
}

/**
 * `n` random strings: first the EDGES (each between two letters), a few fixed awkward ones, five strings of each
 * character class alone, three of at least 100 000 characters; then mixed strings, some ending in a quote or a backslash.
 */
export function randomStrings(r: Random, n: number): string[] {
  const out: string[] = EDGES.map((c) => `a${c}b`);
  out.push('', ' ', '"', '\\', '"""', '\\u', 'ends with a quote"', 'ends with a backslash\\', 'ends with \\"', 'a """triple""" quote', '\\u0000 literally', '\\U0010FFFF literally');
  for (const [, , make] of CHAR_CLASSES) {
    for (let i = 0; i < 5; i++) out.push(Array.from({ length: r.int(1, 10) }, () => make(r)).join(''));
  }
  for (const length of [100_000, 123_457, 150_001]) out.push(mixed(r, length));
  while (out.length < n) {
    let s = mixed(r, r.weighted<number>([[4, r.int(1, 8)], [4, r.int(9, 40)], [1, r.int(41, 400)]]));
    if (r.chance(0.08)) s += r.pick(['"', '\\', '\\\\', '""', '\\"', "'"]);
    out.push(s);
  }
  return out.slice(0, n);
}

// ---- Language tags ----

const letters = (r: Random, n: number): string => Array.from({ length: n }, () => r.pick([...'abcdefghijklmnopqrstuvwxyz'])).join('');
const alnums = (r: Random, n: number): string => Array.from({ length: n }, () => r.pick([...'abcdefghijklmnopqrstuvwxyz0123456789'])).join('');
const digits = (r: Random, n: number): string => Array.from({ length: n }, () => r.pick([...'0123456789'])).join('');
/** Random case, as a user might type it. */
const anyCase = (r: Random, s: string): string => (r.chance(0.5) ? s : [...s].map((c) => (r.chance(0.5) ? c.toUpperCase() : c)).join(''));

/** A well-formed tag per the RFC 5646 ABNF, with every part drawn at random. */
function wellFormedTag(r: Random): string {
  if (r.chance(0.05)) return r.pick(GRANDFATHERED);
  if (r.chance(0.05)) return `x-${Array.from({ length: r.int(1, 3) }, () => alnums(r, r.int(1, 8))).join('-')}`;
  const parts: string[] = [];
  const kind = r.weighted([[8, 'short'], [1, 'four'], [1, 'long']] as const);
  if (kind === 'short') {
    parts.push(letters(r, r.int(2, 3)));
    if (r.chance(0.1)) for (let i = r.int(1, 3); i > 0; i--) parts.push(letters(r, 3));
  } else parts.push(letters(r, kind === 'four' ? 4 : r.int(5, 8)));
  if (r.chance(0.3)) parts.push(letters(r, 4));
  if (r.chance(0.5)) parts.push(r.chance(0.8) ? letters(r, 2) : digits(r, 3));
  for (let i = r.chance(0.2) ? r.int(1, 2) : 0; i > 0; i--) parts.push(r.chance(0.5) ? alnums(r, r.int(5, 8)) : digits(r, 1) + alnums(r, 3));
  for (let i = r.chance(0.15) ? r.int(1, 2) : 0; i > 0; i--) {
    parts.push(r.pick([...'0123456789abcdefghijklmnopqrstuvwyz']));
    for (let j = r.int(1, 2); j > 0; j--) parts.push(alnums(r, r.int(2, 8)));
  }
  if (r.chance(0.1)) { parts.push('x'); for (let j = r.int(1, 2); j > 0; j--) parts.push(alnums(r, r.int(1, 8))); }
  return parts.join('-');
}

/** A tag with one thing wrong (mostly ill-formed; a mutation may happen to stay well formed, which the oracle decides). */
function mutatedTag(r: Random): string {
  const t = wellFormedTag(r);
  switch (r.int(0, 12)) {
    case 0: return `${t}--${letters(r, 2)}`;
    case 1: return `-${t}`;
    case 2: return `${t}-`;
    case 3: return `${t}-${alnums(r, r.int(9, 12))}`;
    case 4: return `${letters(r, r.int(9, 11))}`;
    case 5: return `${t.split('-')[0]}-${letters(r, 2)}-${letters(r, 2)}`; // two regions
    case 6: return `${t}${r.pick(['_', ' ', '@', '.', 'é', '\u0000', '\u200e', '!'])}${letters(r, 2)}`;
    case 7: return digits(r, r.int(1, 4));
    case 8: return r.pick(['', 'x', 'i', 'a', 'x-', 'en-a', 'en-a-b', 'en-x-abcdefghi', 'zh-abc-def-ghi-jkl', 'en-gb-gb', 'de-419-419', 'en-latn-latn', 'i-unknown', 'en-a-bbb-a-ccc', 'de-1996-1996']);
    case 9: return `${t}-${r.pick([...'abcdefghijklmnopqrstuvwyz'])}`; // a singleton with no subtag
    case 10: return t.replace(/-/g, '_');
    case 11: return `${t}-${letters(r, 1)}`;
    default: return `${letters(r, 1)}-${letters(r, 2)}`;
  }
}

/** `n` random language tags: about half well formed (in random case), half with one thing wrong. */
export function randomLanguageTags(r: Random, n: number): string[] {
  const out = ['en', 'en-GB', 'EN-gb', 'sr-Latn-RS', 'zh-Hant', 'de-CH-1901', 'x-private', 'i-klingon', 'en-a-bbb-x-a-ccc', 'en-gb-gb', '-en', 'en--us', 'abcdefghi', 'en-abcdefghi', '123', ''];
  while (out.length < n) out.push(anyCase(r, r.chance(0.5) ? wellFormedTag(r) : mutatedTag(r)));
  return out.slice(0, n);
}

// ---- IRIs ----

const ipchars = (r: Random, n: number, extra: readonly string[] = []): string => {
  let s = '';
  for (let i = 0; i < n; i++) {
    s += r.weighted<() => string>([
      [20, () => r.pick([...'abcdefghijklmnopqrstuvwxyz0123456789-._~'])],
      [3, () => r.pick([...SUB_DELIMS, ':', '@'])],
      [3, () => `%${r.pick([...'0123456789ABCDEFabcdef'])}${r.pick([...'0123456789ABCDEF'])}`],
      [3, () => r.pick([range(r, 0xa0, 0x24f), range(r, 0x4e00, 0x9fff), range(r, 0x1f600, 0x1f64f), range(r, 0x300, 0x36f), cp(0x200f)])],
      [extra.length ? 2 : 0, () => r.pick(extra)],
    ])();
  }
  return s;
};

/** Things that break an IRI (or, in the query, may not): inserted at a random place of a valid one. */
const IRI_BREAKERS: readonly string[] = [
  ' ', '<', '>', '"', '{', '}', '|', '\\', '^', '`', '\u0000', '\u0001', '\u007f', '\u0085', '#',
  '%', '%G1', '%4', '%%', '\ue000', '\uf8ff', cp(0xf0000), cp(0x10fffd), '\ufdd0', '\ufdef', '\ufffe', '\uffff', cp(0x1fffe), cp(0x10ffff),
  '\ud800', '\udfff', '\u2028', '\u00a0', '\u200e', '\ufeff',
];

/** A valid absolute IRI with every part drawn at random (authority, path, query with private use, fragment). */
function validIri(r: Random): string {
  const scheme = r.pick(['http', 'https', 'urn', 'ftp', 'tag', 'x-y+z.1', 'HTTP', 'ex']);
  let s = `${scheme}:`;
  if (scheme === 'urn') s += `${ipchars(r, r.int(1, 5))}:${ipchars(r, r.int(1, 10))}`;
  else {
    s += '//';
    if (r.chance(0.1)) s += `${ipchars(r, r.int(1, 4)).replace(/@/g, '')}@`;
    s += r.weighted<string>([
      [8, `${letters(r, r.int(1, 8))}.${r.pick(['org', 'example', 'xn--p1ai', 'рф', '中国', 'com'])}`],
      [1, r.pick(['127.0.0.1', '[::1]', '[2001:db8::7]', '[v7.abc]', '192.168.0.255'])],
      [1, ipchars(r, r.int(0, 6)).replace(/[:@]/g, '')],
    ]);
    if (r.chance(0.1)) s += `:${digits(r, r.int(0, 5))}`;
  }
  for (let i = r.int(0, 4); i > 0; i--) s += `/${ipchars(r, r.int(0, 10))}`;
  if (r.chance(0.3)) s += `?${ipchars(r, r.int(0, 10), ['/', '?', '\ue000', cp(0xf0000), cp(0x10fffd)])}`;
  if (r.chance(0.2)) s += `#${ipchars(r, r.int(0, 8), ['/', '?'])}`;
  return s;
}

/** `n` random IRIs: Wikidata-shaped ones (the shape `kg:wikidata` takes), valid ones, and valid ones with something inserted. */
export function randomIris(r: Random, n: number): string[] {
  const out = ['http://www.wikidata.org/entity/Q42', 'http://www.wikidata.org/entity/Q0', 'http://www.wikidata.org/entity/Q042', 'https://www.wikidata.org/entity/Q42',
    'http://www.wikidata.org/entity/Q42\ue000', 'http://www.wikidata.org/entity/Q42?\ue000', 'http://www.wikidata.org/entity/Q4 2', 'http://www.wikidata.org/entity/Q42#a#b',
    'http://www.wikidata.org/entity/Q42%zz', 'http://www.wikidata.org/entity/Q42\ufdd0', `http://www.wikidata.org/entity/Q42${cp(0x1fffe)}`, 'Q42', 'http:', 'http://', 'urn:x'];
  while (out.length < n) {
    out.push(r.weighted<() => string>([
      [3, () => `http://www.wikidata.org/entity/Q${r.int(1, 9)}${digits(r, r.int(0, 8))}`],
      [4, () => validIri(r)],
      [4, () => {
        const v = validIri(r);
        const at = r.int(v.indexOf(':') + 1, v.length);
        return v.slice(0, at) + r.pick(IRI_BREAKERS) + v.slice(at);
      }],
      [1, () => `http://www.wikidata.org/entity/Q${r.int(1, 9)}${digits(r, 2)}${r.pick(IRI_BREAKERS)}`],
    ])());
  }
  return out.slice(0, n);
}
