// The progress line on stderr lives with the runners that show it (src/commands/run/progress.ts).
export * from '../commands/run/progress.js';
