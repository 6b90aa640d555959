// Where the project lives on disk and what it is called, for paths and for the headers of generated files.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

/** The project's root folder (the one holding package.json), whether running from src/ or dist/. */
export const PROJECT_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));

const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { name: string; version: string };

/** The package name and version, as written into generated files. */
export const PACKAGE = { name: pkg.name, version: pkg.version } as const;

/** An absolute path from a path relative to the project root. */
export function projectPath(relative: string): string {
  return join(PROJECT_ROOT, relative);
}
