// Rewrites the expected results (queries/<article>/*.tsv) of every committed query, run on each registered article's export (run by `npm run queries`); review the diff.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTICLES } from '../src/data/index.js';
import { projectPath } from '../src/project.js';
import { articleDataFiles, formatResults, loadStore, runQuery } from '../src/query.js';

const dir = projectPath('queries');
for (const { name: article } of ARTICLES) {
  const store = loadStore(articleDataFiles(projectPath('output'), article));
  mkdirSync(join(dir, article), { recursive: true });
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.rq')).sort()) {
    const results = runQuery(store, readFileSync(join(dir, name), 'utf8'), `queries/${name}`);
    writeFileSync(join(dir, article, name.replace(/\.rq$/, '.tsv')), formatResults(results, 'tsv'));
    process.stderr.write(`queries/${article}/${name}: ${results.results?.bindings.length ?? 0} rows\n`);
  }
}
