// Finding an author's quote in an article by its words alone, and explaining a near miss (quotes, spaces, a letter).

/** A part of the article a quote may fall in: its kind, its sentence number (body sentences) and UTF-16 offsets. */
export interface QuoteUnit {
  readonly kind: 'dateline' | 'heading' | 'sentence';
  readonly number?: number;
  readonly start: number;
  readonly end: number;
}

/** Where a quote was found: the unit holding it and its UTF-16 offset in the whole text. */
export interface QuoteHit {
  readonly unit: QuoteUnit;
  readonly at: number;
}

const describeUnit = (u: QuoteUnit): string => (u.kind === 'sentence' ? `sentence ${u.number}` : u.kind);

/**
 * Finds `words` in exactly one unit of `text` (in sentence `within` when given) and exactly once there, never inside a longer word.
 * Returns the hit, or a message saying what went wrong: no such words (with the nearest passage and its likely
 * cause), words in several units (which ones), or twice in one unit.
 */
export function findQuote(text: string, units: readonly QuoteUnit[], words: string, within?: number): QuoteHit | { readonly error: string } {
  if (words === '') return { error: 'an empty quote: quote the words of the article' };
  const candidates = within === undefined ? units : units.filter((u) => u.kind === 'sentence' && u.number === within);
  if (within !== undefined && candidates.length === 0) return { error: `there is no sentence ${within} (the article has ${units.filter((u) => u.kind === 'sentence').length})` };
  const hits: QuoteHit[] = [];
  const twice: QuoteUnit[] = [];
  for (const unit of candidates) {
    const found = occurrencesIn(text.slice(unit.start, unit.end), words);
    if (found.length === 0) continue;
    hits.push({ unit, at: unit.start + (found[0] as number) });
    if (found.length > 1) twice.push(unit);
  }
  if (hits.length === 1 && twice.length === 0) return hits[0] as QuoteHit;
  if (twice.length > 0) return { error: `${JSON.stringify(words)} occurs more than once in ${describeUnit(twice[0] as QuoteUnit)}: quote more words around it` };
  if (hits.length > 1) {
    const where = hits.map((h) => describeUnit(h.unit)).join(', ');
    const first = hits.find((h) => h.unit.kind === 'sentence')?.unit.number;
    return { error: `${JSON.stringify(words)} occurs in ${where}: quote more words, or name the sentence, e.g. quote(${JSON.stringify(words)}, ${first ?? 1})` };
  }
  const scope = within === undefined ? 'the article' : `sentence ${within}`;
  const inText = within !== undefined ? (occurrencesIn(text, words)[0] ?? -1) : -1;
  if (inText >= 0) {
    const elsewhere = units.find((u) => u.start <= inText && inText < u.end);
    return { error: `${JSON.stringify(words)} is not in ${scope} but in ${elsewhere ? describeUnit(elsewhere) : 'the text outside its sentences'}` };
  }
  const scopeText = candidates.map((u) => text.slice(u.start, u.end)).join('\n');
  return { error: `${JSON.stringify(words)} is not in ${scope}${nearMiss(scopeText, words)}` };
}

const WORD = /[\p{L}\p{N}]/u;

/** The offsets of `words` in `text` that do not cut a word in two (`Russia` is not found inside `Russian`). */
function occurrencesIn(text: string, words: string): number[] {
  const out: number[] = [];
  const startsWord = WORD.test(words.charAt(0));
  const endsWord = WORD.test(words.charAt(words.length - 1));
  for (let at = text.indexOf(words); at >= 0; at = text.indexOf(words, at + 1)) {
    if (startsWord && at > 0 && WORD.test(text.charAt(at - 1))) continue;
    if (endsWord && WORD.test(text.charAt(at + words.length))) continue;
    out.push(at);
  }
  return out;
}

/** Straight quotes and apostrophes for their typographic forms, single spaces for runs of white space. */
function loosen(s: string): string {
  return s.replace(/[‘’ʼ′]/g, "'").replace(/[“”„″]/g, '"').replace(/[‐‑‒–—]/g, '-').replace(/\s+/g, ' ');
}

/** `; nearest passage: "…" (likely cause: …)`, or an empty string when nothing comes close. */
export function nearMiss(text: string, words: string): string {
  const loose = loosen(words);
  const looseText = loosen(text);
  const at = looseText.toLowerCase().indexOf(loose.toLowerCase());
  if (at >= 0) {
    const passage = looseText.slice(at, at + loose.length);
    const original = findOriginal(text, passage);
    const causes: string[] = [];
    if (loosen(words) !== words.replace(/\s+/g, ' ') || /[‘’“”'"]/.test(original)) causes.push('curly vs straight quotes or apostrophes');
    if (/\s{2,}|\n/.test(words) || /\s{2,}|\n/.test(original)) causes.push('a double space or a line break');
    if (passage !== loose) causes.push('upper vs lower case');
    return `; nearest passage: ${JSON.stringify(original)} (likely cause: ${causes.join(', ') || 'typographic characters'})`;
  }
  const best = closestWindow(text, words);
  if (!best) return '';
  const cause = best.distance === 1
    ? best.passage.length > words.length ? 'a missing letter' : best.passage.length < words.length ? 'an extra letter' : 'one letter differs'
    : `${best.distance} letters differ`;
  return `; nearest passage: ${JSON.stringify(best.passage)} (likely cause: ${cause})`;
}

/** The passage of `text` that loosens to `passage` (the original characters, curly quotes and all). */
function findOriginal(text: string, passage: string): string {
  for (let i = 0; i < text.length; i++) {
    for (let j = i + 1; j <= Math.min(text.length, i + passage.length * 2 + 4); j++) {
      if (loosen(text.slice(i, j)).toLowerCase() === passage.toLowerCase()) return text.slice(i, j);
    }
  }
  return passage;
}

/** The window of `text` closest to `words` in edit distance (at most a third of its length), if any. */
function closestWindow(text: string, words: string): { passage: string; distance: number } | undefined {
  const n = words.length;
  if (n === 0 || n > 400) return undefined;
  const limit = Math.max(1, Math.floor(n / 3));
  let best: { passage: string; distance: number } | undefined;
  for (let len = Math.max(1, n - 2); len <= n + 2; len++) {
    for (let i = 0; i + len <= text.length; i++) {
      const passage = text.slice(i, i + len);
      if (passage[0] !== words[0] && passage[len - 1] !== words[n - 1]) continue;
      const d = editDistance(passage, words, best ? Math.min(best.distance, limit) : limit);
      if (d <= limit && (!best || d < best.distance)) best = { passage, distance: d };
    }
  }
  return best;
}

/** Levenshtein distance, or `cap + 1` as soon as it must exceed `cap`. */
function editDistance(a: string, b: string, cap: number): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let min = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
      row.push(v);
      if (v < min) min = v;
    }
    if (min > cap) return cap + 1;
    prev = row;
  }
  return prev[b.length] as number;
}
