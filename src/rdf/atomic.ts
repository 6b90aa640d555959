// Writes files atomically: into a temporary file beside the target, renamed over it only once complete.
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** A file to write: its path and a function that writes its content through a sink. */
export interface PendingFile {
  readonly path: string;
  readonly write: (sink: (chunk: string) => void) => Promise<void> | void;
}

let staged = 0;

/**
 * A file being written atomically: a temporary sibling `.<name>.<pid>-<n>.tmp` with a 256 KB buffer in front, made
 * visible by `commit` (rename over the target) or removed by `discard`. The one temporary-file writer of the project.
 */
export class StagedFile {
  readonly temp: string;
  private fd: number | undefined;
  private buffer: string[] = [];
  private size = 0;

  /** Opens the temporary file beside `path` (creating its folder). */
  constructor(readonly path: string) {
    mkdirSync(dirname(path), { recursive: true });
    this.temp = join(dirname(path), `.${basename(path)}.${process.pid}-${staged++}.tmp`);
    this.fd = openSync(this.temp, 'w');
  }

  /** Appends text (written out in blocks of 256 KB). */
  write = (chunk: string): void => {
    this.buffer.push(chunk);
    this.size += chunk.length;
    if (this.size >= 1 << 18) this.flush();
  };

  private flush(): void {
    if (this.size && this.fd !== undefined) writeSync(this.fd, this.buffer.join(''), null, 'utf8');
    this.buffer = [];
    this.size = 0;
  }

  /** Flushes, syncs and closes the temporary file (once). */
  close(): void {
    if (this.fd === undefined) return;
    this.flush();
    fsyncSync(this.fd);
    closeSync(this.fd);
    this.fd = undefined;
  }

  /** Makes the written file visible under its name (closing it first). */
  commit(): void {
    this.close();
    renameSync(this.temp, this.path);
  }

  /** Removes the temporary file; the target is never touched. */
  discard(): void {
    try { this.close(); } catch { /* closing a broken file: it is removed anyway */ }
    rmSync(this.temp, { force: true });
  }
}

/** Writes each file to a temporary sibling, then renames all of them into place; on any failure no target is touched. */
export async function writeFilesAtomically(files: readonly PendingFile[]): Promise<void> {
  const targets = new Set(files.map((f) => f.path));
  if (targets.size !== files.length) throw new Error('two files to write have the same path');
  const written: StagedFile[] = [];
  try {
    for (const file of files) {
      const out = new StagedFile(file.path);
      written.push(out);
      await file.write(out.write);
      out.close();
    }
  } catch (error) {
    for (const out of written) out.discard();
    throw error;
  }
  for (const out of written) out.commit();
}
