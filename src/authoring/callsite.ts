// Where an authoring call was made: the module and line of the data file, never a frame inside the kit or compiled JavaScript.
import { fileURLToPath } from 'node:url';
import { relative, sep } from 'node:path';
import { PROJECT_ROOT } from '../project.js';

/** An error in an article or entity module, whose message starts with `<module>:<line>:<column>` of the call that caused it. */
export class AuthoringError extends Error {
  override name = 'AuthoringError';
}

/** A project-relative path of a module given by path or `file:` URL; compiled `dist/…/x.js` is shown as its source `…/x.ts`. */
export function moduleName(pathOrUrl: string): string {
  const path = pathOrUrl.startsWith('file:') ? fileURLToPath(pathOrUrl) : pathOrUrl;
  let rel = relative(PROJECT_ROOT, path).split(sep).join('/');
  if (rel.startsWith('dist/')) rel = rel.slice('dist/'.length).replace(/\.js$/, '.ts');
  return rel;
}

/**
 * The `module:line:column` of the first stack frame outside the authoring kit (the data module that called it), as a
 * project-relative path; with source maps enabled (the CLI enables them) the line is that of the TypeScript source.
 */
export function callSite(): string {
  const stack = new Error().stack ?? '';
  for (const line of stack.split('\n').slice(1)) {
    const m = /\(?((?:file:\/\/)?[^\s()]+?):(\d+):(\d+)\)?\s*$/.exec(line.trim());
    if (!m || !m[1]) continue;
    const file = m[1];
    if (/[\\/]authoring[\\/]/.test(file) || file.startsWith('node:') || file.includes('node_modules')) continue;
    return `${moduleName(file)}:${m[2]}:${m[3]}`;
  }
  return '(unknown module)';
}

/** Throws an AuthoringError located at the caller's call site. */
export function fail(message: string, at: string = callSite()): never {
  throw new AuthoringError(`${at}: ${message}`);
}
