// Cross-engine fuzz: 10^4 random strings, 10^3 language tags and 10^3 IRIs through `kg export --input … --format all`; what is accepted comes back identical in n3, Oxigraph, Jena, Raptor and rdflib, what is refused is refused before any file is written.
//
// Needs the built CLI (npx tsc -p tsconfig.json) and the Debian engines (scripts/install-engines.sh); run with
// `npm run test:interop` or `npx vitest run --config vitest.interop.config.ts tests/interop/fuzz.test.ts`.
// The seed is fixed (FUZZ_SEED=issue-14); set FUZZ_SEED to any other string to explore, FUZZ_BASES to try more or
// fewer values as --base (one export each, default 100). Every failure message starts with the seed.
//
// The values go into one JSON dataset, one entity each, so that a refusal names the value's entity:
//   strings   place/fuzz-s-NNNNN  skos:editorialNote "<string>"@en
//   tags      place/fuzz-t-NNNNN  skos:editorialNote "t NNNNN"@<tag>
//   IRIs      place/fuzz-i-NNNNN  kg:wikidata <IRI>   (the one property whose values are IRIs; its pattern takes Wikidata entities only)
// and, since kg:wikidata takes so few IRIs, the IRIs (given a final "/") are also tried as --base, whose IRIs every
// entity IRI of the export is made of. What the spec says of each value (tests/interop/fuzz-gen.ts): text is XML 1.0
// Char; a tag is well formed per RFC 5646 (any case, written lower-case); an IRI is RFC 3987, a base also ends with
// "/", has no "#", and its scheme is no prefix of the JSON-LD context.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonldContext } from '../../src/generate/context.js';
import { DEFAULT_BASE } from '../../src/model/vocab.js';
import { projectPath } from '../../src/project.js';
import { pool } from '../bad-input-run.js';
import type { TermQuad } from './rdf-compare.js';
import { isIri, isWellFormedLanguageTag, isXmlText, Random, randomIris, randomLanguageTags, randomStrings } from './fuzz-gen.js';
import { ENGINES, EntityFile, exportDataset, freshDir, linesNamed, parseWith, rdflibParse, reads, scratchDir, show, type Engine, type ExportRun, type Parsed } from './fuzz-run.js';

const SEED = process.env.FUZZ_SEED ?? 'issue-14';
const N_STRINGS = 10_000;
const N_TAGS = 1_000;
const N_IRIS = 1_000;
const N_BASES = Number(process.env.FUZZ_BASES ?? 100);
const TAG = `FUZZ_SEED=${SEED}`;

