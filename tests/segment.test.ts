// The article segmenter: the real article's dateline, headings and 13 sentences, each news fix-up on a short example, and quoted passages.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { quotedPassages, segmentArticle, type TextPart } from '../src/authoring/segment.js';
import { projectPath } from '../src/project.js';

/** Every part is non-empty, trimmed, the exact slice its offsets name, and after the one before it. */
function expectExactParts(text: string, parts: readonly TextPart[]): void {
  let previousEnd = 0;
  for (const p of parts) {
    expect(text.slice(p.start, p.end)).toBe(p.text);
    expect(p.text.length).toBeGreaterThan(0);
    expect(p.text.trim()).toBe(p.text);
    expect(p.start).toBeGreaterThanOrEqual(previousEnd);
    previousEnd = p.end;
  }
  expect(parts.filter((p) => p.kind === 'dateline').length).toBeLessThanOrEqual(1);
  const at = parts.findIndex((p) => p.kind === 'dateline');
  if (at >= 0) expect(parts.slice(0, at).every((p) => p.kind === 'heading'), 'only headings come before a dateline').toBe(true);
}

/** The parts of a text as [kind, text] pairs, after checking their offsets. */
function kindsAndTexts(text: string): Array<[TextPart['kind'], string]> {
  const parts = segmentArticle(text);
  expectExactParts(text, parts);
  return parts.map((p) => [p.kind, p.text]);
}

// ---- The project's real article ----------------------------------------------------------------------------------

describe('the real article 000', () => {
  const text = readFileSync(projectPath('src/data/sources/000_bb2e1ba8c6e08444.txt'), 'utf8');
  const parts = segmentArticle(text);
  // Copied from the b.sentences([...]) list in src/data/article-000.ts.
  const SENTENCES = [
    'Russia discussed ways to boost military ties with the Sahel countries, promising to train their troops and supply weapons as it seeks to expand its clout in West African countries that have expelled French forces.',
    "Russia's Foreign Minister Sergey Lavrov said on Thursday after the talks with his counterparts from Mali, Burkina Faso, and Niger that Moscow stands ready to help strengthen their military and security forces.",
    "“I emphasised Moscow's readiness to help expand the potential of the united armed forces of Sahel, strengthen the combat capability of the three countries' militaries and train their troops and law enforcement personnel,” Lavrov said, adding that Russia could also provide military equipment.",
    "Russia's top diplomat also accused Ukraine of destabilising the region, declaring, without offering any evidence, that it \"openly supports terrorist groups in this part of Africa while its Western sponsors turn a blind eye on it.\"",
    "Mali’s Foreign Minister Abdoulaye Diop echoed Lavrov's comments, stating that his country views Ukraine as a “terrorist state.”",
    '"We have common views on fighting insecurity and terrorism in our region, which is supported by foreign state sponsors and regional actors," he said.',
    'Mali’s government cut diplomatic ties with Ukraine last year over allegations that Kiev aided an attack by armed groups in northern Mali in July, in which dozens of Russian mercenaries and Malian soldiers were killed by militants and rebels, in what some observers described as one of the largest losses for the Russian contractors in years.',
    'A spokesperson for Ukrainian military intelligence said at the time that armed groups in Mali had received information from Kiev to launch the attack.',
    'Ukraine\'s Foreign Ministry argued, however, that Mali had cut ties without a thorough review of the situation and without providing evidence of the country’s involvement in the attack.',
    'Ties between Sahel countries and the West have become increasingly strained.',
    'Following military coups in Mali, Burkina Faso and Niger in recent years, the ruling juntas have expelled French and US forces, and turned to Russian military contractors for security assistance.',
    "Russian military contractors have been active in the Sahel, the vast expanse south of the Sahara Desert, profiting from the region's mineral riches in exchange for their security services.",
    'Lavrov noted on Thursday that Russia will help the Sahel countries to form a joint military force by offering "consultative services," noting that a "significant number" of Russian military instructors have been working there already.',
  ];

  it('gives every part as the exact slice of the text its offsets name', () => {
    expectExactParts(text, parts);
  });

  it('starts with the one dateline date 2025-04-04, after the leading space', () => {
    expect(parts.filter((p) => p.kind === 'dateline')).toEqual([{ kind: 'dateline', text: 'date 2025-04-04', start: 1, end: 16 }]);
    expect(parts[0]?.kind).toBe('dateline');
  });

  it('finds exactly the two headings, in order', () => {
    expect(parts.filter((p) => p.kind === 'heading').map((p) => p.text)).toEqual(['‘We have common views’', 'Russian security contractors']);
  });

  it('finds exactly the 13 body sentences of article-000.ts, verbatim and in order', () => {
    expect(parts.filter((p) => p.kind === 'sentence').map((p) => p.text)).toEqual(SENTENCES);
  });

  it('starts the first sentence after the dateline and its space, on the same line', () => {
    expect(parts[1]).toMatchObject({ kind: 'sentence', start: 17 });
  });

  it('puts each heading between the sentences it stands between', () => {
    const kinds = parts.map((p) => (p.kind === 'sentence' ? 's' : p.kind[0])).join('');
    expect(kinds).toBe('dsssh' + 'sssss' + 'h' + 'sssss');
  });
});

