// Authentication of `kg push`: credentials from the environment, HTTP basic and digest (RFC 7616); every header value sent is handed to the redactor.
import { createHash, randomBytes } from 'node:crypto';
import { PushError } from './errors.js';
import { exchange, type Answer, type Body } from './http.js';

/** The user name and password sent to the store (HTTP basic or digest, as the store asks). */
export interface Credentials {
  readonly user: string;
  readonly password: string;
}

/**
 * Reads the credentials for `kg push` from the environment: `KG_PUSH_USER` and `KG_PUSH_PASSWORD` (both needed;
 * neither is ever taken from the command line nor printed); undefined when `KG_PUSH_USER` is unset or empty.
 */
export function credentialsFromEnv(env: NodeJS.ProcessEnv | Record<string, string | undefined>): Credentials | undefined {
  const user = env.KG_PUSH_USER;
  if (user === undefined || user === '') return undefined;
  const password = env.KG_PUSH_PASSWORD;
  if (password === undefined) throw new PushError('input', 'KG_PUSH_USER is set but KG_PUSH_PASSWORD is not: set both, or neither');
  return { user, password };
}

/** The scheme a protection space asks for: basic, or digest with its challenge and the nonce count used so far. */
export type AuthState = { scheme: 'basic' } | { scheme: 'digest'; challenge: Record<string, string>; nc: number };

/** Sends requests with the credentials, answering the store's basic or digest challenges; remembers the scheme per path. */
export class Authenticator {
  private readonly auth = new Map<string, AuthState>();
  private readonly probed = new Set<string>();

  /**
   * An authenticator for these credentials (none: requests go out without authorization), with an idle timeout, a
   * log, and `remember`, which receives each digest `response` sent (for redaction).
   */
  constructor(
    private readonly credentials: Credentials | undefined,
    private readonly timeoutMs: number,
    private readonly log: (line: string) => void,
    private readonly remember: (secret: string) => void = () => {},
  ) {}

  /**
   * One HTTP exchange with authentication: answers a 401 challenge (basic or digest) once, and before a large body
   * learns the challenge with a HEAD request, so that the body is not sent only to be refused.
   */
  async request(method: string, url: URL, headers: Record<string, string>, body: Body, probe: boolean): Promise<Answer> {
    const creds = this.credentials;
    const space = url.pathname;
    if (creds && probe && !this.auth.has(space) && !this.probed.has(space)) {
      this.probed.add(space);
      const answer = await exchange('HEAD', url, {}, { kind: 'none' }, this.timeoutMs);
      if (answer.status === 401) this.learn(space, answer.challenges);
    }
    let fresh = false;
    for (let round = 0; ; round++) {
      const state = this.auth.get(space);
      const h = { ...headers };
      if (creds && state) {
        const value = authorization(state, creds, method, url.pathname + url.search);
        const response = /\bresponse="([^"]*)"/.exec(value)?.[1];
        if (response !== undefined) this.remember(response);
        h.authorization = value;
        fresh = state.scheme === 'digest' && state.nc === 1;
      }
      const answer = await exchange(method, url, h, body, this.timeoutMs);
      if (answer.status !== 401 || !creds || round > 0) return answer;
      // Answer the challenge once; a digest nonce that was reused and has gone stale is renewed once too.
      const stale = answer.challenges.some((c) => /stale\s*=\s*"?true/i.test(c));
      if (state && state.scheme === 'digest' && fresh && !stale) return answer;
      if (state && state.scheme === 'basic') return answer;
      if (!this.learn(space, answer.challenges)) return answer;
    }
  }

  /** Keeps the scheme the store asks for (digest preferred over basic); false if none is usable. */
  private learn(space: string, challenges: readonly string[]): boolean {
    const digest = challenges.find((c) => /^digest\s/i.test(c));
    if (digest) {
      const challenge = parseChallenge(digest);
      const alg = (challenge.algorithm ?? 'MD5').toUpperCase();
      if (challenge.nonce !== undefined && ['MD5', 'MD5-SESS', 'SHA-256', 'SHA-256-SESS'].includes(alg)) {
        if (this.auth.get(space)?.scheme !== 'digest') this.log(`${space}: the store asks for digest authentication`);
        this.auth.set(space, { scheme: 'digest', challenge, nc: 0 });
        return true;
      }
    }
    if (challenges.some((c) => /^basic(\s|$)/i.test(c))) {
      this.log(`${space}: the store asks for basic authentication`);
      this.auth.set(space, { scheme: 'basic' });
      return true;
    }
    return false;
  }
}

/** The parameters of one `WWW-Authenticate: Digest ...` challenge. */
export function parseChallenge(header: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([A-Za-z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))/g;
  for (const m of header.replace(/^digest\s+/i, '').matchAll(re)) {
    out[m[1]!.toLowerCase()] = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : m[3]!;
  }
  return out;
}

/**
 * The Authorization header for one request: basic, or digest (RFC 7616: MD5 or SHA-256, qop=auth or none); a digest
 * counts the request in `state.nc`. `cnonce` is random unless given (a test gives the RFC's).
 */
export function authorization(state: AuthState, creds: Credentials, method: string, uri: string, cnonce?: string): string {
  if (state.scheme === 'basic') return `Basic ${Buffer.from(`${creds.user}:${creds.password}`, 'utf8').toString('base64')}`;
  const c = state.challenge;
  state.nc++;
  const alg = (c.algorithm ?? 'MD5').toUpperCase();
  const hash = (s: string): string => createHash(alg.startsWith('SHA-256') ? 'sha256' : 'md5').update(s, 'utf8').digest('hex');
  const realm = c.realm ?? '';
  const nonce = c.nonce ?? '';
  cnonce ??= randomBytes(8).toString('hex');
  const nc = state.nc.toString(16).padStart(8, '0');
  let ha1 = hash(`${creds.user}:${realm}:${creds.password}`);
  if (alg.endsWith('-SESS')) ha1 = hash(`${ha1}:${nonce}:${cnonce}`);
  const ha2 = hash(`${method}:${uri}`);
  const qops = (c.qop ?? '').split(',').map((q) => q.trim().toLowerCase());
  const useQop = qops.includes('auth');
  const response = useQop ? hash(`${ha1}:${nonce}:${nc}:${cnonce}:auth:${ha2}`) : hash(`${ha1}:${nonce}:${ha2}`);
  const q = (s: string): string => `"${s.replace(/(["\\])/g, '\\$1')}"`;
  const parts = [`username=${q(creds.user)}`, `realm=${q(realm)}`, `nonce=${q(nonce)}`, `uri=${q(uri)}`, `algorithm=${c.algorithm ?? 'MD5'}`, `response=${q(response)}`];
  if (useQop) parts.push('qop=auth', `nc=${nc}`, `cnonce=${q(cnonce)}`);
  if (c.opaque !== undefined) parts.push(`opaque=${q(c.opaque)}`);
  return `Digest ${parts.join(', ')}`;
}
