// Runs the external engines of the interop tests (Jena through scripts/jena.sh, rapper, rdflib), a few at a time.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { projectPath } from '../../src/project.js';

export const INSTALL_HINT = 'run scripts/install-engines.sh';
/** Debian's python3 (python3-rdflib is installed for it, whatever python3 comes first on the PATH). */
export const PYTHON = '/usr/bin/python3';
export const JENA = projectPath('scripts/jena.sh');

/** What a finished process gave. */
export interface Ran {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** An engine that is not there: the message says how to install it. */
export class EngineMissing extends Error {
  override name = 'EngineMissing';
}

// At most this many engine processes at once (JVMs take a core each while they start).
const SLOTS = Math.max(1, Math.min(availableParallelism(), 4));
let running = 0;
const waiting: Array<() => void> = [];

async function slot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= SLOTS) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/**
 * Runs a command, queued behind the other engine processes unless `now` (for quick checks); fails only when it
 * cannot start or an engine is missing.
 */
export function run(engine: string, command: string, args: readonly string[], input?: string, now = false): Promise<Ran> {
  const start = (): Promise<Ran> => new Promise<Ran>((resolve, reject) => {
    const child = spawn(command, args, { cwd: projectPath('.'), stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e: NodeJS.ErrnoException) => {
      reject(e.code === 'ENOENT' ? new EngineMissing(`${engine} is not installed (${command} not found): ${INSTALL_HINT}`) : e);
    });
    child.on('close', (code) => {
      const ran = { code: code ?? -1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
      if (ran.code === 127) reject(new EngineMissing(`${engine} is not installed: ${ran.stderr.trim() || INSTALL_HINT}`));
      else resolve(ran);
    });
    child.stdin.on('error', () => undefined); // a process that exits without reading its input
    child.stdin.end(input ?? '');
  });
  return now ? start() : slot(start);
}

/** Runs a command and fails (with its stderr) unless it exits 0. */
export async function runOk(engine: string, command: string, args: readonly string[], input?: string): Promise<Ran> {
  const ran = await run(engine, command, args, input);
  if (ran.code !== 0) throw new Error(`${engine}: \`${[command, ...args].join(' ')}\` exited ${ran.code}:\n${ran.stderr.slice(0, 4000)}`);
  return ran;
}

/** Runs a Jena command-line class through scripts/jena.sh (queued unless `now`). */
export function jena(className: string, args: readonly string[], input?: string, now = false): Promise<Ran> {
  if (!existsSync(projectPath('.interop/jena.classpath'))) {
    return Promise.reject(new EngineMissing(`Jena is not prepared (.interop/jena.classpath is missing): ${INSTALL_HINT}`));
  }
  return run(`Jena (${className})`, 'bash', [JENA, className, ...args], input, now);
}

/** Lines of a process's stderr that report a problem (Jena logs through slf4j-simple, rapper prefixes its own). */
export function problemLines(stderr: string): string[] {
  return stderr.split('\n').filter((l) => /\b(WARN|ERROR|Warning|Error|FATAL)\b/.test(l));
}

/** The rdflib helper script. */
export const RDFLIB_SCRIPT = join(projectPath('tests/interop'), 'rdflib_engine.py');
