// The registry of datasets: a new article is one new file plus one line here.
import type { Dataset } from '../dataset.js';
import { article000 } from './article-000.js';

/** Every dataset the exporter writes, in output order. */
export const DATASETS: readonly Dataset[] = [article000];
