// Writes the SHACL results of kg validate as Turtle: one sh:ValidationReport per file (SHACL §3.6), its results as blank nodes; what SHACL does not express (syntax, decoding, checks) as comments.
import type { Quad, Term } from '@rdfjs/types';
import { DataFactory } from 'n3';
import type { Finding } from '../rdf/read.js';
import { sinkWriter } from '../rdf/turtle.js';
import { ResultText, type ShaclResult } from './shacl.js';
import type { FileReport } from './validation-report.js';

const { blankNode, literal, namedNode, quad } = DataFactory;

const SH = 'http://www.w3.org/ns/shacl#';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const RDFS_LABEL = 'http://www.w3.org/2000/01/rdf-schema#label';
const XSD_BOOLEAN = 'http://www.w3.org/2001/XMLSchema#boolean';

/** A file's report with the SHACL results behind its findings. */
export interface ShaclFileReport {
  readonly report: FileReport;
  readonly results: readonly ShaclResult[];
}

/** One finding as a comment line (line breaks in messages folded, so that the comment stays one line). */
function comment(file: string, f: Finding): string {
  const where = [f.line !== undefined ? `${file}:${f.line}:${f.column ?? 1}` : file, f.focus && `entity ${f.focus}`, f.path && `field ${f.path}`].filter(Boolean).join(', ');
  return `# ${f.kind}: ${where}: ${f.message}`.replace(/[\r\n\u2028\u2029\u0085]+/g, ' ');
}

/**
 * The reports as Turtle: for each file whose SHACL validation ran, a blank node `a sh:ValidationReport` labelled
 * with the file (rdfs:label), with sh:conforms and one sh:result blank node per result (sh:focusNode, sh:resultPath
 * with an inverse path written out, sh:value, sh:sourceConstraintComponent, sh:sourceShape, sh:resultSeverity,
 * sh:resultMessage — the engine's messages, or kg validate's where the engine gives none); blank nodes of the data
 * are named per file (`_:f1-b3`). Files SHACL did not reach and findings of the other steps are `#` comments.
 */
export async function reportsTurtle(reports: readonly ShaclFileReport[], shapes: readonly Quad[]): Promise<string> {
  const text = new ResultText(shapes);
  const structure = new Map<string, Quad[]>();
  for (const q of shapes) if (q.subject.termType === 'BlankNode') structure.set(q.subject.value, [...(structure.get(q.subject.value) ?? []), q]);
  const chunks: string[] = [];
  const comments: string[] = ['# SHACL validation reports of kg validate (SHACL §3.6).'];
  for (const { report } of reports) {
    if (report.shacl !== 'ran') comments.push(`# ${report.file}: SHACL ${report.shacl === 'skipped' ? 'skipped: too many triples for the in-memory engine (see --shacl-max-triples)' : `not reached (${report.status})`}`);
    for (const f of report.findings) if (f.kind !== 'shacl') comments.push(comment(report.file, f));
  }
  chunks.push(`${comments.join('\n')}\n\n`);
  const writer = sinkWriter((c) => chunks.push(c), { prefixes: { sh: SH, rdfs: 'http://www.w3.org/2000/01/rdf-schema#', xsd: 'http://www.w3.org/2001/XMLSchema#' } });
  /** A term of the shapes graph, blank nodes written out with what the shapes graph says of them (as the engine copies them). */
  const fromShapes = (t: Term, seen: Set<string> = new Set()): Term => {
    if (t.termType !== 'BlankNode' || seen.has(t.value)) return t;
    seen.add(t.value);
    return writer.blank((structure.get(t.value) ?? []).map((q) => ({ predicate: q.predicate, object: fromShapes(q.object, seen) })) as never) as unknown as Term;
  };
  reports.filter((r) => r.report.shacl === 'ran').forEach(({ report, results }, i) => {
    const fromData = (t: Term): Term => (t.termType === 'BlankNode' ? blankNode(`f${i + 1}-${t.value}`) : t);
    const node = blankNode(`report${i + 1}`);
    writer.addQuad(quad(node, namedNode(RDF_TYPE), namedNode(`${SH}ValidationReport`)));
    writer.addQuad(quad(node, namedNode(RDFS_LABEL), literal(report.file)));
    writer.addQuad(quad(node, namedNode(`${SH}conforms`), literal(String(results.length === 0), namedNode(XSD_BOOLEAN))));
    for (const r of results) {
      const fields: Array<{ predicate: Term; object: Term }> = [
        { predicate: namedNode(RDF_TYPE), object: namedNode(`${SH}ValidationResult`) },
        { predicate: namedNode(`${SH}focusNode`), object: fromData(r.focus) },
        ...(r.path ? [{ predicate: namedNode(`${SH}resultPath`), object: fromShapes(r.path) }] : []),
        ...(r.value ? [{ predicate: namedNode(`${SH}value`), object: fromData(r.value) }] : []),
        { predicate: namedNode(`${SH}sourceConstraintComponent`), object: r.component },
        { predicate: namedNode(`${SH}sourceShape`), object: fromShapes(r.shape) },
        { predicate: namedNode(`${SH}resultSeverity`), object: r.severity },
        ...(r.messages.length ? r.messages : [literal(text.message(r))]).map((m) => ({ predicate: namedNode(`${SH}resultMessage`), object: m as Term })),
      ];
      writer.addQuad(quad(node, namedNode(`${SH}result`), writer.blank(fields as never) as never));
    }
  });
  await new Promise<void>((resolve, reject) => writer.end((error: Error | null) => (error ? reject(error) : resolve())));
  return chunks.join('');
}
