// The public API of kg-news-rdf (`import … from 'kg-news-rdf'`): the class declarations and entity types, the
// authoring kit, the mapping to RDF and back, the checks, export, validation, query and the errors. Modules not
// re-exported here are internal and may move.

// The model: the declaration language, the class declarations and the types inferred from them.
export { defineClass, defineEnum } from './model/schema.js';
export type { ClassDecl, PropDecl, LangString, EntityOf } from './model/schema.js';
export { CLASSES, ENTITY_CLASSES, CLASS_BY_NAME } from './model/classes.js';
export type { Entity, EntityOfType } from './model/classes.js';
export { DEFAULT_BASE } from './model/vocab.js';

// The authoring kit: typed constructors for shared entities and articles, and their assembly into datasets.
export { article, sharedEntities } from './authoring/kit.js';
export type { ArticleDataset, ArticleKit, ArticleOptions, SharedKit } from './authoring/kit.js';
export { assemble } from './authoring/assemble.js';
export type { Corpus } from './authoring/assemble.js';
export type { Dataset } from './mapping/dataset.js';

// Entities to quads and back, and the checks run before anything is written.
export { entitiesQuads, entityQuads } from './mapping/encode.js';
export type { MapOptions } from './mapping/encode.js';
export { decodeQuads } from './mapping/decode.js';
export { assertValid, findProblems } from './mapping/check.js';

// The commands as functions: export, validation of RDF files, SPARQL over exported files.
export { checkAll, exportAll } from './commands/export.js';
export type { ExportOptions } from './commands/export.js';
export { validateFile } from './commands/validate.js';
export type { FileReport, Finding, ValidateOptions } from './commands/validate.js';
export { formatResults, loadStore, QueryError, runQuery } from './commands/query.js';
export type { ResultFormat } from './commands/query.js';

// The errors every layer throws.
export { DataError, InputError, UsageError } from './errors.js';
export type { DataProblem } from './errors.js';
