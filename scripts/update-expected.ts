// Rewrites the expected result (queries/*.tsv) of every committed query from the current export (run by `npm run queries`); review the diff.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectPath } from '../src/project.js';
import { defaultDataFiles, formatResults, loadStore, runQuery } from '../src/query.js';

const dir = projectPath('queries');
const store = loadStore(defaultDataFiles(projectPath('output')));
for (const name of readdirSync(dir).filter((n) => n.endsWith('.rq')).sort()) {
  const results = runQuery(store, readFileSync(join(dir, name), 'utf8'), `queries/${name}`);
  writeFileSync(join(dir, name.replace(/\.rq$/, '.tsv')), formatResults(results, 'tsv'));
  process.stderr.write(`queries/${name}: ${results.results?.bindings.length ?? 0} rows\n`);
}
