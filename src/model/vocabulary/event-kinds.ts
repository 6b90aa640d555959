// The open value set of event kinds: a new kind of event is one line here (a SKOS concept), not a new class; CAMEO codes as skos:notation.
import { defineEnum } from '../schema.js';

/**
 * Kinds of event (`kg:eventKind`), each a SKOS concept of the scheme `event-kind`; where a CAMEO event code
 * (Conflict and Mediation Event Observations, Schrodt 2012) fits, it is the concept's skos:notation.
 */
export const EventKind = defineEnum('event-kind', {
  talks: { label: 'talks', comment: 'A meeting or round of talks between representatives.', notation: 'CAMEO 04' },
  visit: { label: 'visit', comment: 'An official visit by a representative to another country or place.', notation: 'CAMEO 042' },
  offer: { label: 'offer', comment: 'An offer or promise of help or cooperation.', notation: 'CAMEO 03' },
  attack: { label: 'attack', comment: 'An armed attack.', notation: 'CAMEO 19' },
  'diplomatic-rupture': { label: 'cutting of diplomatic ties', comment: 'One state reducing or breaking diplomatic relations with another.', notation: 'CAMEO 161' },
  coup: { label: 'coup', comment: 'A seizure of power, usually by the military.' },
  expulsion: { label: 'expulsion', comment: 'Expelling or ordering the withdrawal of foreign forces, diplomats or organisations.', notation: 'CAMEO 166' },
  'security-cooperation': { label: 'security cooperation', comment: 'Providing military or security services or cooperating militarily.', notation: 'CAMEO 062' },
  'relations-change': { label: 'change in relations', comment: 'Relations between parties improving or deteriorating.' },
  signing: { label: 'signing of an agreement', comment: 'Parties signing a formal agreement, deal or treaty.', notation: 'CAMEO 057' },
  protest: { label: 'protest', comment: 'A protest, demonstration or unrest.', notation: 'CAMEO 14' },
  rally: { label: 'rally', comment: 'A demonstration or rally in support of or against something.', notation: 'CAMEO 141' },
  strike: { label: 'strike', comment: 'A strike or boycott.', notation: 'CAMEO 143' },
  election: { label: 'election', comment: 'An election or referendum.' },
  vote: { label: 'vote', comment: 'A vote by a body such as a parliament or council.' },
  ceasefire: { label: 'ceasefire', comment: 'A truce between warring parties.', notation: 'CAMEO 0871' },
  deployment: { label: 'deployment', comment: 'Sending troops or personnel somewhere.' },
  'economic-aid': { label: 'economic aid or loan', comment: 'Providing money, a loan or economic aid.', notation: 'CAMEO 071' },
  'production-change': { label: 'change in production', comment: 'A producer raising or cutting output.' },
  announcement: { label: 'announcement', comment: 'A public statement or announcement reported as an event.', notation: 'CAMEO 01' },
});
