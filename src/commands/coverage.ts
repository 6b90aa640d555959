// `kg coverage`: the body sentences and quoted passages of an article that no fact or claim of it is stated in.
import type { EntityOfType } from '../model/classes.js';
import type { ArticleDataset } from '../authoring/kit.js';
import { quotedPassages } from '../authoring/segment.js';
import { UsageError } from '../errors.js';
import type { LangString } from '../model/schema.js';
import { codePointLength } from '../mapping/text.js';

/** A sentence or quoted passage left uncovered: the number of its body sentence (from 1) and its text (a passage without its quotation marks). */
export interface Uncovered {
  readonly n: number;
  readonly text: string;
}

/** The coverage of one article: how many body sentences and quoted passages it has, and which of them are uncovered. */
export interface Coverage {
  readonly name: string;
  readonly sentences: number;
  readonly uncovered: Uncovered[];
  readonly quotes: number;
  readonly uncoveredQuotes: Uncovered[];
}

type Span = EntityOfType<'TextSpan'>;

/**
 * The coverage of an article dataset (as its module declares it, `contributions` included): body sentence n is
 * covered when the `statedIn` of some fact or claim (an event, claim or proposition, or any entity, shared ones
 * included, whose `statedIn` is not empty) holds its span or a span within it; a quoted passage of a sentence is
 * covered when some claim's `verbatim` contains its text or one of the claim's `statedIn` spans contains its code-point range.
 * @throws Error when a sentence span the dataset lists is not among its entities.
 */
export function coverage(dataset: ArticleDataset): Coverage {
  const spans = new Map<string, Span>();
  for (const e of dataset.entities) if (e.type === 'TextSpan') spans.set(e.id, e);
  // The statedIn of each entity, the article's contributions merged in (as `assemble` merges them). Events, claims and
  // propositions count whatever their statedIn, and any other entity only when its statedIn is not empty: either way,
  // only entities with a statedIn can cover anything, so the spans that cover are all the statedIn spans.
  const statedIn = new Map<string, string[]>();
  const add = (id: string, list: readonly string[]): void => {
    const all = statedIn.get(id) ?? [];
    for (const s of list) if (!all.includes(s)) all.push(s);
    statedIn.set(id, all);
  };
  for (const e of dataset.entities) if (e.type !== 'TextSpan') add(e.id, (e as { statedIn?: readonly string[] }).statedIn ?? []);
  for (const [id, c] of dataset.contributions) add(id, c.statedIn);
  const factSpans = new Set([...statedIn.values()].flat());
  const claims = dataset.entities.filter((e): e is EntityOfType<'Claim'> => e.type === 'Claim');
  const verbatims = claims.flatMap((c) => (c.verbatim ?? []).map((v: LangString) => v.value));
  const claimRanges = claims.flatMap((c) => (statedIn.get(c.id) ?? []).flatMap((id) => {
    const span = spans.get(id);
    return span ? [span.position] : [];
  }));

  const sentenceOf = new Set<string>();
  for (const id of factSpans) sentenceOf.add(spans.get(id)?.sentence ?? id);
  const uncovered: Uncovered[] = [];
  const uncoveredQuotes: Uncovered[] = [];
  let quotes = 0;
  dataset.sentenceSpans.forEach((id, i) => {
    const n = i + 1;
    const span = spans.get(id);
    if (!span) throw new Error(`${dataset.name}: sentence ${n} names the span ${id}, which the dataset does not hold`);
    const text = span.quote.exact;
    if (!sentenceOf.has(id)) uncovered.push({ n, text });
    for (const p of quotedPassages(text)) {
      quotes++;
      const start = span.position.start + codePointLength(text.slice(0, p.start));
      const end = start + codePointLength(p.text);
      const covered = verbatims.some((v) => v.includes(p.text)) || claimRanges.some((r) => r.start <= start && end <= r.end);
      if (!covered) uncoveredQuotes.push({ n, text: p.text });
    }
  });
  return { name: dataset.name, sentences: dataset.sentenceSpans.length, uncovered, quotes, uncoveredQuotes };
}

/** Whether anything in a coverage report is uncovered. */
export function hasGaps(report: Coverage): boolean {
  return report.uncovered.length > 0 || report.uncoveredQuotes.length > 0;
}

/** The first `max` code points of a text, with an ellipsis when cut. */
function cut(text: string, max = 80): string {
  const points = [...text];
  return points.length > max ? `${points.slice(0, max).join('')}…` : text;
}

/** `n thing` or `n things`. */
function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A coverage report as text: one summary line per article, then one indented line per uncovered sentence or passage (each line ends with a newline). */
export function formatCoverage(reports: readonly Coverage[]): string {
  const lines: string[] = [];
  for (const r of reports) {
    lines.push(`${r.name}: ${count(r.sentences, 'sentence', 'sentences')}, ${r.uncovered.length} uncovered; `
      + `${count(r.quotes, 'quoted passage', 'quoted passages')}, ${r.uncoveredQuotes.length} uncovered`);
    for (const u of r.uncovered) lines.push(`  sentence ${u.n}: ${cut(u.text)}`);
    for (const u of r.uncoveredQuotes) lines.push(`  quote in sentence ${u.n}: "${cut(u.text)}"`);
  }
  return lines.map((l) => `${l}\n`).join('');
}

/**
 * The articles named (all of them, in registry order, when no name is given), each once.
 * @throws UsageError listing the known names when a name is not an article's.
 */
export function selectArticles(articles: readonly ArticleDataset[], names: readonly string[]): ArticleDataset[] {
  if (names.length === 0) return [...articles];
  const unknown = names.filter((n) => !articles.some((a) => a.name === n));
  if (unknown.length) {
    throw new UsageError(`no article is named ${unknown.map((n) => JSON.stringify(n)).join(', ')}: the articles are ${articles.map((a) => a.name).join(', ') || '(none)'} (a module added since the last build is not seen: npm run -s build)`);
  }
  return articles.filter((a) => names.includes(a.name));
}
