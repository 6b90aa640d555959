// A dataset: the entities taken from one source document, and a builder for its sentences and text spans.
import type { Entity, EntityOfType } from '../model/classes.js';
import type { LangString } from '../model/schema.js';
import { foldToAscii } from './slug.js';
import { codePointLength, codePointOffset, occursTwice, sliceCodePoints, utf16Index } from './text.js';

/** One dataset: a name (its output file is `<name>.ttl`), a title, and its entities. */
export interface Dataset {
  readonly name: string;
  readonly title: string;
  readonly entities: readonly Entity[];
  /** Where the entities came from, for the header of the output (default: src/data/). */
  readonly origin?: string;
  /** The module that declared the dataset, relative to the project root (for error messages). */
  readonly module?: string;
  /** Where each entity was declared (`module:line:column`), by id, so that a problem the checks find names the author's line. */
  readonly origins?: ReadonlyMap<string, string>;
}

/** An English language-tagged string. */
export function en(value: string): LangString {
  return { value, lang: 'en' };
}

/** How many code points of context a span records before and after a quote that occurs more than once in the text. */
const CONTEXT = 24;

/** Joins words with hyphens while the result stays within `max` characters. */
function joinWords(words: readonly string[], max: number): string {
  let out = '';
  for (const w of words) {
    if ((out ? out.length + 1 : 0) + w.length > max) break;
    out = out ? `${out}-${w}` : w;
  }
  return out;
}

/** Slugs already made from quotes (the same quotes recur across articles); cleared when it grows past SLUG_CACHE entries. */
const SLUGS = new Map<string, string>();
const SLUG_CACHE = 4096;

/** A readable id fragment from a quote: its words joined by hyphens; a long quote keeps its first and last words (`head--tail`). */
export function slugOf(text: string): string {
  let slug = SLUGS.get(text);
  if (slug === undefined) {
    if (SLUGS.size >= SLUG_CACHE) SLUGS.clear();
    SLUGS.set(text, (slug = computeSlug(text)));
  }
  return slug;
}