const SKOS_NOTE = 'http://www.w3.org/2004/02/skos/core#editorialNote';
const KG_WIKIDATA = 'https://w3id.org/news-kg/ontology#wikidata';
const RDFS_LABEL = 'http://www.w3.org/2000/01/rdf-schema#label';
const WIKIDATA = /^http:\/\/www\.wikidata\.org\/entity\/Q[1-9][0-9]*$/;
const CONTEXT_PREFIXES = new Set(Object.entries(jsonldContext(DEFAULT_BASE)['@context'] as Record<string, unknown>).filter(([, v]) => typeof v === 'string' && /[/#]$/.test(v)).map(([k]) => k));

// ---- The values and what the spec says of each ----

type Kind = 's' | 't' | 'i';
interface Item {
  /** `s-00042`: the entity is place/fuzz-s-00042. */
  readonly key: string;
  readonly kind: Kind;
  readonly value: string;
  /** What the spec says: accepted or refused. */
  readonly allowed: boolean;
  readonly entity: Record<string, unknown>;
}

const random = new Random(SEED);
const pad = (n: number): string => String(n).padStart(5, '0');
const ITEMS: Item[] = [
  ...randomStrings(random, N_STRINGS).map((value, n): Item => ({
    key: `s-${pad(n)}`, kind: 's', value, allowed: isXmlText(value),
    entity: { type: 'Place', id: `place/fuzz-s-${pad(n)}`, label: [{ value: `s ${pad(n)}`, lang: 'en' }], editorialNote: [{ value, lang: 'en' }] },
  })),
  ...randomLanguageTags(random, N_TAGS).map((value, n): Item => ({
    key: `t-${pad(n)}`, kind: 't', value, allowed: isWellFormedLanguageTag(value),
    entity: { type: 'Place', id: `place/fuzz-t-${pad(n)}`, label: [{ value: `t ${pad(n)}`, lang: 'en' }], editorialNote: [{ value: `t ${pad(n)}`, lang: value }] },
  })),
  ...randomIris(random, N_IRIS).map((value, n): Item => ({
    key: `i-${pad(n)}`, kind: 'i', value, allowed: WIKIDATA.test(value) && isIri(value),
    entity: { type: 'Place', id: `place/fuzz-i-${pad(n)}`, label: [{ value: `i ${pad(n)}`, lang: 'en' }], wikidata: value },
  })),
];
const BY_KEY = new Map(ITEMS.map((i) => [i.key, i]));
const FIELD: Readonly<Record<Kind, string>> = { s: 'editorialNote', t: 'editorialNote', i: 'wikidata' };
/** The fuzz entity an IRI, a compact IRI or a message names. */
const keyIn = (text: string): string | undefined => /fuzz-([sti]-\d{5})\b/.exec(text)?.[1];
const dataset = (items: readonly Item[]): unknown => ({ name: 'fuzz', title: `Fuzz values (seed ${SEED})`, entities: items.map((i) => i.entity) });

/** A base for --base from an IRI: with a final "/" (a base must end with one); U+0000 cannot be part of a command line at all, so it is dropped. */
/** Bases the base rule accepts, so that engines are always asked about some (random IRIs are mostly not ASCII URIs). */
const GOOD_BASES = ['https://example.org/kg/', 'http://[::1]:8080/a/', 'kg://x/', 'https://x.example/%C3%A9/~a/', 'http://192.0.2.1/(1)/', 'https://example.org/a;b=c/@d/'];
const BASES = [...GOOD_BASES, ...randomIris(new Random(`${SEED} bases`), N_BASES - GOOD_BASES.length).map((iri) => { const b = iri.replace(/\u0000/g, ''); return b.endsWith('/') ? b : `${b}/`; })];
/**
 * The project's base rule beyond RFC 3987 (README "IRIs"): a hierarchical ASCII URI, lower-case scheme, a host (no user
 * information), an optional port of digits, no empty path segment, no query; written here from RFC 3986 §3 on its own.
 */
const BASE_SHAPE = /^[a-z][a-z0-9+.-]*:\/\/(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)(?::[0-9]+)?(?:\/(?:[!$&'()*+,;=:@A-Za-z0-9._~-]|%[0-9A-Fa-f]{2})+)*\/$/;
// A scheme that is a JSON-LD context prefix clashes only without "//", which BASE_SHAPE always requires.
const baseAllowed = (base: string): boolean => isIri(base) && !base.includes('#') && (!CONTEXT_PREFIXES.has(base.slice(0, base.indexOf(':'))) || base.startsWith('//', base.indexOf(':') + 1)) && BASE_SHAPE.test(base);

// ---- Export: which values kg refuses, and the one export of all the others ----

interface Classified {
  /** The values kg accepted, and the folder of the export that holds them all. */
  readonly accepted: Item[];
  readonly out: string;
  /** Each refused value with the message line that refused it. */
  readonly refused: Map<string, string>;
  /** Broken promises: a refusal that wrote into the folder, printed a stack trace, named no entity, or gave another exit code. */
  readonly faults: string[];
  readonly runs: number;
}

const exports = pool(3);

/** Exports the values, takes out those the refusal names (or, when it names none, finds them by halving), and again, until kg accepts the rest (a refusal may list only its first problems, so this can take many rounds). */
async function classify(items: readonly Item[]): Promise<Classified> {
  const refused = new Map<string, string>();
  const faults: string[] = [];
  let runs = 0;
  const tryExport = async (set: readonly Item[]): Promise<ExportRun> => { runs++; return exports(() => exportDataset(dataset(set))); };
  const checkRefusal = (r: ExportRun, what: string): void => {
    if (r.changed.length) faults.push(`${what}: refused (exit ${r.code}) but changed the output folder: ${r.changed.join(', ')}`);
    if (/^\s{4}at /m.test(r.stderr + r.stdout)) faults.push(`${what}: a stack trace:\n${r.stderr.slice(0, 2000)}`);
    if (r.code !== 1) faults.push(`${what}: refused with exit ${r.code} (invalid data is exit 1):\n${r.stderr.slice(0, 2000)}`);
  };
  /** The values of a set that kg refuses, found by halving (used only when a refusal names no entity). */
  const isolate = async (set: readonly Item[]): Promise<Item[]> => {
    const r = await tryExport(set);
    if (r.code === 0) return [];
    checkRefusal(r, `a refusal of ${set.length} values`);
    if (set.length === 1) {
      faults.push(`${set[0]!.key} ${show(set[0]!.value)}: refused by a message that does not name its entity place/fuzz-${set[0]!.key}:\n${r.stderr.slice(0, 1000)}`);
      refused.set(set[0]!.key, r.stderr.trim().split('\n').slice(0, 3).join(' '));
      return [...set];
    }
    const half = Math.ceil(set.length / 2);
    return [...(await isolate(set.slice(0, half))), ...(await isolate(set.slice(half)))];
  };
  let pending = [...items];
  for (let round = 0; round < 150; round++) {
    const r = await tryExport(pending);
    if (r.code === 0) return { accepted: pending, out: r.out, refused, faults, runs };
    checkRefusal(r, `round ${round}`);
    const named = new Map<string, string>();
    for (const line of `${r.stderr}\n${r.stdout}`.split('\n')) {
      const key = keyIn(line);
      if (key && BY_KEY.has(key) && !named.has(key)) named.set(key, line.trim());
    }
    for (const [key, line] of named) {
      const item = BY_KEY.get(key)!;
      if (!line.includes(`field ${FIELD[item.kind]}`)) faults.push(`${key} ${show(item.value)}: the refusal does not name the field ${FIELD[item.kind]}: ${line}`);
      refused.set(key, line);
    }
    if (named.size === 0) {
      const found = await isolate(pending);
      if (found.length === 0) { faults.push(`round ${round}: kg refused ${pending.length} values, then accepted every half of them:\n${r.stderr.slice(0, 2000)}`); break; }
      for (const i of found) named.set(i.key, refused.get(i.key) ?? '');
    }
    pending = pending.filter((i) => !named.has(i.key));
  }
  throw new Error(`${TAG}: kg export still refused after 150 rounds (${refused.size} values taken out); faults so far:\n${faults.slice(0, 20).join('\n')}`);
}

/** Values kg refused though the spec allows them, each tried again alone (at most 40) to be sure it is refused on its own. */
async function refusedAlone(c: Classified): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const wrong = [...c.refused.keys()].map((k) => BY_KEY.get(k)!).filter((i) => i.allowed).slice(0, 40);
  await Promise.all(wrong.map(async (i) => {
    const r = await exports(() => exportDataset(dataset([i])));
    out.set(i.key, r.code === 0 ? 'accepted when alone (refused only beside others)' : r.stderr.trim().split('\n').slice(1, 2).join(' '));
  }));
  return out;
}

// ---- Engines: every accepted value, read back from each exported file ----

/** What the export of an item must give back, as one comparable string. */
function expected(i: Item): string {
  if (i.kind === 's') return `literal ${show(i.value)} @en`;
  if (i.kind === 't') return `literal ${show(`t ${i.key.slice(2)}`)} @${i.value.toLowerCase()}`;
  return `iri ${show(i.value)}`;
}

/** What an engine gave for each fuzz entity (its note or Wikidata link), as comparable strings. */
function observed(quads: readonly TermQuad[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const q of quads) {
    if (q.predicate.value !== SKOS_NOTE && q.predicate.value !== KG_WIKIDATA) continue;
    const key = keyIn(q.subject.value);
    if (!key) continue;
    const o = q.object;
    const text = o.kind === 'literal' ? `literal ${show(o.value)} @${o.lang ?? `^^${o.datatype ?? ''}`}` : `${o.kind} ${show(o.value)}`;
    out.set(key, [...(out.get(key) ?? []), text]);
  }
  return out;
}

interface EngineReport {
  /** Values the engine refused (the file failed at them) or gave back otherwise, with what happened. */
  readonly failures: Map<string, string>;
  /** Problems not tied to one value (a failure that could not be traced, a file the engine gives up on). */
  readonly other: string[];
  readonly checked: number;
}

/**
 * Values an engine reads wrongly through a bug of its own, fixed upstream: rdflib 6.1 (Debian's) N-Triples reader
 * unescapes twice, so text holding a backslash before an escape letter ("a\\nb", written "a\\\\nb") comes back with
 * a line break (RDFLib PR #1663). The same values are compared in rdflib's Turtle and JSON-LD readings, and in every
 * other engine's N-Triples.
 */
const KNOWN_MISREAD: Partial<Record<Engine, (file: string, value: string) => boolean>> = {
  rdflib: (file, value) => file.endsWith('.nt') && /\\[tbnrf"'\\uU]/.test(value),
};

/**
 * Reads one exported file with one engine. When the engine fails (or warns), the value it stumbled on is found from the
 * line its message names (or by halving the file), recorded, and left out of a copy of the file (the exporter's own
 * blocks, nothing rewritten) that is read again: at most 30 times.
 */
async function checkEngine(engine: Engine, file: string, accepted: readonly Item[]): Promise<EngineReport> {
  const failures = new Map<string, string>();
  const other: string[] = [];
  const ef = new EntityFile(file, keyIn);
  const dir = freshDir(`engine-${engine.replace(/\W+/g, '')}-`);
  let keep = new Set(ef.entities());
  let path = file;
  let attempt = 0;
  /** The values an engine's complaint points at, each with the lines of the complaint about it. */
  const blame = async (message: string, p: string, parse: (path: string) => Promise<Parsed>): Promise<Map<string, string>> => {
    const found = new Map<string, string>();
    const here = p === file ? ef : new EntityFile(p, keyIn);
    for (const line of message.split('\n')) {
      const keys = [...line.matchAll(/fuzz-([sti]-\d{5})\b/g)].map((m) => m[1] as string);
      for (const l of linesNamed(line)) { const k = here.entityAtLine(l); if (k) keys.push(k); }
      for (const k of keys) if (keep.has(k)) found.set(k, `${found.has(k) ? `${found.get(k)} | ` : ''}${line.trim().slice(0, 300)}`);
    }
    if (found.size) return found;
    // Nothing to go by: halve the entities until one is left that the engine fails on (a dozen reads for 12 000 values).
    let candidates = [...keep];
    while (candidates.length > 1) {
      const half = candidates.slice(0, Math.ceil(candidates.length / 2));
      const r = await parse(ef.subset(new Set(half), dir, `halve-${attempt}-${candidates.length}`));
      candidates = r.error || r.warnings.length ? half : candidates.slice(half.length);
    }
    return new Map(candidates.map((k) => [k, message.slice(0, 600)]));
  };
  for (; attempt < 30; attempt++) {
    const r = await parseWith(engine, path);
    const complaint = r.error ?? (r.warnings.length ? `warnings: ${r.warnings.join(' | ')}` : undefined);
    if (!complaint) {
      const got = observed(r.quads ?? []);
      let checked = 0;
      for (const i of accepted) {
        if (!keep.has(i.key)) continue;
        checked++;
        const want = expected(i);
        const have = got.get(i.key) ?? [];
        if (have.length === 1 && have[0] !== want && KNOWN_MISREAD[engine]?.(file, i.value)) continue;
        if (have.length !== 1 || have[0] !== want) failures.set(i.key, `gave ${have.length ? have.join(', ') : 'nothing'}; expected ${want}`);
      }
      return { failures, other, checked };
    }
    const culprits = await blame(complaint, path, (p) => parseWith(engine, p));
    if (culprits.size === 0) { other.push(`could not trace: ${complaint.slice(0, 1500)}`); return { failures, other, checked: 0 }; }
    for (const [k, why] of culprits) { failures.set(k, `${r.error ? 'refused' : 'warned'}: ${why}`); keep.delete(k); }
    keep = new Set(keep);
    path = ef.subset(keep, dir, `without-${attempt}`);
  }
  other.push(`stopped after 30 reads: more values may fail in ${engine}`);
  return { failures, other, checked: 0 };
}

// ---- --base ----

interface BaseResult {
  readonly base: string;
  readonly n: number;
  readonly run: ExportRun;
}

const baseDataset = (n: number): unknown => ({ name: 'fuzz-base', title: `Fuzz base ${n}`, entities: [{ type: 'Place', id: 'place/fuzz-b', label: [{ value: `B ${pad(n)}`, lang: 'en' }] }] });

/**
 * The accepted bases' exported files of one extension, as the engine reads them: N-Triples and Turtle joined into one
 * file (Turtle may redeclare its prefixes), with the base each line comes from; JSON-LD one file each.
 */
function joined(results: readonly BaseResult[], ext: string): Array<{ path: string; owner: (line: number) => number | undefined }> {
  if (ext === '.jsonld') return results.map((r) => ({ path: join(r.run.out, `fuzz-base${ext}`), owner: () => r.n }));
  const starts: Array<[number, number]> = [];
  let line = 1;
  const texts = results.map((r) => {
    const text = readFileSync(join(r.run.out, `fuzz-base${ext}`), 'utf8');
    starts.push([line, r.n]);
    line += text.split('\n').length;
    return text;
  });
  const path = join(freshDir('bases-'), `all${ext}`);
  writeFileSync(path, texts.join('\n'));
  return [{ path, owner: (l) => { let n: number | undefined; for (const [from, k] of starts) { if (from > l) break; n = k; } return n; } }];
}

/**
 * For each accepted base, whether the engine gives back its entity's IRI exactly (`<base>place/fuzz-b`, labelled
 * "B n"). A base the engine refuses or warns about (found by the line its message names, or by reading each base's
 * file alone when it names none) is recorded and left out, and the rest read again: at most 30 times.
 */
async function checkBases(engine: Engine, accepted: readonly BaseResult[], ext: string): Promise<Map<number, string>> {
  const failures = new Map<number, string>();
  let remaining = [...accepted];
  for (let attempt = 0; attempt < 30 && remaining.length; attempt++) {
    const files = joined(remaining, ext);
    const parsed = engine === 'rdflib' ? await rdflibParse(files.map((f) => f.path)) : await Promise.all(files.map((f) => parseWith(engine, f.path)));
    const culprits = new Map<number, string>();
    let untraced = false;
    parsed.forEach((p, i) => {
      const complaint = p.error ?? (p.warnings.length ? p.warnings.join('\n') : undefined);
      if (!complaint) return;
      const file = files[i]!;
      const before = culprits.size;
      const lines = complaint.split('\n');
      for (const l of lines) {
        const owners = ext === '.jsonld' ? [file.owner(0)] : linesNamed(l).map((n) => file.owner(n));
        for (const n of owners) if (n !== undefined) culprits.set(n, `${culprits.has(n) ? `${culprits.get(n)} | ` : ''}${p.error ? 'refused' : 'warned'}: ${l.trim().slice(0, 300)}`);
      }
      if (culprits.size === before) untraced = true;
    });
    if (untraced && files.length === 1) {
      // The joined file failed at no line we can map: read each base's own file.
      const own = remaining.map((r) => join(r.run.out, `fuzz-base${ext}`));
      const again = engine === 'rdflib' ? await rdflibParse(own) : await Promise.all(own.map((f) => parseWith(engine, f)));
      again.forEach((p, i) => { if (p.error || p.warnings.length) culprits.set(remaining[i]!.n, `${p.error ? 'refused' : 'warned'}: ${(p.error ?? p.warnings.join(' | ')).slice(0, 600)}`); });
    }
    if (culprits.size) {
      for (const [n, why] of culprits) failures.set(n, why);
      remaining = remaining.filter((r) => !culprits.has(r.n));
      continue;
    }
    const found = new Map<number, string[]>();
    const byLabel = new Map(remaining.map((r) => [`B ${pad(r.n)}`, r.n]));
    for (const p of parsed) for (const q of p.quads ?? []) {
      const n = q.predicate.value === RDFS_LABEL ? byLabel.get(q.object.value) : undefined;
      if (n !== undefined) found.set(n, [...(found.get(n) ?? []), q.subject.value]);
    }
    for (const r of remaining) {
      const want = `${r.base}place/fuzz-b`;
      const have = found.get(r.n) ?? [];
      if (have.length !== 1 || have[0] !== want) failures.set(r.n, `gave ${have.length ? have.map(show).join(', ') : 'nothing'}; expected ${show(want)}`);
    }
    return failures;
  }
  if (remaining.length) failures.set(-1, `stopped after 30 reads: more bases may fail in ${engine}`);
  return failures;
}

// ---- Orchestration: everything starts in beforeAll; each test awaits its part ----

const memos = new Map<string, Promise<unknown>>();
function memo<T>(key: string, work: () => Promise<T>): Promise<T> {
  let p = memos.get(key) as Promise<T> | undefined;
  if (!p) {
    p = work();
    p.catch(() => undefined);
    memos.set(key, p);
  }
  return p;
}

const EXTS = ['.ttl', '.nt', '.jsonld'] as const;
const classified = (): Promise<Classified> => memo('classify', () => classify(ITEMS));
const engineReport = (engine: Engine, ext: string): Promise<EngineReport> =>
  memo(`engine ${engine} ${ext}`, async () => { const c = await classified(); return checkEngine(engine, join(c.out, `fuzz${ext}`), c.accepted); });
const baseRuns = (): Promise<BaseResult[]> => memo('bases', async () => (await classified().catch(() => undefined), Promise.all(BASES.map((base, n) => exports(async () => ({ base, n, run: await exportDataset(baseDataset(n), ['--base', base]) }))))));
const baseReport = (engine: Engine, ext: string): Promise<Map<number, string>> =>
  memo(`bases ${engine} ${ext}`, async () => checkBases(engine, (await baseRuns()).filter((r) => r.run.code === 0), ext));

/** A list of findings for a failure message: at most 40 lines. */
const listed = (lines: readonly string[]): string => `${lines.slice(0, 40).join('\n')}${lines.length > 40 ? `\n… and ${lines.length - 40} more` : ''}`;

/** Writes what this seed found (for the issue's note) to test-artifacts/fuzz/<seed>.json. */
async function writeSummary(): Promise<void> {
  const summary: Record<string, unknown> = { seed: SEED, values: { strings: N_STRINGS, tags: N_TAGS, iris: N_IRIS, bases: N_BASES } };
  try {
    const c = await classified();
    summary.export = {
      runs: c.runs, accepted: c.accepted.length, refused: c.refused.size, faults: c.faults,
      refusedButAllowed: [...c.refused].filter(([k]) => BY_KEY.get(k)!.allowed).map(([k, why]) => ({ key: k, value: show(BY_KEY.get(k)!.value), why })),
      acceptedButRefusedBySpec: c.accepted.filter((i) => !i.allowed).map((i) => ({ key: i.key, value: show(i.value) })),
    };
    const engines: Record<string, unknown> = {};
    for (const e of ENGINES) for (const ext of EXTS) {
      if (!reads(e, ext)) continue;
      const r = await engineReport(e, ext).catch((err: Error) => ({ failures: new Map<string, string>(), other: [err.message], checked: 0 }));
      engines[`${e} ${ext}`] = { checked: r.checked, other: r.other, failures: [...r.failures].map(([k, why]) => ({ key: k, value: show(BY_KEY.get(k)!.value), why })) };
    }
    summary.engines = engines;
    const bases = await baseRuns();
    summary.bases = {
      refused: bases.filter((b) => b.run.code !== 0).map((b) => ({ n: b.n, base: show(b.base), allowed: baseAllowed(b.base), exit: b.run.code, message: b.run.stderr.trim().slice(0, 300) })),
      accepted: bases.filter((b) => b.run.code === 0).map((b) => ({ n: b.n, base: show(b.base), allowed: baseAllowed(b.base) })),
      engines: Object.fromEntries(await Promise.all(ENGINES.flatMap((e) => EXTS.filter((ext) => reads(e, ext)).map(async (ext) => {
        const f = await baseReport(e, ext).catch((err: Error) => new Map([[-1, err.message]]));
        return [`${e} ${ext}`, [...f].map(([n, why]) => ({ n, base: n >= 0 ? show(bases[n]!.base) : '', why }))] as const;
      })))),
    };
  } catch (e) {
    summary.error = (e as Error).message;
  }
  const folder = projectPath('test-artifacts/fuzz');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, `${SEED.replace(/[^\w.-]+/g, '_')}.json`), `${JSON.stringify(summary, null, 2)}\n`);
}

beforeAll(() => {
  if (!existsSync(projectPath('dist/src/cli.js'))) return;
  void classified();
  for (const e of ENGINES) for (const ext of EXTS) if (reads(e, ext)) void engineReport(e, ext);
  for (const e of ENGINES) for (const ext of EXTS) if (reads(e, ext)) void baseReport(e, ext);
});

afterAll(async () => {
  await Promise.allSettled(memos.values());
  await writeSummary().catch(() => undefined);
  if (scratchDir()) rmSync(scratchDir(), { recursive: true, force: true });
});

describe(`cross-engine fuzz (${TAG})`, () => {
  it('has the built CLI (npx tsc -p tsconfig.json)', () => {
    expect(existsSync(projectPath('dist/src/cli.js')), 'dist/src/cli.js is missing: build with npx tsc -p tsconfig.json').toBe(true);
  });

  it('draws values of every kind, about a quarter of them refused by the spec, and the oracles follow the RFCs', () => {
    expect(ITEMS.filter((i) => i.kind === 's')).toHaveLength(N_STRINGS);
    expect(ITEMS.filter((i) => i.kind === 't')).toHaveLength(N_TAGS);
    expect(ITEMS.filter((i) => i.kind === 'i')).toHaveLength(N_IRIS);
    expect(ITEMS.filter((i) => i.kind === 's' && i.value.length >= 100_000).length).toBeGreaterThanOrEqual(3);
    for (const kind of ['s', 't', 'i'] as const) {
      const some = ITEMS.filter((i) => i.kind === kind);
      expect(some.filter((i) => i.allowed).length, kind).toBeGreaterThan(some.length / 10);
      expect(some.filter((i) => !i.allowed).length, kind).toBeGreaterThan(some.length / 10);
    }
    for (const t of ['en', 'en-GB', 'sr-Latn-RS', 'zh-Hant', 'de-CH-1901', 'x-private', 'i-klingon', 'en-a-bbb-x-a-ccc', 'es-419', 'zh-min-nan']) expect(isWellFormedLanguageTag(t), t).toBe(true);
    for (const t of ['en-gb-gb', '-en', 'en--us', 'abcdefghi', 'en-abcdefghi', '123', '', 'en_US', 'en-a', 'x']) expect(isWellFormedLanguageTag(t), t).toBe(false);
    for (const s of ['http://a/b', 'http://a/?\ue000', 'urn:x', 'http://[::1]/', 'http://é.org/ü', 'x:']) expect(isIri(s), s).toBe(true);
    for (const s of ['http://a/\ue000', 'http://a/#\ue000', 'http://a/\ufdd0', 'http://a/\u{1fffe}', 'http://a/b#c#d', 'http://a/%zz', 'http://a b/', 'Q42', 'http://a/<', 'http://[zz]/']) expect(isIri(s), s).toBe(false);
    for (const s of ['a\tb\nc\rd', '\u0085\u009f\ufdd0\ue000\u{10ffff}', '']) expect(isXmlText(s), show(s)).toBe(true);
    for (const s of ['\u0000', '\u000b', '\u001f', '\ufffe', '\uffff', '\ud800', 'x\udc00']) expect(isXmlText(s), show(s)).toBe(false);
  });

  it('refuses every value the spec refuses, before any file is written, naming its entity and field (exit 1, no stack trace)', async () => {
    const c = await classified();
    expect(c.faults, `${TAG}: refusals that broke a promise\n${listed(c.faults)}`).toEqual([]);
    const acceptedButRefused = c.accepted.filter((i) => !i.allowed).map((i) => `${i.key} ${show(i.value)}`);
    expect(acceptedButRefused, `${TAG}: kg accepted values outside the spec (XML 1.0 Char / RFC 5646 / the Wikidata pattern)\n${listed(acceptedButRefused)}`).toEqual([]);
  });

  it('accepts every value the spec allows', async () => {
    const c = await classified();
    const alone = await refusedAlone(c);
    const wrong = [...c.refused].filter(([k]) => BY_KEY.get(k)!.allowed).map(([k, why]) => `${k} ${show(BY_KEY.get(k)!.value)}: ${alone.get(k) ?? why}`);
    expect(wrong, `${TAG}: kg refused values the spec allows\n${listed(wrong)}`).toEqual([]);
  });

  describe.each(ENGINES.flatMap((e) => EXTS.filter((ext) => reads(e, ext)).map((ext) => ({ engine: e, ext }))))('$engine reads fuzz$ext', ({ engine, ext }) => {
    it('and gives back every accepted value identical (exact code points, language tags lower-cased)', async () => {
      const r = await engineReport(engine, ext);
      const lines = [...r.failures].map(([k, why]) => `${k} ${show(BY_KEY.get(k)!.value)}: ${why}`);
      expect([...r.other, ...lines], `${TAG}: ${engine} on the exported fuzz${ext}\n${listed([...r.other, ...lines])}`).toEqual([]);
      expect(r.checked, `${TAG}: ${engine} checked no value`).toBeGreaterThan(0);
    });
  });

  describe(`--base (${N_BASES} IRIs, each given a final "/")`, () => {
    it('refuses every base the spec refuses before any file is written (exit 2, naming --base), and accepts every other', async () => {
      const runs = await baseRuns();
      const wrong: string[] = [];
      for (const { base, n, run } of runs) {
        const allowed = baseAllowed(base);
        if (run.code === 0) {
          if (!allowed) wrong.push(`#${n} ${show(base)}: accepted, but the spec refuses it`);
          continue;
        }
        if (allowed) wrong.push(`#${n} ${show(base)}: refused, but the spec allows it: ${run.stderr.trim().slice(0, 300)}`);
        if (run.changed.length) wrong.push(`#${n} ${show(base)}: refused but changed the output folder: ${run.changed.join(', ')}`);
        if (run.code !== 2) wrong.push(`#${n} ${show(base)}: refused with exit ${run.code} (a bad option value is a usage error, exit 2): ${run.stderr.trim().slice(0, 300)}`);
        else if (!run.stderr.includes('--base')) wrong.push(`#${n} ${show(base)}: the refusal does not name --base: ${run.stderr.trim().slice(0, 300)}`);
        if (/^\s{4}at /m.test(run.stderr)) wrong.push(`#${n} ${show(base)}: a stack trace`);
      }
      expect(wrong, `${TAG}: --base\n${listed(wrong)}`).toEqual([]);
      expect(runs.filter((r) => r.run.code === 0).length, `${TAG}: no base accepted`).toBeGreaterThan(0);
    });

    it.each(ENGINES.flatMap((e) => EXTS.filter((ext) => reads(e, ext)).map((ext) => ({ engine: e, ext }))))('$engine gives back the entity IRIs of every accepted base from fuzz-base$ext', async ({ engine, ext }) => {
      const failures = await baseReport(engine, ext);
      const runs = await baseRuns();
      const lines = [...failures].map(([n, why]) => (n < 0 ? why : `#${n} ${show(runs[n]!.base)}: ${why}`));
      expect(lines, `${TAG}: ${engine}, --base, fuzz-base${ext}\n${listed(lines)}`).toEqual([]);
    });
  });
});
