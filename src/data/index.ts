// The registry of articles: a new article is one new module plus one line here (`kg new-article` adds both).
import { assemble, type Corpus } from '../authoring/assemble.js';
import type { ArticleDataset } from '../authoring/kit.js';
import type { Dataset } from '../mapping/dataset.js';
import { article000 } from './article-000.js';
import { SHARED_ENTITIES } from './entities/index.js';

/** Every article, as its module declares it, in output order. */
export const ARTICLES: readonly ArticleDataset[] = [
  article000,
];

/** The shared entities and the articles, assembled (each article with the shared entities it uses). */
export const CORPUS: Corpus = assemble(SHARED_ENTITIES, ARTICLES);

/** Every dataset the exporter writes, in output order: the shared entities, then one per article. */
export const DATASETS: readonly Dataset[] = CORPUS.all;
