// Exports datasets and the ontology: checks everything first, then writes all files as one output set (switched into place as one unit).
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { findProblems } from '../mapping/check.js';
import type { Dataset } from '../mapping/dataset.js';
import { entitiesQuads, sortedById, type MapOptions } from '../mapping/encode.js';
import { DataError, UsageError } from '../errors.js';
import { checkBase } from '../mapping/iri.js';
import { ontologyQuads } from '../generate/ontology.js';
import { writeTurtle, type TurtleOptions } from '../rdf/turtle.js';
import type { Quad } from '@rdfjs/types';
import { jsonldContext } from '../generate/context.js';
import { canonicalHash, datasetIri, describeDataset, graphIri, readDescription, type DescribedDataset } from '../generate/description.js';
import { FORMATS, serialize, type FormatName } from '../rdf/formats.js';
import { stageFiles, withOutputSet, type PendingFile } from '../rdf/atomic.js';
import { shapesGraph } from '../generate/shapes.js';
import { GENERATED } from '../generate/files.js';

/** The file names of the generated files (from the one registry, src/generate/files.ts). */
export const ONTOLOGY_FILE = GENERATED.ontology.name;
export const SHAPES_FILE = GENERATED.shapes.name;
export const DESCRIPTION_FILE = GENERATED.description.name;
export const CONTEXT_FILE = GENERATED.context.name;

/** The header and prefixes of a dataset's Turtle. */
export function dataTurtleOptions(dataset: Dataset, options: MapOptions): TurtleOptions {
  return GENERATED.dataset.options(dataset, options.base);
}

/** The Turtle options of the ontology file. */
export function ontologyTurtleOptions(): TurtleOptions {
  return GENERATED.ontology.options();
}

/** Checks a base IRI and every dataset; throws a UsageError or a DataError before anything is written. */
export function checkAll(datasets: readonly Dataset[], options: MapOptions): void {
  const baseProblem = checkBase(options.base);
  if (baseProblem) throw new UsageError(baseProblem);
  const names = new Set<string>([ONTOLOGY_FILE, SHAPES_FILE, DESCRIPTION_FILE, CONTEXT_FILE].map((f) => f.replace(/\.[a-z]+$/, '')));
  for (const d of datasets) {
    if (names.has(d.name)) throw new DataError([{ entity: `dataset ${d.name}`, field: 'name', message: 'another dataset or the ontology is written under this name' }]);
    names.add(d.name);
  }
  for (const d of datasets) {
    const problems = findProblems(d.entities);
    if (problems.length) {
      throw new DataError(problems.map((p) => {
        const at = d.origins?.get(p.entity);
        return at ? { ...p, message: `${p.message} (declared at ${at})` } : p;
      }));
    }
  }
}

/** Options of an export: the base IRI and the formats to write. */
export interface ExportOptions extends MapOptions {
  readonly formats?: readonly FormatName[];
}

/** The file of one dataset in one format (default Turtle) for an output set; `quads` may be given when already built. */
export function datasetFile(dir: string, dataset: Dataset, options: MapOptions, format: FormatName = 'turtle', quads?: readonly Quad[]): PendingFile {
  return {
    path: join(dir, `${dataset.name}.${FORMATS[format].ext}`),
    write: (sink) => serialize(format, quads ?? entitiesQuads(sortedById(dataset.entities), options), {
      ...dataTurtleOptions(dataset, options), graph: graphIri(options.base, dataset.name), context: jsonldContext(options.base),
    }, sink),
  };
}


/** The ontology file for an output set. */
export function ontologyFile(dir: string): PendingFile {
  return { path: join(dir, ONTOLOGY_FILE), write: (sink) => writeTurtle(ontologyQuads(), ontologyTurtleOptions(), sink) };
}

/**
 * Checks, then writes every dataset in every format, the dataset description, the JSON-LD context (with JSON-LD) and
 * the ontology into `outDir` as one output set (src/rdf/output-set.ts: staged, then switched into place as one unit under
 * the folder's lock); returns the paths written. The description lists exactly the files of each dataset in
 * the folder after the run: besides the formats asked for, a file of another format already there is kept (and
 * listed, untouched) when the earlier description gave it and the same canonical hash, and rewritten otherwise, so
 * that it holds the current graph. Files of datasets not exported are neither touched nor listed.
 * @throws UsageError or DataError from the checks (nothing written), UsageError when `outDir` cannot hold files or another run holds it.
 */
export async function exportAll(datasets: readonly Dataset[], outDir: string, options: ExportOptions): Promise<string[]> {
  checkAll(datasets, options);
  const formats = options.formats ?? ['turtle'];
  // The folder is read (its description, the files already there) and written under one lock, as one output set.
  return withOutputSet(outDir, async (set) => {
    const previous = readDescriptionFile(join(outDir, DESCRIPTION_FILE));
    const files: PendingFile[] = [];
    const description: Quad[] = [];
    let jsonld = false;
    for (const dataset of datasets) {
      const quads = [...entitiesQuads(sortedById(dataset.entities), options)];
      const hash = await canonicalHash(quads);
      const before = previous.get(datasetIri(options.base, dataset.name));
      const listed: Array<{ format: FormatName; name: string }> = [];
      for (const format of Object.keys(FORMATS) as FormatName[]) {
        const name = `${dataset.name}.${FORMATS[format].ext}`;
        const asked = formats.includes(format);
        if (!asked && !isFile(join(outDir, name))) continue;
        const unchanged = !asked && before?.hash === hash && before.files.has(name);
        if (!unchanged) files.push(datasetFile(outDir, dataset, options, format, quads));
        listed.push({ format, name });
        if (format === 'jsonld') jsonld = true;
      }
      description.push(...await describeDataset(dataset, quads, options.base, listed, hash));
    }
    if (jsonld) {
      files.push({ path: join(outDir, CONTEXT_FILE), write: (sink) => sink(`${JSON.stringify(jsonldContext(options.base), null, 2)}\n`) });
    }
    files.push({
      path: join(outDir, DESCRIPTION_FILE),
      write: (sink) => writeTurtle(description, GENERATED.description.options(options.base), sink),
    });
    files.push(ontologyFile(outDir));
    await stageFiles(set, files);
    return files.map((f) => f.path);
  });
}

/** Whether a path names a file (not a folder). */
function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** What the description already in a folder says of each dataset; empty when there is none. */
function readDescriptionFile(path: string): Map<string, DescribedDataset> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return new Map();
  }
  return readDescription(text);
}


/** The shapes file for an output set; its lists are written as `( … )`. */
export function shapesFile(dir: string): PendingFile {
  const { quads, lists } = shapesGraph();
  return {
    path: join(dir, SHAPES_FILE),
    write: (sink) => writeTurtle(quads, { ...GENERATED.shapes.options(), lists }, sink),
  };
}
