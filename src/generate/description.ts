// Describes each exported dataset in VoID, DCAT and PROV: counts, class and property partitions, distributions and a canonical hash.
import { createHash } from 'node:crypto';
import { DataFactory, Parser } from 'n3';
import type { Quad, Term } from '@rdfjs/types';
import canonize from 'rdf-canonize';
import type { Dataset } from '../mapping/dataset.js';
import { FORMATS, type FormatName } from '../rdf/formats.js';
import { PACKAGE } from '../project.js';
import { termName } from './context.js';
import { DCT, PROV, RDF, RDFS, SCHEMA, STANDARD_PREFIXES, XSD } from '../model/vocab.js';
import type { EntityStats } from '../rdf/entity-writer.js';

const { namedNode, literal, quad } = DataFactory;

export const VOID_NS = 'http://rdfs.org/ns/void#';
export const DCAT_NS = 'http://www.w3.org/ns/dcat#';
export const SPDX_NS = 'http://spdx.org/rdf/terms#';
/** The licence of the exported data. */
export const DATA_LICENSE = 'https://creativecommons.org/licenses/by/4.0/';

/** The IRI of a dataset's description node under a base. */
export function datasetIri(base: string, name: string): string {
  return `${base}dataset/${name}`;
}

/** The IRI of the named graph that holds a dataset in N-Quads and TriG. */
export function graphIri(base: string, name: string): string {
  return `${base}graph/${name}`;
}

/** A readable path segment for a property: `<prefix>-<local name>` (`kg-time`, `rdfs-label`). */
function partitionName(iri: string): string {
  const best = STANDARD_PREFIXES.filter(([, ns]) => iri.startsWith(ns)).sort((a, b) => b[1].length - a[1].length)[0];
  return best ? `${best[0]}-${iri.slice(best[1].length)}` : encodeURIComponent(iri);
}

/**
 * The RDFC-1.0 canonical N-Quads of some quads, graphs kept (rdf-canonize). Its escaping follows RDFC-1.0 Appendix A
 * (ECHAR for BS, HT, LF, FF, CR, quote and backslash; \uXXXX with upper-case hex for the other C0 controls and DEL)
 * for every character literal text may hold (lexical.ts: XML 1.0 Char); the characters where rdf-canonize 5.0.0
 * differs from the spec (U+FFFE, U+FFFF and lone surrogates, written raw where RDFC-1.0 wants \uXXXX) are refused
 * before any quad is made. Tested against the spec's test060 and against Oxigraph's N-Quads writer.
 */
export async function canonicalNQuads(quads: readonly Quad[]): Promise<string> {
  return canonize.canonize([...quads], { algorithm: 'RDFC-1.0' });
}

/** The SHA-256 (hex) of the RDFC-1.0 canonical N-Quads of some quads taken as one graph (the same graph gives the same hash in any format). */
export async function canonicalHash(quads: readonly Quad[]): Promise<string> {
  const nquads = await canonicalNQuads(quads.map((q) => DataFactory.quad(q.subject, q.predicate, q.object, DataFactory.defaultGraph())));
  return createHash('sha256').update(nquads, 'utf8').digest('hex');
}

/** Counts gathered while quads go by: enough to describe a dataset of any size. */
export interface Stats extends EntityStats {
  /** The subject of the quad counted last, and the last subject counted as typed (counts are runs, see addToStats). */
  lastSubject: string;
  lastTyped: string;
}

/** Counts of nothing yet. */
export function emptyStats(): Stats {
  return { triples: 0, subjects: 0, entities: 0, lastSubject: '', lastTyped: '', classes: new Map(), properties: new Map(), documents: [] };
}

/**
 * Adds quads to the counts (subjects and entities are counted as runs: the mapping writes each subject's quads
 * together, its types first). Every asserted class counts in its partition, superclasses included: `void:class
 * kg:Agent` counts what `?x a kg:Agent` finds.
 */
export function addToStats(stats: Stats, quads: Iterable<Quad>): void {
  for (const q of quads) {
    stats.triples++;
    if (q.subject.value !== stats.lastSubject) { stats.subjects++; stats.lastSubject = q.subject.value; }
    if (q.predicate.value === RDF.type) {
      if (q.subject.value !== stats.lastTyped) { stats.entities++; stats.lastTyped = q.subject.value; }
      stats.classes.set(q.object.value, (stats.classes.get(q.object.value) ?? 0) + 1);
      if (q.object.value.endsWith('#SourceDocument') && stats.documents.length < 2) stats.documents.push(q.subject.value);
    }
    stats.properties.set(q.predicate.value, (stats.properties.get(q.predicate.value) ?? 0) + 1);
  }
}

/** The description quads of one dataset, given its quads and the files written for it. */
export async function describeDataset(dataset: Dataset, quads: readonly Quad[], base: string, files: ReadonlyArray<{ format: FormatName; name: string }>, hash?: string): Promise<Quad[]> {
  const stats = emptyStats();
  addToStats(stats, quads);
  return describeStats(dataset, stats, base, files, hash ?? await canonicalHash(quads));
}

/** What an earlier description says of one dataset: its canonical hash and the file names of its distributions. */
export interface DescribedDataset {
  readonly hash: string | undefined;
  readonly files: ReadonlySet<string>;
}

