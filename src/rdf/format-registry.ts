// The one registry of RDF formats (names, aliases, extensions, media types), with no imports, so that the command line can read it at start-up.

/**
 * The one registry of RDF formats: name, file extension, other names a user may give (`ttl`/`turtle`), media type,
 * whether it carries named graphs, and whether the line-based readers (n3, Oxigraph) read it directly (JSON-LD is
 * first turned into N-Quads). Every command finds formats here, by name, alias or file extension.
 */
export const FORMATS = {
  turtle: { ext: 'ttl', aliases: ['ttl', 'turtle'], mediaType: 'text/turtle', graphs: false, direct: true },
  ntriples: { ext: 'nt', aliases: ['nt', 'ntriples', 'n-triples'], mediaType: 'application/n-triples', graphs: false, direct: true },
  nquads: { ext: 'nq', aliases: ['nq', 'nquads', 'n-quads'], mediaType: 'application/n-quads', graphs: true, direct: true },
  trig: { ext: 'trig', aliases: ['trig'], mediaType: 'application/trig', graphs: true, direct: true },
  jsonld: { ext: 'jsonld', aliases: ['jsonld', 'json-ld'], mediaType: 'application/ld+json', graphs: false, direct: false },
} as const;

export type FormatName = keyof typeof FORMATS;

/** Whether a string names a format. */
export function isFormat(name: string): name is FormatName {
  return Object.hasOwn(FORMATS, name);
}

/** The format a name or alias (`ttl`, `turtle`, `n-triples`, any case) or a file extension (`.nq`) stands for, if any. */
export function formatNamed(name: string): FormatName | undefined {
  const key = name.toLowerCase().replace(/^\./, '');
  return (Object.keys(FORMATS) as FormatName[]).find((f) => (FORMATS[f].aliases as readonly string[]).includes(key));
}

/**
 * The media type a line-based reader (n3, Oxigraph) reads a file with: from `override` (a format name or alias) or
 * else the file's extension; undefined for an unknown format or JSON-LD, which is not read directly.
 */
export function directMediaType(path: string, override?: string): string | undefined {
  const dot = path.lastIndexOf('.');
  const format = formatNamed(override ?? (dot > path.lastIndexOf('/') && dot >= 0 ? path.slice(dot + 1) : ''));
  return format && FORMATS[format].direct ? FORMATS[format].mediaType : undefined;
}

/** The extensions of every format the reader reads, for messages: `.ttl, .nt, .nq, .trig or .jsonld`. */
export const READ_EXTENSIONS = (Object.values(FORMATS).map((f) => `.${f.ext}`) as string[]).join(', ').replace(/, ([^,]*)$/, ' or $1');

/** The extensions the line-based readers read, for messages: `.ttl, .nt, .nq or .trig`. */
export const DIRECT_EXTENSIONS = (Object.values(FORMATS).filter((f) => f.direct).map((f) => `.${f.ext}`) as string[])
  .join(', ').replace(/, ([^,]*)$/, ' or $1');

/** Every alias of every format, to the format's name (`nt` → `ntriples`). */
export const FORMAT_ALIASES: Readonly<Record<string, FormatName>> = Object.fromEntries(
  (Object.keys(FORMATS) as FormatName[]).flatMap((f) => FORMATS[f].aliases.map((a) => [a, f] as const)),
);
