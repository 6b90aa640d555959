// The error of `kg push`: what failed (a wrong password, a full disk, a count or content mismatch…) and a one-line message.

/** What went wrong, so that a caller can tell a wrong password from a full disk. */
export type PushErrorKind =
  | 'connect' | 'dns' | 'auth' | 'not-found' | 'too-large' | 'server' | 'timeout' | 'count-mismatch' | 'content-mismatch' | 'protocol' | 'input';

/** A failed push: `kind` says what failed, the one-line message names the endpoint (never the credentials) and the status. */
export class PushError extends Error {
  override name = 'PushError';
  readonly kind: PushErrorKind;
  /** The HTTP status, when the store answered. */
  readonly status: number | undefined;
  /** Whether trying again may help (5xx, connection reset, timeout). */
  readonly transient: boolean;

  /** Makes an error of one kind; `status` is the HTTP status when there was one. */
  constructor(kind: PushErrorKind, message: string, details: { status?: number; transient?: boolean } = {}) {
    super(message);
    this.kind = kind;
    this.status = details.status;
    this.transient = details.transient ?? (kind === 'server' || kind === 'timeout');
  }
}
