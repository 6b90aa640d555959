// Splits the plain text of a news article into its dateline, headings and body sentences, with exact UTF-16 offsets, for numbering sentences.

/** One part of an article text: its kind, its exact text and its offsets in UTF-16 code units into the whole text (text.slice(start, end) === part.text). */
export interface TextPart {
  readonly kind: 'dateline' | 'heading' | 'sentence';
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** A half-open range [start, end) of UTF-16 code units. */
type Range = [start: number, end: number];

/** The ICU sentence segmenter, made on first use (loading its break rules costs a few milliseconds at start-up). */
let sentenceSegmenter: Intl.Segmenter | undefined;

/** Words ending in a full stop after which a sentence does not end. */
const ABBREVIATIONS = new Set([
  'Mr.', 'Mrs.', 'Ms.', 'Dr.', 'Gen.', 'Lt.', 'Col.', 'Sgt.', 'Capt.', 'Gov.', 'Sen.', 'Rep.', 'Prof.', 'St.', 'Jr.', 'Sr.',
  'U.S.', 'U.N.', 'U.K.', 'E.U.', 'a.m.', 'p.m.', 'No.', 'vs.', 'etc.', 'Inc.', 'Corp.', 'Ltd.', 'Co.',
  'Jan.', 'Feb.', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.',
]);

/** Sentence-final punctuation, optionally followed by closing quotes or brackets, at the end of a text. */
const SENTENCE_END = /[.!?][”"’')]*$/u;
/** The dateline form of the project's sources: `date 2025-04-04`. */
const DATE_DATELINE = /^date \d{4}-\d{2}-\d{2}(?=\s|$)/u;
/** A wire-service dateline: `WASHINGTON, March 3 (Reuters) -`, `LONDON (AP) —`, `DAKAR, Senegal (AP) —`, `NIAMEY, Niger, May 9 (Reuters) -`. */
const AGENCY_DATELINE = /^\p{Lu}[\p{Lu}.'’-]*(?: \p{Lu}[\p{Lu}.'’-]*)*(?:, \p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*)*)?(?:, \p{Lu}\p{Ll}+\.? \d{1,2})? \(\p{Lu}[\p{L}.&' -]*\) ?[-–—](?=\s|$)/u;
/** One line of text: a maximal run without line breaks. */
const LINE = /[^\r\n\u2028\u2029]+/gu;

const isSpace = (ch: string | undefined): boolean => ch !== undefined && /\s/u.test(ch);
const isWordChar = (ch: string | undefined): boolean => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

/** The range [start, end) of text with white space trimmed off both ends, or null if nothing is left. */
function trim(text: string, start: number, end: number): Range | null {
  while (start < end && isSpace(text[start])) start++;
  while (end > start && isSpace(text[end - 1])) end--;
  return start < end ? [start, end] : null;
}

/** Quoted passages inside a text (“…”, "…", ‘…’ but never apostrophes such as Mali’s or Moscow's), each with UTF-16 offsets relative to the given text, the quotation marks excluded. */
export function quotedPassages(text: string): Array<{ text: string; start: number; end: number }> {
  const open: Array<{ mark: string; at: number }> = [];
  const found: Array<{ text: string; start: number; end: number }> = [];
  /** Closes the innermost open passage that opened with `opener`, dropping unbalanced marks inside it; false if none is open. */
  const close = (opener: string, at: number): boolean => {
    const i = open.map((o) => o.mark).lastIndexOf(opener);
    if (i < 0) return false;
    const start = open[i]!.at + 1;
    open.length = i;
    if (at > start) found.push({ text: text.slice(start, at), start, end: at });
    return true;
  };
  for (let at = 0; at < text.length; at++) {
    const ch = text[at]!;
    const before = text[at - 1];
    const after = text[at + 1];
    // A mark opens after no letter or digit and before a non-space; a single mark with a letter or digit after it never
    // closes, so apostrophes (Mali’s, Moscow's) are skipped, and a ’ or ' with nothing open to close is a possessive (countries').
    const canOpen = !isWordChar(before) && after !== undefined && !isSpace(after);
    if (ch === '“' || ch === '‘') open.push({ mark: ch, at });
    else if (ch === '”') close('“', at);
    else if (ch === '"') {
      if (!close('"', at) && canOpen) open.push({ mark: '"', at });
    } else if (ch === '’' && !isWordChar(after)) close('‘', at);
    else if (ch === "'") {
      if (isWordChar(after)) {
        if (canOpen) open.push({ mark: "'", at });
      } else if (!isSpace(before)) close("'", at);
    }
  }
  return found.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Whether the sentence break between the ranges `prev` and `next` of `line` is a false one that news text needs undone. */
function joins(line: string, prev: Range, next: Range, passages: ReadonlyArray<{ start: number; end: number }>): boolean {
  const before = line.slice(prev[0], prev[1]);
  const lastWord = before.slice(before.search(/\S*$/u)).replace(/^[(\[“"‘']+/u, '');
  if (ABBREVIATIONS.has(lastWord)) return true; // Mr. Smith, the U.S. Army
  if (/^\p{Lu}\.$/u.test(lastWord)) return true; // an initial: John F. Kennedy
  if (/^\p{Ll}/u.test(line.slice(next[0], next[1]))) return true; // “Stop!” he said.
  return passages.some((p) => p.start <= prev[1] && next[0] <= p.end); // inside a quotation
}

/** The trimmed sentence ranges of the line text[start, end), in UTF-16 offsets into the whole text, after the news fix-ups. */
function sentenceRanges(text: string, start: number, end: number): Range[] {
  const line = text.slice(start, end);
  const passages = quotedPassages(line);
  const ranges: Range[] = [];
  sentenceSegmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
  for (const { index, segment } of sentenceSegmenter.segment(line)) {
    const range = trim(line, index, index + segment.length);
    if (range === null) continue;
    const prev = ranges.at(-1);
    if (prev !== undefined && joins(line, prev, range, passages)) prev[1] = range[1];
    else ranges.push(range);
  }
  return ranges.map(([s, e]): Range => [start + s, start + e]);
}

/**
 * Splits an article into its dateline (at most one: at the start of the first line that is not a heading, so a headline
 * may precede it), headings (lines without sentence-final punctuation standing alone) and body sentences, in reading
 * order, each a TextPart with UTF-16 code-unit offsets into `text`.
 */
export function segmentArticle(text: string): TextPart[] {
  const parts: TextPart[] = [];
  const add = (kind: TextPart['kind'], [start, end]: Range): void => {
    parts.push({ kind, text: text.slice(start, end), start, end });
  };
  let datelineSeen = false;
  for (const line of text.matchAll(LINE)) {
    let start = line.index;
    const end = start + line[0].length;
    let standsAlone = true;
    if (!datelineSeen) {
      const lead = line[0].search(/\S/u);
      if (lead < 0) continue;
      const rest = line[0].slice(lead);
      const dateline = DATE_DATELINE.exec(rest) ?? AGENCY_DATELINE.exec(rest);
      if (dateline !== null) {
        add('dateline', [start + lead, start + lead + dateline[0].length]);
        start += lead + dateline[0].length;
        datelineSeen = true;
        standsAlone = false; // the rest of the dateline's own line is body text, never a heading
      }
    }
    const ranges = sentenceRanges(text, start, end);
    const only = ranges.length === 1 ? ranges[0]! : undefined;
    if (standsAlone && only !== undefined && !SENTENCE_END.test(text.slice(only[0], only[1]))) add('heading', only);
    else {
      if (ranges.length > 0) datelineSeen = true;
      for (const range of ranges) add('sentence', range);
    }
  }
  return parts;
}
