// Writes files atomically: into a temporary file beside the target, renamed over it only once complete.
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** A file to write: its path and a function that writes its content through a sink. */
export interface PendingFile {
  readonly path: string;
  readonly write: (sink: (chunk: string) => void) => Promise<void> | void;
}

/** Writes each file to a temporary sibling, then renames all of them into place; on any failure no target is touched. */
export async function writeFilesAtomically(files: readonly PendingFile[]): Promise<void> {
  const temps: Array<[string, string]> = [];
  try {
    const targets = new Set(files.map((f) => f.path));
    if (targets.size !== files.length) throw new Error('two files to write have the same path');
    for (const [i, file] of files.entries()) {
      mkdirSync(dirname(file.path), { recursive: true });
      const temp = join(dirname(file.path), `.${basename(file.path)}.${process.pid}-${i}.tmp`);
      temps.push([temp, file.path]);
      const fd = openSync(temp, 'w');
      try {
        await file.write((chunk) => { writeSync(fd, chunk, null, 'utf8'); });
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    }
  } catch (error) {
    for (const [temp] of temps) rmSync(temp, { force: true });
    throw error;
  }
  for (const [temp, target] of temps) renameSync(temp, target);
}
