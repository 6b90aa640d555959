// Pictures of the graph and of the class hierarchy: DOT built from the model, laid out by Graphviz (WASM, @viz-js/viz) into inline SVG.
import { instance, type Viz } from '@viz-js/viz';
import { Agent, CLASSES, Place, Proposition, SourceDocument, TextSpan, TimeExpression } from '../model/classes.js';
import { isOwnTerm } from '../generate/ontology.js';
import { KG_NS } from '../model/vocab.js';
import { propertiesOf, type ClassDecl } from '../model/schema.js';
import { esc } from './html.js';
import { byString, type EntityInfo, type SiteModel } from './model.js';

let viz: Promise<Viz> | undefined;

/** Renders DOT to SVG with Graphviz and returns it ready to inline in HTML (no XML prolog, doctype or comments). */
export async function renderSvg(dot: string): Promise<string> {
  viz ??= instance();
  const result = (await viz).render(dot, { format: 'svg', engine: 'dot' });
  if (result.status !== 'success') throw new Error(`Graphviz could not lay out a picture: ${result.errors.map((e) => e.message).join('; ')}`);
  return result.output
    .replace(/<\?xml[^>]*\?>\s*/, '')
    .replace(/<!DOCTYPE[^>]*>\s*/, '')
    .replace(/<!--[\s\S]*?-->\s*/g, '')
    .trim();
}

/** A DOT double-quoted string (for ids, URLs and tooltips). */
function dotString(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, ' ')}"`;
}

/** A DOT HTML-like label: escaped text, broken into lines of about `width` characters. */
function dotLabel(text: string, width = 22): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) { lines.push(line); line = word; } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return `<${lines.map(esc).join('<BR/>')}>`;
}

/** The colour group of an entity in the picture, also used by the legend. */
export const NODE_KINDS = [
  { kind: 'agent', label: 'people, countries, organisations, groups', fill: '#dbeafe', stroke: '#3b6fb6' },
  { kind: 'place', label: 'places', fill: '#dcfce7', stroke: '#2f8a4c' },
  { kind: 'office', label: 'offices', fill: '#f1f5f9', stroke: '#64748b' },
  { kind: 'event', label: 'facts (events)', fill: '#ffedd5', stroke: '#c2620f' },
  { kind: 'claim', label: 'claims (never asserted as fact)', fill: '#f3e8ff', stroke: '#8b4fc8' },
] as const;

type NodeKind = (typeof NODE_KINDS)[number]['kind'];

function kindOf(model: SiteModel, e: EntityInfo): NodeKind {
  if (model.isFact(e)) return 'event';
  if (model.isClaimLike(e)) return 'claim';
  if (model.isA(e, Agent)) return 'agent';
  if (model.isA(e, Place)) return 'place';
  return 'office';
}

/** The classes left out of the picture of the graph: text spans, time expressions, documents and claim contents. */
const NOT_IN_PICTURE: readonly ClassDecl[] = [TextSpan, TimeExpression, SourceDocument, Proposition];

/** References drawn lighter (dashed) to keep the picture readable: what a claim is about. */
const LIGHT_EDGES: readonly string[] = [`${KG_NS}about`];

/** The entities drawn in the picture of the graph, sorted by id. */
export function pictureEntities(model: SiteModel): EntityInfo[] {
  return [...model.entities.values()].filter((e) => !NOT_IN_PICTURE.includes(e.cls));
}

/** The DOT of the picture of the graph: entities as nodes linking to their pages, references between them as labelled edges. */
export function entityGraphDot(model: SiteModel, hrefPrefix: string): string {
  const nodes = pictureEntities(model);
  const inPicture = new Set(nodes.map((n) => n.iri));
  const lines: string[] = [];
  for (const n of nodes) {
    const k = NODE_KINDS.find((x) => x.kind === kindOf(model, n)) ?? NODE_KINDS[0];
    lines.push(`  ${dotString(n.id)} [label=${dotLabel(n.label)} href=${dotString(hrefPrefix + n.path)} tooltip=${dotString(`${n.label} (${n.cls.label})`)} fillcolor="${k.fill}" color="${k.stroke}" class="kind-${k.kind}"];`);
  }
  const edges: string[] = [];
  for (const n of nodes) {
    for (const q of model.about(n.iri)) {
      if (q.object.termType !== 'NamedNode' || !inPicture.has(q.object.value)) continue;
      const target = model.entities.get(q.object.value);
      const prop = propertiesOf(n.cls).find((p) => p.prop.iri === q.predicate.value && p.prop.kind === 'ref');
      if (!target || !prop) continue;
      const light = LIGHT_EDGES.includes(q.predicate.value) ? ' style=dashed color="#b4bac3"' : '';
      edges.push(`  ${dotString(n.id)} -> ${dotString(target.id)} [label=${dotLabel(prop.prop.label, 16)} tooltip=${dotString(`${n.label} — ${prop.prop.label} → ${target.label}`)}${light}];`);
    }
  }
  return [
    'digraph entities {',
    '  graph [rankdir=LR fontname="Helvetica,Arial,sans-serif" bgcolor="transparent" pad=0.2 nodesep=0.18 ranksep=0.9 id="entity-graph"];',
    '  node [shape=box style="rounded,filled" fontname="Helvetica,Arial,sans-serif" fontsize=12.5 margin="0.12,0.05" penwidth=1.2];',
    '  edge [fontname="Helvetica,Arial,sans-serif" fontsize=10.5 color="#8a8f98" fontcolor="#4b5563" arrowsize=0.6];',
    ...lines,
    ...edges,
    '}',
  ].join('\n');
}

/** The DOT of the class diagram: our classes (abstract ones dashed), each pointing to its superclasses, nodes linking to their entries. */
export function classDiagramDot(anchorOf: (iri: string) => string): string {
  const own = (CLASSES as readonly ClassDecl[]).filter((c) => isOwnTerm(c.iri)).sort((a, b) => byString(a.name, b.name));
  const lines = own.map((c) => {
    const style = c.abstract ? 'rounded,dashed,filled' : 'rounded,filled';
    return `  ${dotString(c.name)} [label=${dotLabel(c.name, 40)} href=${dotString(`#${anchorOf(c.iri)}`)} tooltip=${dotString(`${c.label}: ${c.comment}`)} style="${style}"];`;
  });
  const edges: string[] = [];
  for (const c of own) {
    for (const s of [c.parent, ...(c.alsoSubClassOf ?? [])]) {
      if (s && isOwnTerm(s.iri)) edges.push(`  ${dotString(s.name)} -> ${dotString(c.name)} [dir=back arrowtail=empty tooltip=${dotString(`${c.name} is a subclass of ${s.name}`)}];`);
    }
  }
  return [
    'digraph classes {',
    '  graph [rankdir=LR fontname="Helvetica,Arial,sans-serif" bgcolor="transparent" pad=0.2 nodesep=0.12 ranksep=0.5 id="class-diagram"];',
    '  node [shape=box fontname="Helvetica,Arial,sans-serif" fontsize=12.5 margin="0.10,0.04" fillcolor="#eef2ff" color="#4f46e5" penwidth=1.1];',
    '  edge [color="#6b7280" arrowsize=0.8];',
    ...lines,
    ...edges,
    '}',
  ].join('\n');
}
