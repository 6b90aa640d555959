// kg validate: check RDF files (syntax, decoding, the declarations' rules, SHACL) and print the reports (text, JSON, or SHACL validation reports in Turtle).
import { readFileSync } from 'node:fs';
import { UsageError } from '../../errors.js';
import { projectPath } from '../../project.js';
import { spool, stdinAtMostOnce } from '../../rdf/stdin.js';
import { checkBaseOption, type Io } from './io.js';
import { progress } from './progress.js';
import type { CommandValues } from './values.js';
import type { ShaclFileReport } from '../shacl-report.js';
import type { ShaclResult } from '../shacl.js';

/** Runs kg validate; returns the exit code the reports give (0 valid, 1 invalid data, 2 a file not read or parsed). */
export async function runValidate(opts: CommandValues<'validate'>, io: Io): Promise<number> {
  await checkBaseOption(opts.base);
  const shapesPath = opts.shapes ?? projectPath('ontology/shapes.ttl');
  const [{ parseShapes }, { exitCodeOf, formatReportsText, validateFile }, { reportsTurtle }] = await Promise.all([import('../shacl.js'), import('../validate.js'), import('../shacl-report.js')]);
  let shapes;
  try {
    shapes = parseShapes(readFileSync(shapesPath, 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot use the shapes ${shapesPath}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const files = opts.args;
  stdinAtMostOnce(files);
  const reports = [];
  const withResults: ShaclFileReport[] = [];
  const line = progress({ stream: io.stderr, env: io.env });
  for (const [i, file] of files.entries()) {
    // Standard input ("-", /dev/stdin) and pipes are copied to a temporary file first: validation reads a file several times.
    const input = await spool(file, io.stdin);
    try {
      const inputFormat = opts.inputFormat ?? input.defaultFormat;
      const shown = `${input.name}${files.length > 1 ? ` (${i + 1}/${files.length})` : ''}`;
      let step = '';
      const onStep = (s: string, triples: number): void => {
        line.update(`${shown}: ${s}${triples ? `, ${triples} triples` : ''}`, s !== step);
        step = s;
      };
      const results: ShaclResult[] = [];
      const onShaclResult = (r: ShaclResult): void => { results.push(r); };
      const report = await validateFile(input.path, { base: opts.base, shapes, shaclMaxTriples: opts.shaclMaxTriples, ...(inputFormat ? { inputFormat } : {}), ...(line.active ? { onStep } : {}), ...(opts.format === 'turtle' ? { onShaclResult } : {}) });
      const named = input.path === file ? report : { ...report, file: input.name };
      reports.push(named);
      withResults.push({ report: named, results });
    } finally {
      input.cleanup();
    }
  }
  line.clear();
  if (opts.format === 'turtle') io.stdout.write(await reportsTurtle(withResults, shapes));
  else io.stdout.write(opts.format === 'json' ? `${JSON.stringify(reports, null, 2)}\n` : formatReportsText(reports));
  return exitCodeOf(reports);
}
