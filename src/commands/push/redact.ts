// Redaction for `kg push`: every encoding of the password, and credential structures in text a store sends back, never shown.
import type { Credentials } from './auth.js';

/** What is shown instead of a store's reply that still holds a short credential after redaction. */
export const WITHHELD = "the store's reply was withheld because it may contain credentials";

/** What a removed credential is replaced with. */
export const MASK = '***';

/**
 * Forms at least this long are replaced wherever they appear. A shorter one (a password of 1 to 3 characters) would
 * mangle unrelated text if replaced, so text from the store that holds it is withheld whole instead.
 */
export const MIN_REPLACED = 4;

/** How many of the latest secrets sent (digest responses) are kept for redaction. */
const RECENT = 256;

/** `s` escaped as inside a JSON string. */
function jsonEscaped(s: string): string {
  return JSON.stringify(s).slice(1, -1);
}

/** `s` with the five HTML special characters as entities (both spellings of the apostrophe). */
function htmlEscaped(s: string): string[] {
  const base = s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  return [base.replace(/'/g, '&#39;'), base.replace(/'/g, '&#x27;'), base.replace(/'/g, '&apos;')];
}

/**
 * Base64 of `s` (RFC 4648: standard and URL alphabets, with and without padding; UTF-8 and, where it differs,
 * Latin-1); an unpadded form shorter than `MIN_REPLACED` (of a one- or two-character password) is left out: it is no
 * spelling a server echoes, and it would withhold most replies.
 */
function base64Forms(s: string): string[] {
  const out: string[] = [];
  const bytes = [Buffer.from(s, 'utf8')];
  if (/^[\u0000-\u00ff]*$/.test(s)) bytes.push(Buffer.from(s, 'latin1'));
  for (const b of bytes) {
    const std = b.toString('base64');
    out.push(std, std.replace(/=+$/, ''), b.toString('base64url'));
  }
  return out.filter((f) => f.length >= MIN_REPLACED);
}

/**
 * Every spelling of the credentials a store or a proxy could echo: the password and `user:password`, each as is,
 * JSON-escaped, HTML-escaped, percent-encoded (RFC 3986 and form encoding), as the userinfo of a URL, and in base64
 * (the HTTP Basic token, RFC 7617 §2). The user name alone is no secret and is not listed. Empty strings are left out.
 */
export function credentialForms(c: Credentials): string[] {
  const url = new URL('http://h/');
  url.username = c.user;
  url.password = c.password;
  const forms = new Set<string>();
  for (const s of [c.password, `${c.user}:${c.password}`]) {
    forms.add(s);
    forms.add(jsonEscaped(s));
    for (const h of htmlEscaped(s)) forms.add(h);
    forms.add(encodeURIComponent(s));
    forms.add(new URLSearchParams({ x: s }).toString().slice(2));
    for (const b of base64Forms(s)) forms.add(b);
  }
  if (c.password !== '') forms.add(url.password);
  forms.add(`${url.username}:${url.password}`);
  forms.delete('');
  forms.delete(':');
  return [...forms];
}

/**
 * Credential structures in text from outside, replaced whatever the credentials are: `Authorization:` and
 * `Proxy-Authorization:` header lines (as text, as a JSON field, as a pair in a JSON array), `Basic`/`Bearer` tokens,
 * `Digest` parameter lists and `response=` values (RFC 7616 §3.4), and the userinfo of URLs (RFC 3986 §3.2.1).
 */
const STRUCTURES: ReadonlyArray<[RegExp, string]> = [
  [/("(?:proxy-)?authorization"\s*:\s*)"(?:[^"\\]|\\.)*"/gi, `$1"${MASK}"`],
  [/("(?:proxy-)?authorization"\s*,\s*)"(?:[^"\\]|\\.)*"/gi, `$1"${MASK}"`],
  [/((?:proxy-)?authorization\s*[:=]\s*).*$/gim, `$1${MASK}`],
  [/\bDigest\s+(?:[A-Za-z0-9_-]+\s*=\s*(?:"(?:[^"\\]|\\.)*"|[^\s,;"]+)(?:\s*,\s*)?)+/gi, `Digest ${MASK}`],
  [/\b(Basic|Bearer)\s+[A-Za-z0-9+/_.~-]{2,}=*/gi, `$1 ${MASK}`],
  [/\b(response|ha1)\s*=\s*"?[0-9a-f]{16,}"?/gi, `$1="${MASK}"`],
  [/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@"'<>]*@/gi, `$1${MASK}@`],
];

/**
 * Removes credentials from what `kg push` shows. Our own text (messages, log lines) gets every known form of at least
 * `MIN_REPLACED` characters replaced by `***`. Text from the store (error pages, reason phrases, content types) gets
 * the credential structures replaced first, then the known forms; if a shorter form is still in it, the whole text
 * is withheld. The digest `response` of each request sent is added with `remember`.
 */
export class Redactor {
  /** The forms of the credentials and the latest secrets sent, longest first; `MIN_REPLACED` characters or more. */
  private long: string[] = [];
  private readonly fixed = new Set<string>();
  /** Secrets sent (digest responses), the latest `RECENT` kept: each is only good for its own request. */
  private readonly recent = new Set<string>();
  private readonly short = new Set<string>();

  /** A redactor of these credentials (none: only the structures are removed from the store's text). */
  constructor(credentials?: Credentials) {
    if (credentials) for (const f of credentialForms(credentials)) this.add(f, this.fixed);
    this.sort();
  }

  /** Adds a secret sent to the store (a digest `response`); empty strings are ignored. */
  remember(secret: string): void {
    if (secret === '' || this.fixed.has(secret) || this.recent.has(secret)) return;
    this.add(secret, this.recent);
    if (this.recent.size > RECENT) this.recent.delete(this.recent.values().next().value as string);
    this.sort();
  }

  private add(secret: string, to: Set<string>): void {
    if (secret === '') return;
    (secret.length >= MIN_REPLACED ? to : this.short).add(secret);
  }

  private sort(): void {
    // Longest first, so that `user:password` goes before the password inside it.
    this.long = [...this.fixed, ...this.recent].sort((a, b) => b.length - a.length);
  }

  /** Our own text with every known form of the credentials (at least `MIN_REPLACED` long) replaced. */
  text(s: string): string {
    let out = s;
    for (const f of this.long) if (out.includes(f)) out = out.split(f).join(MASK);
    return out;
  }

  /** Text the store sent, without credentials; undefined when it must be withheld (a short credential is in it). */
  outside(s: string): string | undefined {
    let out = s;
    for (const [re, by] of STRUCTURES) out = out.replace(re, by);
    out = this.text(out);
    for (const f of this.short) if (out.includes(f)) return undefined;
    return out;
  }

  /** Text the store sent, without credentials, or the notice that it was withheld. */
  shown(s: string): string {
    return this.outside(s) ?? `(${WITHHELD})`;
  }
}
