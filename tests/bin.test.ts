// The built `kg` runs the way users start it: `npx kg` in the project, and from a global install by link (`npm link`).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE, projectPath } from '../src/project.js';

/** Runs npm or npx (found on the PATH, as a user has them) and returns what it printed. */
function npm(tool: 'npm' | 'npx', args: readonly string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(tool, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_UPDATE_NOTIFIER: '1', npm_config_fund: 'false', npm_config_audit: 'false' } });
  if (r.error) throw new Error(`this test needs ${tool} on the PATH: ${r.error.message}`);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the kg command', () => {
  it('runs as `npx kg` in the project (the built file is executable)', () => {
    const r = npm('npx', ['--no-install', 'kg', '--version'], projectPath('.'));
    expect([r.status, r.stdout.trim()], r.stderr).toEqual([0, PACKAGE.version]);
  }, 120_000);

  it('runs from a global install by link, as after `npm link` (into a private prefix, without running the build again)', () => {
    const prefix = mkdtempSync(join(tmpdir(), 'kg-link-'));
    try {
      const installed = npm('npm', ['install', '--global', '--prefix', prefix, '--ignore-scripts', projectPath('.')], projectPath('.'));
      expect(installed.status, installed.stderr).toBe(0);
      expect(readlinkSync(join(prefix, 'bin', 'kg'))).toMatch(/dist\/src\/cli\.js$/);
      const r = spawnSync(join(prefix, 'bin', 'kg'), ['--version'], { encoding: 'utf8' });
      expect([r.status, r.stdout.trim()], r.stderr).toEqual([0, PACKAGE.version]);
    } finally {
      rmSync(prefix, { recursive: true, force: true });
    }
  }, 120_000);
});
