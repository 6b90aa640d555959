// `kg push`, split by job under ./push/ (http, auth, chunks, upload, count); this file keeps the import path of its callers.
export * from './push/index.js';
