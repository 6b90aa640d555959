// Writes a list of files as one output set (src/rdf/output-set.ts): all staged, then switched into place as one unit, or none.
import { dirname, parse, resolve, sep } from 'node:path';
import { withOutputSet, type OutputSet, type OutputSetOptions } from './output-set.js';

export { OutputSet, StagedFile, withOutputSet } from './output-set.js';
export type { OutputSetOptions } from './output-set.js';

/** A file to write: its path and a function that writes its content through a sink. */
export interface PendingFile {
  readonly path: string;
  readonly write: (sink: (chunk: string) => void) => Promise<void> | void;
}

/** Stages each file into an open output set, in order (its content written, flushed and fsynced). */
export async function stageFiles(set: OutputSet, files: readonly PendingFile[]): Promise<void> {
  for (const file of files) {
    const out = set.stage(file.path);
    await file.write(out.write);
    out.close();
  }
}

/** The deepest folder holding every one of `paths` (absolute paths). */
function commonFolder(paths: readonly string[]): string {
  const parts = paths.map((p) => dirname(resolve(p)).split(sep));
  const first = parts[0] ?? [];
  let n = first.length;
  for (const p of parts) {
    let i = 0;
    while (i < n && p[i] === first[i]) i++;
    n = i;
  }
  return n === 0 || (n === 1 && first[0] === '') ? parse(resolve(paths[0] ?? '.')).root : first.slice(0, n).join(sep);
}

/**
 * Writes the files as one output set of the folder `root` (by default the deepest folder holding them all): every file
 * is written and fsynced first, then all are switched into place together under the folder's lock; on any failure before
 * the switch no target is touched.
 * @throws Error when two files have the same path; the errors of OutputSet.open and commit (UsageError for a folder that
 * cannot hold files or is locked by another run); whatever a file's `write` throws.
 */
export async function writeFilesAtomically(files: readonly PendingFile[], options: OutputSetOptions & { readonly root?: string } = {}): Promise<void> {
  const targets = new Set(files.map((f) => resolve(f.path)));
  if (targets.size !== files.length) throw new Error('two files to write have the same path');
  if (files.length === 0) return;
  await withOutputSet(options.root ?? commonFolder(files.map((f) => f.path)), (set) => stageFiles(set, files), options);
}
