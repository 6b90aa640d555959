// A progress line on stderr for steps that may take a while: shown in a terminal only, never under CI, never on stdout.

/** Where a progress line goes: process.stderr, or in tests any object with isTTY and write. */
export interface ProgressStream {
  readonly isTTY?: boolean;
  write(chunk: string): unknown;
}

/** A progress line, rewritten in place (`\r…`); every method does nothing when the line is off. */
export interface Progress {
  /** Whether anything will be shown (stderr is a terminal and CI is not set). */
  readonly active: boolean;
  /** Shows `text` as the line, at most every `intervalMs` unless `force` (the first update always shows). */
  update(text: string, force?: boolean): void;
  /** Blanks the line, so that a message can be written in its place (the next update shows it again). */
  clear(): void;
  /** Ends the line with a newline, if one is shown. */
  done(): void;
}

/** Options of a progress line: the stream (stderr), the environment (for CI), how often it is rewritten and the clock. */
export interface ProgressOptions {
  readonly stream?: ProgressStream;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly intervalMs?: number;
  readonly now?: () => number;
}

/** A progress line on stderr, shown only when it is a terminal and `CI` is not set. */
export function progress(options: ProgressOptions = {}): Progress {
  const stream = options.stream ?? process.stderr;
  const env = options.env ?? process.env;
  const interval = options.intervalMs ?? 250;
  const now = options.now ?? Date.now;
  const active = stream.isTTY === true && !env.CI;
  let width = 0;
  let last = -Infinity;
  return {
    active,
    update(text, force = false) {
      if (!active) return;
      const t = now();
      if (!force && t - last < interval) return;
      last = t;
      stream.write(`\r${text}${' '.repeat(Math.max(0, width - text.length))}`);
      width = text.length;
    },
    clear() {
      if (!active || width === 0) return;
      stream.write(`\r${' '.repeat(width)}\r`);
      width = 0;
      last = -Infinity;
    },
    done() {
      if (!active || width === 0) return;
      stream.write('\n');
      width = 0;
    },
  };
}

/** Seconds as `12 s` or `3 min 5 s`, for an ETA. */
export function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}
