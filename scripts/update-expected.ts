// Rewrites the expected results of every committed query (run by `npm run queries`; review the diff): for each registered
// article, run on its export, in queries/<article>/*.tsv; for the fictional fixture article, run on its dataset serialised
// in memory, in tests/fixtures/articles/expected/*.tsv.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectPath } from '../src/project.js';
import { formatResults, runQuery } from '../src/commands/query.js';
import { QUERY_DATA } from '../tests/query-data.js';

const dir = projectPath('queries');
const names = readdirSync(dir).filter((n) => n.endsWith('.rq')).sort();
for (const data of QUERY_DATA) {
  const store = await data.load();
  mkdirSync(projectPath(data.expectedDir), { recursive: true });
  for (const name of names) {
    const results = runQuery(store, readFileSync(join(dir, name), 'utf8'), `queries/${name}`);
    const file = join(data.expectedDir, name.replace(/\.rq$/, '.tsv'));
    writeFileSync(projectPath(file), formatResults(results, 'tsv'));
    process.stderr.write(`${file}: ${results.results?.bindings.length ?? 0} rows\n`);
  }
}