// ---- Each fix-up on a short example -----------------------------------------------------------------------------

type Case = readonly [name: string, text: string, expected: Array<[TextPart['kind'], string]>];

const CASES: readonly Case[] = [
  ['does not split after titles, a.m. or U.S.', 'Mr. Smith met Gen. Jones at 10 a.m. Friday in the U.S. Capitol. They spoke.', [
    ['sentence', 'Mr. Smith met Gen. Jones at 10 a.m. Friday in the U.S. Capitol.'], ['sentence', 'They spoke.']]],
  ['does not split after an initial', 'John F. Kennedy was elected in 1960. He served until 1963.', [
    ['sentence', 'John F. Kennedy was elected in 1960.'], ['sentence', 'He served until 1963.']]],
  ['does not split inside a decimal number', 'Prices rose 3.5 percent in March. They fell 0.2 percent later.', [
    ['sentence', 'Prices rose 3.5 percent in March.'], ['sentence', 'They fell 0.2 percent later.']]],
  ['keeps a closing quote after a full stop with its sentence', 'He called Ukraine a “terrorist state.” Then he left.', [
    ['sentence', 'He called Ukraine a “terrorist state.”'], ['sentence', 'Then he left.']]],
  ['keeps a straight closing quote after a full stop with its sentence', 'It "supports terror." Kiev denied it.', [
    ['sentence', 'It "supports terror."'], ['sentence', 'Kiev denied it.']]],
  ['keeps a quotation followed by he said as one sentence', '"We will fight. We will win," he said. The crowd cheered.', [
    ['sentence', '"We will fight. We will win," he said.'], ['sentence', 'The crowd cheered.']]],
  ['keeps an exclaimed quotation followed by he shouted as one sentence', '“Stop!” he shouted. Nobody did.', [
    ['sentence', '“Stop!” he shouted.'], ['sentence', 'Nobody did.']]],
  ['keeps a long quotation with a comma before Lavrov said as one sentence', '“I emphasised readiness, strengthen the personnel,” Lavrov said, adding that more would come. Next.', [
    ['sentence', '“I emphasised readiness, strengthen the personnel,” Lavrov said, adding that more would come.'], ['sentence', 'Next.']]],
  ['reads a dateline with a country', 'DAKAR, Senegal (AP) — Talks ended. Both sides left.', [
    ['dateline', 'DAKAR, Senegal (AP) —'], ['sentence', 'Talks ended.'], ['sentence', 'Both sides left.']]],
  ['reads a dateline with a country and a date', 'NIAMEY, Niger, May 9 (Reuters) - The junta spoke.', [
    ['dateline', 'NIAMEY, Niger, May 9 (Reuters) -'], ['sentence', 'The junta spoke.']]],
  ['reads a dateline after a headline', 'A headline of the report\n\nBAMAKO, April 18 (Wire) - Talks ended.', [
    ['heading', 'A headline of the report'], ['dateline', 'BAMAKO, April 18 (Wire) -'], ['sentence', 'Talks ended.']]],
  ['reads a Reuters-style dateline before the first sentence', 'WASHINGTON, March 3 (Reuters) - The U.S. Senate voted on Tuesday. It passed.', [
    ['dateline', 'WASHINGTON, March 3 (Reuters) -'], ['sentence', 'The U.S. Senate voted on Tuesday.'], ['sentence', 'It passed.']]],
  ['reads an AP-style dateline with an em dash', 'NEW YORK (AP) — Rain fell overnight. It stopped at dawn.', [
    ['dateline', 'NEW YORK (AP) —'], ['sentence', 'Rain fell overnight.'], ['sentence', 'It stopped at dawn.']]],
  ['reads a dateline on a line of its own', 'LONDON, Jan. 5 (Reuters) –\nMarkets fell.', [
    ['dateline', 'LONDON, Jan. 5 (Reuters) –'], ['sentence', 'Markets fell.']]],
  ['reads the project dateline date YYYY-MM-DD', 'date 2025-04-04 Talks began. They ended.', [
    ['dateline', 'date 2025-04-04'], ['sentence', 'Talks began.'], ['sentence', 'They ended.']]],
  ['finds no dateline that is not at the very start', 'Talks began on date 2025-04-04 in Moscow.', [
    ['sentence', 'Talks began on date 2025-04-04 in Moscow.']]],
  ['treats the rest of the dateline line as body text, not a heading', 'date 2025-04-04 No stop here', [
    ['dateline', 'date 2025-04-04'], ['sentence', 'No stop here']]],
  ['reads a line without sentence-final punctuation as a heading', 'The talks ended.\n\nRussian security contractors\n\nThey stayed.', [
    ['sentence', 'The talks ended.'], ['heading', 'Russian security contractors'], ['sentence', 'They stayed.']]],
  ['reads a quoted line without a full stop as a heading', 'They met.\n‘We have common views’\nThey agreed.', [
    ['sentence', 'They met.'], ['heading', '‘We have common views’'], ['sentence', 'They agreed.']]],
  ['reads a heading with an abbreviation in it as one heading', 'Mr. Lavrov goes to Bamako\nHe arrived.', [
    ['heading', 'Mr. Lavrov goes to Bamako'], ['sentence', 'He arrived.']]],
  ['splits paragraphs with Windows line endings', 'First one.\r\n\r\nA heading\r\nSecond. Third.\r\n', [
    ['sentence', 'First one.'], ['heading', 'A heading'], ['sentence', 'Second.'], ['sentence', 'Third.']]],
  ['reads text with no trailing newline', 'One sentence. And its last one without a newline.', [
    ['sentence', 'One sentence.'], ['sentence', 'And its last one without a newline.']]],
  ['trims white space and drops empty lines', '  \n\t Padded sentence.  \n \n   \n', [['sentence', 'Padded sentence.']]],
  ['returns nothing for empty or blank text', ' \n\r\n ', []],
];