/** Reads an earlier description (the text of a void.ttl): dataset IRI to its hash and files; empty when it cannot be parsed. */
export function readDescription(turtle: string): Map<string, DescribedDataset> {
  let quads: Quad[];
  try {
    quads = new Parser({ format: 'text/turtle' }).parse(turtle) as Quad[];
  } catch {
    return new Map();
  }
  const objects = (s: string, p: string): string[] => quads.filter((q) => q.subject.value === s && q.predicate.value === p).map((q) => q.object.value);
  const out = new Map<string, DescribedDataset>();
  for (const q of quads) {
    if (q.predicate.value !== RDF.type || q.object.value !== `${VOID_NS}Dataset`) continue;
    const d = q.subject.value;
    const hash = objects(d, `${SPDX_NS}checksum`).flatMap((c) => objects(c, `${SPDX_NS}checksumValue`))[0];
    const files = new Set(objects(d, `${DCAT_NS}distribution`).flatMap((f) => objects(f, DCT.identifier)));
    out.set(d, { hash, files });
  }
  return out;
}

/** The description quads of one dataset from its counts; the canonical hash is left out when not given (a corpus too large to canonicalise in memory). */
export function describeStats(dataset: Dataset, stats: Stats, base: string, files: ReadonlyArray<{ format: FormatName; name: string }>, hash: string | undefined): Quad[] {
  const d = datasetIri(base, dataset.name);
  const out: Quad[] = [];
  const add = (s: string, p: string, o: Term) => out.push(quad(namedNode(s), namedNode(p), o as never));
  const int = (n: number) => literal(String(n), namedNode(XSD.integer));
  const { classes, properties } = stats;
  const doc = stats.documents.length === 1 ? stats.documents[0] : undefined;

  add(d, RDF.type, namedNode(`${VOID_NS}Dataset`));
  add(d, RDF.type, namedNode(`${DCAT_NS}Dataset`));
  add(d, DCT.title, literal(dataset.title, 'en'));
  if (doc) add(d, DCT.source, namedNode(doc));
  add(d, DCT.license, namedNode(DATA_LICENSE));
  add(d, `${VOID_NS}triples`, int(stats.triples));
  add(d, `${VOID_NS}distinctSubjects`, int(stats.subjects));
  add(d, `${VOID_NS}entities`, int(stats.entities));
  add(d, `${VOID_NS}classes`, int(classes.size));
  add(d, `${VOID_NS}properties`, int(properties.size));
  add(d, `${VOID_NS}uriSpace`, literal(base));
  if (hash) add(d, `${SPDX_NS}checksum`, namedNode(`${d}/checksum`));
  add(d, PROV.wasGeneratedBy, namedNode(`${d}/export`));
  for (const c of [...classes.keys()].sort()) add(d, `${VOID_NS}classPartition`, namedNode(`${d}/class/${termName(c)}`));
  for (const p of [...properties.keys()].sort()) add(d, `${VOID_NS}propertyPartition`, namedNode(`${d}/property/${partitionName(p)}`));
  for (const f of files) add(d, `${DCAT_NS}distribution`, namedNode(`${d}/distribution/${f.format}`));

  if (hash) add(`${d}/checksum`, RDF.type, namedNode(`${SPDX_NS}Checksum`));
  if (hash) add(`${d}/checksum`, `${SPDX_NS}algorithm`, namedNode(`${SPDX_NS}checksumAlgorithm_sha256`));
  if (hash) add(`${d}/checksum`, `${SPDX_NS}checksumValue`, literal(hash, namedNode(XSD.string)));
  if (hash) add(`${d}/checksum`, RDFS.comment, literal('SHA-256 of the dataset\'s triples in RDF Dataset Canonicalization (RDFC-1.0) N-Quads: equal hashes mean equal graphs, whatever the file format.', 'en'));

  add(`${d}/export`, RDF.type, namedNode(PROV.Activity));
  add(`${d}/export`, PROV.wasAssociatedWith, namedNode(`https://w3id.org/news-kg/software/${PACKAGE.name}/${PACKAGE.version}`));
  add(`https://w3id.org/news-kg/software/${PACKAGE.name}/${PACKAGE.version}`, RDF.type, namedNode(PROV.SoftwareAgent));
  add(`https://w3id.org/news-kg/software/${PACKAGE.name}/${PACKAGE.version}`, SCHEMA.name, literal(PACKAGE.name));
  add(`https://w3id.org/news-kg/software/${PACKAGE.name}/${PACKAGE.version}`, `${SCHEMA.ns}softwareVersion`, literal(PACKAGE.version));

  for (const [c, members] of [...classes].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const s = `${d}/class/${termName(c)}`;
    add(s, `${VOID_NS}class`, namedNode(c));
    add(s, `${VOID_NS}entities`, int(members));
  }
  for (const [p, n] of [...properties].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const s = `${d}/property/${partitionName(p)}`;
    add(s, `${VOID_NS}property`, namedNode(p));
    add(s, `${VOID_NS}triples`, int(n));
  }
  for (const f of files) {
    const s = `${d}/distribution/${f.format}`;
    add(s, RDF.type, namedNode(`${DCAT_NS}Distribution`));
    add(s, DCT.identifier, literal(f.name));
    add(s, `${DCAT_NS}mediaType`, namedNode(`https://www.iana.org/assignments/media-types/${FORMATS[f.format].mediaType}`));
  }
  return out;
}
