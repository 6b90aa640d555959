// The hand-written N-Triples limit of the benchmark: the least a writer can do (escape, concatenate, write in 1 MB blocks), for reference only.
import { closeSync, openSync, writeSync } from 'node:fs';

const ESCAPE = /["\\\n\r\t\u0000-\u001f\u007f\ufffe\uffff]/;
const ESCAPE_ALL = /["\\\n\r\t\u0000-\u001f\u007f\ufffe\uffff]/g;
const SHORT = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
const escape = (s) => (ESCAPE.test(s) ? s.replace(ESCAPE_ALL, (c) => SHORT[c] ?? `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`) : s);
const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';

function term(t) {
  if (t.termType !== 'Literal') return `<${t.value}>`;
  if (t.language) return `"${escape(t.value)}"@${t.language}`;
  return t.datatype.value === XSD_STRING ? `"${escape(t.value)}"` : `"${escape(t.value)}"^^<${t.datatype.value}>`;
}

/** Writes quads (IRIs and literals) as N-Triples to a file. */
export function writeNTriplesMinimal(quads, path) {
  const fd = openSync(path, 'w');
  let out = '';
  for (const q of quads) {
    out += `${term(q.subject)} ${term(q.predicate)} ${term(q.object)} .\n`;
    if (out.length > 1 << 20) { writeSync(fd, out); out = ''; }
  }
  writeSync(fd, out);
  closeSync(fd);
}
