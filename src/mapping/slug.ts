// The one rule that turns labels into id slugs: diacritics folded, lower-case ASCII letters and digits joined by hyphens.

/** A text lower-cased with its diacritics folded to ASCII letters (`Ségou` → `segou`, `Straße` → `strasse`); other characters are kept. */
export function foldToAscii(text: string): string {
  // ASCII is its own NFKD form and holds no combining marks nor any of the letters folded below.
  if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase();
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/ß/g, 'ss').replace(/[Ææ]/g, 'ae').replace(/[Øø]/g, 'o').replace(/[Łł]/g, 'l').replace(/[Đđ]/g, 'd')
    .toLowerCase();
}

/**
 * The slug of a label: NFKD-decomposed, combining marks dropped (`Ségou` → `segou`), lower-cased, every run of other
 * characters turned into one hyphen, trimmed of hyphens; e.g. `Russia's Foreign Ministry` → `russia-s-foreign-ministry`.
 * Apostrophes (' and ’) join their word (`Russia's` → `russias`) so that possessives read naturally.
 * @throws Error when nothing of the label is left (a label of punctuation or of a script without ASCII folding).
 */
export function slugify(label: string): string {
  const slug = foldToAscii(label)
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug === '') throw new Error(`the label ${JSON.stringify(label)} gives an empty slug: give the entity a slug of its own`);
  return slug;
}
