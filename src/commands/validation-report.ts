// The report of kg validate: what one file's validation found, the exit code of a set of reports, and their text form.
import type { Finding } from '../rdf/read.js';

/** The outcome of validating one file. */
export interface FileReport {
  readonly file: string;
  readonly status: 'valid' | 'invalid' | 'unreadable';
  readonly triples: number;
  readonly entities: number;
  /** Whether SHACL ran: always for shapes the streaming validator compiles, unless the file's entities are scattered over more than `shaclMaxTriples` triples; rdf-validate-shacl (other shapes) is skipped above `shaclMaxTriples`, and the report says so. */
  readonly shacl: 'ran' | 'skipped' | 'not reached';
  readonly findings: readonly Finding[];
}

/** The exit code for a set of reports: 2 if a file could not be read or parsed, else 1 if any is invalid, else 0. */
export function exitCodeOf(reports: readonly FileReport[]): number {
  if (reports.some((r) => r.status === 'unreadable')) return 2;
  return reports.some((r) => r.status === 'invalid') ? 1 : 0;
}

/** Prints reports as text: `file:line:column: message` for syntax, one line per violation otherwise, ending with where its entity is written (`(entity at file:line:column)`) when known. */
export function formatReportsText(reports: readonly FileReport[]): string {
  const out: string[] = [];
  for (const r of reports) {
    const shacl = r.shacl === 'skipped' ? '; SHACL skipped: too many triples for the in-memory engine (see --shacl-max-triples)' : '';
    if (r.status === 'valid') { out.push(`${r.file}: valid (${r.triples} triples, ${r.entities} entities${shacl})`); continue; }
    if (r.status === 'unreadable') {
      for (const f of r.findings) out.push(`${r.file}${f.line !== undefined ? `:${f.line}:${f.column ?? 1}` : ''}: ${f.message}`);
      continue;
    }
    out.push(`${r.file}: invalid (${r.findings.length} problem${r.findings.length === 1 ? '' : 's'} in ${r.triples} triples${shacl})`);
    for (const f of r.findings) {
      const where = f.kind === 'shacl'
        ? [f.focus && `focus <${f.focus}>`, f.path && `path <${f.path}>`].filter(Boolean).join(', ')
        : [f.focus && `entity ${f.focus}`, f.path && `field ${f.path}`].filter(Boolean).join(', ');
      const what = f.kind === 'shacl' ? `${f.constraint?.replace(/^.*#/, 'sh:')}: ${f.message}` : f.message;
      const place = f.line === undefined ? '' : ` (${f.focus === undefined ? 'at' : f.kind === 'shacl' ? 'focus at' : 'entity at'} ${r.file}:${f.line}:${f.column ?? 1})`;
      out.push(`  ${f.kind}: ${where ? `${where}: ` : ''}${what}${f.value !== undefined ? ` (value ${f.value})` : ''}${place}`);
    }
  }
  return out.join('\n') + '\n';
}