/** slugOf without the cache. */
function computeSlug(text: string): string {
  const words = foldToAscii(text).replace(/['’]/g, '').split(/[^a-z0-9]+/).filter(Boolean).map((w) => w.slice(0, 24));
  const all = words.join('-');
  if (all.length <= 48) return all || 'span';
  const head = joinWords(words, 30);
  const tail = joinWords([...words].reverse(), 16).split('-').reverse().join('-');
  return `${head}--${tail}`;
}

/** One registered body sentence: its code-point offsets, the UTF-16 index where it starts, and its text. */
interface SentenceRange {
  readonly start: number;
  readonly end: number;
  readonly unit: number;
  readonly exact: string;
}

/** The id of body sentence `n` under a builder's tag: `span/<tag>sentence-NN`. */
function sentenceId(tag: string, n: number): string {
  return `span/${tag}sentence-${n < 10 ? `0${n}` : String(n)}`;
}

/** Builds the text spans of one source text: numbered body sentences, and quotes located inside a given sentence. */
export class SpanBuilder {
  readonly spans: Array<EntityOfType<'TextSpan'>> = [];
  private readonly sentenceRanges: SentenceRange[] = [];
  private readonly byId = new Map<string, EntityOfType<'TextSpan'>>();

  private readonly tag: string;

  /** Starts a builder for the document `docId` whose text is `text`; every span id is `span/<namespace>/…`, so two documents' spans never collide. */
  constructor(private readonly docId: string, private readonly text: string, namespace: string) {
    if (!/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/.test(namespace)) throw new Error(`span namespace ${JSON.stringify(namespace)} must be lower-case letters, digits and hyphens`);
    this.tag = `${namespace}/`;
  }

  /** Registers the body sentences in reading order; each becomes `span/<namespace>/sentence-NN`. */
  sentences(sentences: readonly string[]): void {
    let from = 0;
    for (let i = 0; i < sentences.length; i++) {
      const sentence = sentences[i] as string;
      const at = this.text.indexOf(sentence, from);
      if (at < 0) throw new Error(`sentence ${i + 1} not found in the source text after offset ${from}: ${JSON.stringify(sentence)}`);
      from = at + sentence.length;
      const start = codePointOffset(this.text, at);
      const end = start + codePointLength(sentence);
      const span = this.push(sentenceId(this.tag, i + 1), start, end, undefined, i + 1);
      this.sentenceRanges.push({ start, end, unit: utf16Index(this.text, start), exact: span.quote.exact });
    }
  }

  /** The id of sentence `n` (counting from 1). */
  sentence(n: number): string {
    if (!this.sentenceRanges[n - 1]) throw new Error(`there is no sentence ${n}`);
    return sentenceId(this.tag, n);
  }

  /** Registers (once) the span of a quote inside sentence `n` and returns its id, `span/<namespace>/sNN-<slug>`. */
  quote(n: number, exact: string): string {
    const range = this.sentenceRanges[n - 1];
    if (!range) throw new Error(`there is no sentence ${n}`);
    const sentence = range.exact;
    const at = sentence.indexOf(exact);
    if (at < 0) throw new Error(`quote ${JSON.stringify(exact)} not found in sentence ${n}`);
    if (sentence.indexOf(exact, at + 1) >= 0) throw new Error(`quote ${JSON.stringify(exact)} occurs twice in sentence ${n}: quote more of it`);
    // The sentence starts on a code-point boundary of the text, so offsets inside it are offsets in the text.
    const start = codePointOffset(this.text, range.unit + at);
    const id = `span/${this.tag}s${n < 10 ? `0${n}` : String(n)}-${slugOf(exact)}`;
    const existing = this.byId.get(id);
    if (existing) {
      if (existing.position.start !== start || existing.quote.exact !== exact) throw new Error(`span id ${id} would name two different spans: quote more or less of one`);
      return id;
    }
    this.push(id, start, start + codePointLength(exact), this.sentence(n), undefined);
    return id;
  }

  /** Registers (once) the span of a quote outside the body sentences (e.g. the dateline), which must occur once in the text. */
  outsideBody(name: string, exact: string): string {
    const at = this.text.indexOf(exact);
    if (at < 0 || this.text.indexOf(exact, at + 1) >= 0) throw new Error(`quote ${JSON.stringify(exact)} must occur exactly once in the text`);
    const start = codePointOffset(this.text, at);
    const id = `span/${this.tag}${name}`;
    if (!this.byId.has(id)) this.push(id, start, start + codePointLength(exact), undefined, undefined);
    return id;
  }

  private push(id: string, start: number, end: number, sentence: string | undefined, sentenceNumber: number | undefined): EntityOfType<'TextSpan'> {
    const span = textSpan(this.docId, this.text, id, start, end, sentence, sentenceNumber);
    this.spans.push(span);
    if (!this.byId.has(id)) this.byId.set(id, span);
    return span;
  }
}

/**
 * The text span `id` of document `docId` covering code points `start`..`end` of `text`; a quote that occurs more than
 * once in the text also records up to 24 code points of context before and after it (Web Annotation prefix/suffix).
 */
export function textSpan(docId: string, text: string, id: string, start: number, end: number, sentence?: string, sentenceNumber?: number): EntityOfType<'TextSpan'> {
  const exact = sliceCodePoints(text, start, end);
  if (exact === undefined) throw new Error(`span ${id}: offsets ${start}..${end} fall outside the text`);
  const quote: { exact: string; prefix?: string; suffix?: string } = { exact };
  if (occursTwice(text, exact)) {
    const prefix = sliceCodePoints(text, Math.max(0, start - CONTEXT), start);
    const suffix = sliceCodePoints(text, end, Math.min(codePointLength(text), end + CONTEXT));
    if (prefix) quote.prefix = prefix;
    if (suffix) quote.suffix = suffix;
  }
  const span: { -readonly [K in keyof EntityOfType<'TextSpan'>]: EntityOfType<'TextSpan'>[K] } = { type: 'TextSpan', id, source: docId, quote, position: { start, end } };
  if (sentence) span.sentence = sentence;
  if (sentenceNumber) span.sentenceNumber = sentenceNumber;
  return span;
}
