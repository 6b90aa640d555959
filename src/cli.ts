#!/usr/bin/env node
// The `kg` executable (package.json "bin"): runs the command line of src/cli/main.ts when this file is the program.
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { main } from './cli/main.js';

export { main };

/** Whether this module is the program being run (also through npm's bin symlinks). */
function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}
if (isEntryPoint()) {
  // A reader that goes away (`kg export -o - | head`) ends the program quietly, as Unix tools do: exit 0, no trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(0);
      throw error;
    });
  }
  process.exitCode = await main(process.argv.slice(2));
}
