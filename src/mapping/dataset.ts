// A dataset: the entities taken from one source document, and a builder for its sentences and text spans.
import type { Entity, EntityOfType } from '../model/classes.js';
import type { LangString } from '../model/schema.js';
import { foldToAscii } from './slug.js';
import { codePointLength, countOccurrences, sliceCodePoints } from './text.js';

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

/** A readable id fragment from a quote: its words joined by hyphens; a long quote keeps its first and last words (`head--tail`). */
export function slugOf(text: string): string {
  const words = foldToAscii(text).replace(/['’]/g, '').split(/[^a-z0-9]+/).filter(Boolean).map((w) => w.slice(0, 24));
  const all = words.join('-');
  if (all.length <= 48) return all || 'span';
  const head = joinWords(words, 30);
  const tail = joinWords([...words].reverse(), 16).split('-').reverse().join('-');
  return `${head}--${tail}`;
}

/** Builds the text spans of one source text: numbered body sentences, and quotes located inside a given sentence. */
export class SpanBuilder {
  readonly spans: Array<EntityOfType<'TextSpan'>> = [];
  private readonly sentenceRanges: Array<{ start: number; end: number }> = [];

  private readonly tag: string;

  /** Starts a builder for the document `docId` whose text is `text`; every span id is `span/<namespace>/…`, so two documents' spans never collide. */
  constructor(private readonly docId: string, private readonly text: string, namespace: string) {
    if (!/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/.test(namespace)) throw new Error(`span namespace ${JSON.stringify(namespace)} must be lower-case letters, digits and hyphens`);
    this.tag = `${namespace}/`;
  }

  /** Registers the body sentences in reading order; each becomes `span/<namespace>/sentence-NN`. */
  sentences(sentences: readonly string[]): void {
    let from = 0;
    sentences.forEach((sentence, i) => {
      const at = this.text.indexOf(sentence, from);
      if (at < 0) throw new Error(`sentence ${i + 1} not found in the source text after offset ${from}: ${JSON.stringify(sentence)}`);
      from = at + sentence.length;
      const start = codePointLength(this.text.slice(0, at));
      const end = start + codePointLength(sentence);
      this.sentenceRanges.push({ start, end });
      this.push(`span/${this.tag}sentence-${String(i + 1).padStart(2, '0')}`, sentence, start, end, undefined, i + 1);
    });
  }

  /** The id of sentence `n` (counting from 1). */
  sentence(n: number): string {
    if (!this.sentenceRanges[n - 1]) throw new Error(`there is no sentence ${n}`);
    return `span/${this.tag}sentence-${String(n).padStart(2, '0')}`;
  }

  /** Registers (once) the span of a quote inside sentence `n` and returns its id, `span/<namespace>/sNN-<slug>`. */
  quote(n: number, exact: string): string {
    const range = this.sentenceRanges[n - 1];
    if (!range) throw new Error(`there is no sentence ${n}`);
    const sentence = sliceCodePoints(this.text, range.start, range.end) ?? '';
    const at = sentence.indexOf(exact);
    if (at < 0) throw new Error(`quote ${JSON.stringify(exact)} not found in sentence ${n}`);
    if (sentence.indexOf(exact, at + 1) >= 0) throw new Error(`quote ${JSON.stringify(exact)} occurs twice in sentence ${n}: quote more of it`);
    const start = range.start + codePointLength(sentence.slice(0, at));
    const id = `span/${this.tag}s${String(n).padStart(2, '0')}-${slugOf(exact)}`;
    const existing = this.spans.find((s) => s.id === id);
    if (existing) {
      if (existing.position.start !== start || existing.quote.exact !== exact) throw new Error(`span id ${id} would name two different spans: quote more or less of one`);
      return id;
    }
    this.push(id, exact, start, start + codePointLength(exact), this.sentence(n), undefined);
    return id;
  }

  /** Registers (once) the span of a quote outside the body sentences (e.g. the dateline), which must occur once in the text. */
  outsideBody(name: string, exact: string): string {
    const at = this.text.indexOf(exact);
    if (at < 0 || this.text.indexOf(exact, at + 1) >= 0) throw new Error(`quote ${JSON.stringify(exact)} must occur exactly once in the text`);
    const start = codePointLength(this.text.slice(0, at));
    const id = `span/${this.tag}${name}`;
    if (!this.spans.some((s) => s.id === id)) this.push(id, exact, start, start + codePointLength(exact), undefined, undefined);
    return id;
  }

  private push(id: string, exact: string, start: number, end: number, sentence: string | undefined, sentenceNumber: number | undefined): void {
    this.spans.push(textSpan(this.docId, this.text, id, start, end, sentence, sentenceNumber));
  }
}

/**
 * The text span `id` of document `docId` covering code points `start`..`end` of `text`; a quote that occurs more than
 * once in the text also records up to 24 code points of context before and after it (Web Annotation prefix/suffix).
 */
export function textSpan(docId: string, text: string, id: string, start: number, end: number, sentence?: string, sentenceNumber?: number): EntityOfType<'TextSpan'> {
  const exact = sliceCodePoints(text, start, end);
  if (exact === undefined) throw new Error(`span ${id}: offsets ${start}..${end} fall outside the text`);
  const ambiguous = countOccurrences(text, exact) > 1;
  const prefix = ambiguous ? sliceCodePoints(text, Math.max(0, start - CONTEXT), start) : undefined;
  const suffix = ambiguous ? sliceCodePoints(text, end, Math.min(codePointLength(text), end + CONTEXT)) : undefined;
  return {
    type: 'TextSpan',
    id,
    source: docId,
    quote: { exact, ...(prefix ? { prefix } : {}), ...(suffix ? { suffix } : {}) },
    position: { start, end },
    ...(sentence ? { sentence } : {}),
    ...(sentenceNumber ? { sentenceNumber } : {}),
  };
}
