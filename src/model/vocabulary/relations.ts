// The open value set of relations that claim content (propositions) may use: a new relation is one line here.
import { defineEnum } from '../schema.js';

/** Relations of propositions (`rdf:predicate` of a `kg:Proposition`), each a SKOS concept of the scheme `relation`; never used as a predicate of the data. */
export const Relation = defineEnum('relation', {
  supports: { label: 'supports', comment: 'The subject gives support to the object.' },
  opposes: { label: 'opposes', comment: 'The subject opposes the object.' },
  destabilises: { label: 'destabilises', comment: 'The subject destabilises the object (a region or a state).' },
  'turns-blind-eye-to': { label: 'turns a blind eye to', comment: 'The subject knowingly ignores the object.' },
  'is-a': { label: 'is a', comment: 'The subject is, or is viewed as, what the object text describes.' },
  aided: { label: 'aided', comment: 'The subject helped bring about the object (an event).' },
  'received-information-from': { label: 'received information from', comment: 'The subject received information from the object.' },
  'was-among-largest-losses-of': { label: 'was among the largest losses of', comment: 'The subject (an event) was one of the largest losses of the object.' },
  'lacked-review': { label: 'was done without a thorough review', comment: 'The subject (an action) was taken without a thorough review of the situation.' },
  'lacked-evidence': { label: 'was done without evidence', comment: 'The subject (an action) was taken without evidence of the object.' },
  'has-been-working-in': { label: 'has been working in', comment: 'The subject has been working in the object (a place).' },
  'will-help': { label: 'will help', comment: 'The subject will help the object (a promise or plan).' },
  'will-provide': { label: 'will provide', comment: 'The subject will provide what the object text or object names.' },
  'will-train': { label: 'will train', comment: 'The subject will train the object.' },
  attacked: { label: 'attacked', comment: 'The subject attacked the object.' },
  injured: { label: 'injured', comment: 'The subject (an event or agent) injured the object (people, in words).' },
  killed: { label: 'killed', comment: 'The subject killed the object.' },
  funds: { label: 'funds', comment: 'The subject funds or finances the object.' },
  controls: { label: 'controls', comment: 'The subject controls the object.' },
  'cooperates-with': { label: 'cooperates with', comment: 'The subject cooperates with the object.' },
  'holds-stake-in': { label: 'holds a stake in', comment: 'The subject owns a share of the object.' },
  'is-member-of': { label: 'is a member of', comment: 'The subject belongs to the object.' },
  'is-located-in': { label: 'is located in', comment: 'The subject is in the object (a place).' },
  holds: { label: 'holds', comment: 'The subject (a state of affairs, e.g. a ceasefire) holds or continues.' },
  violated: { label: 'violated', comment: 'The subject violated the object (an agreement, a ceasefire, a law).' },
  'will-resume': { label: 'will resume', comment: 'The subject (e.g. talks) will resume.' },
});
