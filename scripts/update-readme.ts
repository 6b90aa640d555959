// Rewrites the README's CLI reference block from the option table (run by `npm run readme`).
import { readFileSync, writeFileSync } from 'node:fs';
import { cliReference } from '../src/cli/options.js';
import { projectPath } from '../src/project.js';

const path = projectPath('README.md');
const readme = readFileSync(path, 'utf8');
const block = /<!-- cli-reference:start -->\n[\s\S]*?<!-- cli-reference:end -->/;
if (!block.test(readme)) throw new Error('README.md has no <!-- cli-reference:start --> ... <!-- cli-reference:end --> block');
writeFileSync(path, readme.replace(block, () => `<!-- cli-reference:start -->\n${cliReference()}\n<!-- cli-reference:end -->`));
