# rdflib (Debian's python3-rdflib) as one engine of the interop tests: parses files and runs queries in one process.
#
# Reads a job as JSON on stdin:
#   {"parse": [{"file": F, "format": "turtle" | "nt" | "nquads" | "trig" | "json-ld"}],
#    "query": {"data": [TURTLE FILE...], "queries": [{"name": N, "file": Q}]}}
# and writes JSON on stdout:
#   {"rdflib": VERSION,
#    "parse": {F: {"quads": [[S, P, O, G], ...]} | {"error": MESSAGE}},
#    "query": {N: {"results": SPARQL 1.1 JSON RESULTS} | {"error": MESSAGE}}}
# Terms are SPARQL JSON terms ({"type": "uri" | "bnode" | "literal", "value", "xml:lang"?, "datatype"?}); G is null
# for the default graph. Each parse and each query fails on its own, with rdflib's message.
import json
import sys
import traceback

import rdflib
from rdflib import BNode, Literal, URIRef
from rdflib.graph import ConjunctiveGraph, Graph

QUAD_FORMATS = {'nquads', 'trig', 'json-ld'}
DEFAULT_GRAPH_IDS = {'urn:x-rdflib:default'}


def term(t):
    if isinstance(t, URIRef):
        return {'type': 'uri', 'value': str(t)}
    if isinstance(t, BNode):
        return {'type': 'bnode', 'value': str(t)}
    if isinstance(t, Literal):
        out = {'type': 'literal', 'value': str(t)}
        if t.language:
            out['xml:lang'] = t.language
        elif t.datatype:
            out['datatype'] = str(t.datatype)
        return out
    raise TypeError(f'unexpected term {t!r}')


def error(e):
    lines = traceback.format_exception_only(type(e), e)
    return ''.join(lines).strip()


def parse(path, fmt):
    if fmt in QUAD_FORMATS:
        g = ConjunctiveGraph()
        # The default graph of the file lands in the graph that parse() returns (named after the file), or in
        # the store's default context.
        defaults = {g.parse(path, format=fmt).identifier, g.default_context.identifier}
        quads = []
        for s, p, o, ctx in g.quads((None, None, None, None)):
            gid = ctx.identifier if ctx is not None else g.default_context.identifier
            named = gid not in defaults and str(gid) not in DEFAULT_GRAPH_IDS
            quads.append([term(s), term(p), term(o), term(gid) if named else None])
        return quads
    g = Graph()
    g.parse(path, format=fmt)
    return [[term(s), term(p), term(o), None] for s, p, o in g]


def main():
    job = json.load(sys.stdin)
    out = {'rdflib': rdflib.__version__, 'parse': {}, 'query': {}}
    for item in job.get('parse', []):
        try:
            out['parse'][item['file']] = {'quads': parse(item['file'], item['format'])}
        except Exception as e:  # one file's failure is that file's result
            out['parse'][item['file']] = {'error': error(e)}
    query = job.get('query')
    if query:
        g = Graph()
        for path in query['data']:
            g.parse(path, format='turtle')
        for q in query['queries']:
            try:
                with open(q['file'], encoding='utf-8') as f:
                    text = f.read()
                result = g.query(text)
                out['query'][q['name']] = {'results': json.loads(result.serialize(format='json'))}
            except Exception as e:  # one query's failure is that query's result
                out['query'][q['name']] = {'error': error(e)}
    json.dump(out, sys.stdout)  # ASCII with \u escapes: a lone surrogate an rdflib parser made (see tests/interop/fuzz.test.ts) is still valid JSON


main()