describe('segmentArticle on short examples', () => {
  it.each(CASES)('%s', (_name, text, expected) => {
    expect(kindsAndTexts(text)).toEqual(expected);
  });

  it.each(['Mr.', 'Mrs.', 'Ms.', 'Dr.', 'Gen.', 'Lt.', 'Col.', 'Sgt.', 'Capt.', 'Gov.', 'Sen.', 'Rep.', 'Prof.', 'St.', 'Jr.', 'Sr.',
    'U.S.', 'U.N.', 'U.K.', 'E.U.', 'a.m.', 'p.m.', 'No.', 'vs.', 'etc.', 'Inc.', 'Corp.', 'Ltd.', 'Co.',
    'Jan.', 'Feb.', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'])('does not split after %s', (abbreviation) => {
    const first = `They saw ${abbreviation} Smith there.`;
    expect(kindsAndTexts(`${first} Then it rained.`)).toEqual([['sentence', first], ['sentence', 'Then it rained.']]);
  });

  it('counts offsets in UTF-16 code units after emoji and other non-BMP characters', () => {
    const text = '😀🇲🇱\n𝔄 said hi. 🎉 Then it rained.\n\nIt stopped.';
    const parts = segmentArticle(text);
    expectExactParts(text, parts);
    expect(parts.map((p) => [p.kind, p.text, p.start, p.end])).toEqual([
      ['heading', '😀🇲🇱', 0, 6],
      ['sentence', '𝔄 said hi.', 7, 18],
      ['sentence', '🎉 Then it rained.', 19, 37],
      ['sentence', 'It stopped.', 39, 50],
    ]);
  });
});

// ---- Quoted passages ---------------------------------------------------------------------------------------------

describe('quotedPassages', () => {
  const passages = (text: string): string[] => {
    const found = quotedPassages(text);
    for (const p of found) expect(text.slice(p.start, p.end)).toBe(p.text);
    return found.map((p) => p.text);
  };

  it.each<readonly [string, string, string[]]>([
    ['finds the curly-quoted passage and not the apostrophe in Mali’s',
      "Mali’s Foreign Minister Abdoulaye Diop echoed Lavrov's comments, stating that his country views Ukraine as a “terrorist state.”", ['terrorist state.']],
    ['finds nothing in an apostrophe such as Moscow\'s', "Moscow's readiness", []],
    ['finds a straight-quoted passage', 'a "significant number" of', ['significant number']],
    ['finds a single-quoted heading but not the possessive countries’', '‘We have common views’ of the three countries’ armies', ['We have common views']],
    ['finds straight single quotes but not plural possessives', "the countries' troops said 'go' now", ['go']],
    ['finds two passages in one sentence', 'by offering "consultative services," noting that a "significant number" of', ['consultative services,', 'significant number']],
    ['finds nested passages, outer first', '“He said ‘no’ firmly,” she said.', ['He said ‘no’ firmly,', 'no']],
  ])('%s', (_name, text, expected) => {
    expect(passages(text)).toEqual(expected);
  });

  it('excludes the quotation marks from the offsets', () => {
    expect(quotedPassages('as a “terrorist state.”')).toEqual([{ text: 'terrorist state.', start: 6, end: 22 }]);
  });

  it.each(['“unclosed', 'closed” only', '“a ‘b” c’', '"odd "number" of', '” “ ’ ‘ \' "', '', '“”', '‘’'])('does not throw on unbalanced or empty quotes in %j', (text) => {
    expect(() => passages(text)).not.toThrow();
  });
});
