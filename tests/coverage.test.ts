// `kg coverage`: sentences and quoted passages no fact or claim is stated in, on the real article and on small made-up ones.
import { describe, expect, it, vi } from 'vitest';
import { article, type ArticleDataset } from '../src/authoring/kit.js';
import { coverage, formatCoverage } from '../src/commands/coverage.js';
import { ARTICLES } from '../src/data/index.js';
import { runCli } from './helpers.js';

/** A made-up article of two sentences, only the first of them stated in (by a person's statedIn). */
function halfCovered(): ArticleDataset {
  const a = article({
    name: 'cov-test', source: 'tests/fixtures/x.txt', date: '2025-01-02', title: 't', module: import.meta.url,
    text: 'Alice met Bob in Paris on Monday. The weather was fine all week.',
  });
  a.person({ label: 'Alice', statedIn: [a.quote('Alice met Bob')] });
  return a.dataset();
}

// The CLI reads the registry: add the half-covered article to it, so that `kg coverage` has something to report.
vi.mock('../src/data/index.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../src/data/index.js')>();
  const { article: start } = await import('../src/authoring/kit.js');
  const a = start({
    name: 'cov-test', source: 'tests/fixtures/x.txt', date: '2025-01-02', title: 't', module: import.meta.url,
    text: 'Alice met Bob in Paris on Monday. The weather was fine all week.',
  });
  a.person({ label: 'Alice', statedIn: [a.sentence(1)] });
  return { ...actual, ARTICLES: [...actual.ARTICLES, a.dataset()] };
});

describe('coverage', () => {
  it.each(ARTICLES.filter((a) => a.name !== 'cov-test').map((a) => [a.name, a] as const))('finds %s fully covered: every sentence and every quoted passage', (name, article) => {
    const report = coverage(article as ArticleDataset);
    expect(report).toMatchObject({ name, sentences: article.sentenceSpans.length, uncovered: [], uncoveredQuotes: [] });
    expect(formatCoverage([report])).toBe(`${name}: ${report.sentences} sentences, 0 uncovered; ${report.quotes} quoted passages, 0 uncovered\n`);
  });

  it('reports exactly the sentence nothing is stated in', () => {
    const report = coverage(halfCovered());
    expect(report.sentences).toBe(2);
    expect(report.uncovered).toEqual([{ n: 2, text: 'The weather was fine all week.' }]);
    expect(report.quotes).toBe(0);
    expect(formatCoverage([report])).toBe(
      'cov-test: 2 sentences, 1 uncovered; 0 quoted passages, 0 uncovered\n  sentence 2: The weather was fine all week.\n',
    );
  });

  it('counts a shared entity stated in through the article (a contribution) as covering', () => {
    const a = article({ name: 'cov-shared', source: 'tests/fixtures/x.txt', date: '2025-01-02', title: 't', module: import.meta.url, text: 'Paris is a city. Rome is one too.' });
    a.state('place/paris' as never, a.quote('Paris is a city'));
    a.mention('place/rome' as never, a.quote('Rome'));
    expect(coverage(a.dataset()).uncovered).toEqual([{ n: 2, text: 'Rome is one too.' }]);
  });

  it('reports a quoted passage that no claim quotes or is stated in, and cuts long sentences at 80 characters', () => {
    const a = article({
      name: 'cov-quotes', source: 'tests/fixtures/x.txt', date: '2025-01-02', title: 't', module: import.meta.url,
      text: 'Bob said “we will win” on Monday. Eve said "never again" later. Ann wrote “no comment” in a very long letter that went on and on about nothing much at all.',
    });
    const q = a.quote;
    // Covered by its verbatim alone (the span it is stated in does not hold the passage), and by its span's range alone.
    a.claim({ label: 'Bob: we will win', claimKind: 'statement', verbatim: ['we will win'], statedIn: [q('on Monday')] });
    a.claim({ label: 'Eve: never again', claimKind: 'statement', statedIn: [q('Eve said "never again"')] });
    a.person({ label: 'Ann', statedIn: [q('Ann wrote')] });
    const report = coverage(a.dataset());
    expect(report.uncovered).toEqual([]);
    expect(report.quotes).toBe(3);
    expect(report.uncoveredQuotes).toEqual([{ n: 3, text: 'no comment' }]);
    expect(formatCoverage([report])).toBe('cov-quotes: 3 sentences, 0 uncovered; 3 quoted passages, 1 uncovered\n  quote in sentence 3: "no comment"\n');

    const long = article({ name: 'cov-long', source: 'tests/fixtures/x.txt', date: '2025-01-02', title: 't', module: import.meta.url, text: `${'word '.repeat(30)}end.` });
    expect(formatCoverage([coverage(long.dataset())])).toContain(`  sentence 1: ${'word '.repeat(16)}…\n`);
  });

  it('a claim stated in a span that does not hold the quoted passage does not cover it', () => {
    const a = article({ name: 'cov-range', source: 'tests/fixtures/x.txt', date: '2025-01-02', title: 't', module: import.meta.url, text: 'Eve said "never again" later.' });
    a.claim({ label: 'Eve said something', claimKind: 'statement', statedIn: [a.quote('Eve said')] });
    expect(coverage(a.dataset()).uncoveredQuotes).toEqual([{ n: 1, text: 'never again' }]);
  });
});

describe('kg coverage', () => {
  /** The registered articles' reports (the module mock adds cov-test after them). */
  const registered = ARTICLES.filter((a) => a.name !== 'cov-test').map((a) => coverage(a));

  it('exits 1 while anything is uncovered, listing it', async () => {
    const r = await runCli(['coverage']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe([
      ...registered.map((a) => `${a.name}: ${a.sentences} sentences, 0 uncovered; ${a.quotes} quoted passages, 0 uncovered`),
      'cov-test: 2 sentences, 1 uncovered; 0 quoted passages, 0 uncovered',
      '  sentence 2: The weather was fine all week.',
      '',
    ].join('\n'));
  });

  it('exits 0 when the named articles are covered', async () => {
    const r = await runCli(['coverage', ...registered.map((a) => a.name)]);
    expect(r).toMatchObject({ code: 0, stdout: formatCoverage(registered) });
  });

  it('exits 2 on an unknown name, listing the known ones', async () => {
    const r = await runCli(['coverage', registered[0]?.name ?? '', 'article-999']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`no article is named "article-999": the articles are ${[...registered.map((a) => a.name), 'cov-test'].join(', ')}`);
  });
});
