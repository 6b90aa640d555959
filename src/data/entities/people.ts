// Shared people and the offices they hold: named people who outlive one article (unnamed ones belong to their article).
import { sharedEntities } from '../../authoring/kit.js';
import { ukrainianMilitaryIntelligence } from './organisations.js';
import { burkinaFaso, mali, niger, russia, ukraine } from './places.js';
import { wikidata } from './wikidata.js';

const e = sharedEntities(import.meta.url);
/** What this module declares, with call sites (for the registry). */
export const PEOPLE = e.declared;

export const foreignMinisterOfRussia = e.office({ label: 'Foreign Minister of Russia', officeKind: 'foreign-minister', ofCountry: russia });
export const foreignMinisterOfMali = e.office({ label: 'Foreign Minister of Mali', officeKind: 'foreign-minister', ofCountry: mali });
export const foreignMinisterOfBurkinaFaso = e.office({ label: 'Foreign Minister of Burkina Faso', officeKind: 'foreign-minister', ofCountry: burkinaFaso });
export const foreignMinisterOfNiger = e.office({ label: 'Foreign Minister of Niger', officeKind: 'foreign-minister', ofCountry: niger });
export const spokespersonOfUkrainianMilitaryIntelligence = e.office({
  label: 'spokesperson for Ukrainian military intelligence', slug: 'spokesperson-of-ukrainian-military-intelligence',
  officeKind: 'spokesperson', ofCountry: ukraine, postIn: ukrainianMilitaryIntelligence,
});

export const sergeyLavrov = e.person({
  label: 'Sergey Lavrov', name: 'Sergey Lavrov', altLabel: ["Russia's top diplomat"], wikidata: wikidata('Q58217'), holds: [foreignMinisterOfRussia],
});
export const abdoulayeDiop = e.person({ label: 'Abdoulaye Diop', name: 'Abdoulaye Diop', holds: [foreignMinisterOfMali] });
