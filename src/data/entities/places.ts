// Shared places: countries, regions and deserts that many articles mention (Wikidata ids from src/data/reference/wikidata.tsv).
import { sharedEntities } from '../../authoring/kit.js';
import { wikidata } from './wikidata.js';

const e = sharedEntities(import.meta.url);
/** What this module declares, with call sites (for the registry). */
export const PLACES = e.declared;

export const westAfrica = e.region({ label: 'West Africa', wikidata: wikidata('Q4412') });
export const sahara = e.desert({ label: 'Sahara', altLabel: ['Sahara Desert'], wikidata: wikidata('Q6583') });
export const sahel = e.region({
  label: 'Sahel', wikidata: wikidata('Q66065'), description: ['the vast expanse south of the Sahara Desert'], southOf: [sahara],
});

export const russia = e.country({ label: 'Russia', wikidata: wikidata('Q159') });
export const mali = e.country({ label: 'Mali', wikidata: wikidata('Q912'), containedIn: [westAfrica] });
export const burkinaFaso = e.country({ label: 'Burkina Faso', wikidata: wikidata('Q965'), containedIn: [westAfrica] });
export const niger = e.country({ label: 'Niger', wikidata: wikidata('Q1032'), containedIn: [westAfrica] });
export const ukraine = e.country({ label: 'Ukraine', wikidata: wikidata('Q212') });
export const france = e.country({ label: 'France', wikidata: wikidata('Q142') });
export const unitedStates = e.country({ label: 'United States', altLabel: ['US'], wikidata: wikidata('Q30') });

export const northernMali = e.region({ label: 'northern Mali', containedIn: [mali] });
