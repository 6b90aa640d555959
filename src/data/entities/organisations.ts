// Shared organisations: governments, ministries, armed forces, intelligence services, armed groups and contractors.
import { sharedEntities } from '../../authoring/kit.js';
import { burkinaFaso, france, mali, niger, russia, ukraine, unitedStates } from './places.js';

const e = sharedEntities(import.meta.url);
/** What this module declares, with call sites (for the registry). */
export const ORGANISATIONS = e.declared;

export const governmentOfRussia = e.government({ label: 'government of Russia', altLabel: ['Moscow'], country: russia });
export const governmentOfMali = e.government({ label: 'government of Mali', editorialNote: ['a ruling military junta'], altLabel: ['Mali’s government'], country: mali });
export const governmentOfBurkinaFaso = e.government({ label: 'government of Burkina Faso', editorialNote: ['a ruling military junta'], country: burkinaFaso });
export const governmentOfNiger = e.government({ label: 'government of Niger', editorialNote: ['a ruling military junta'], country: niger });
export const governmentOfUkraine = e.government({ label: 'government of Ukraine', altLabel: ['Kiev'], country: ukraine });

export const foreignMinistryOfUkraine = e.ministry({
  label: "Ukraine's Foreign Ministry", slug: 'foreign-ministry-of-ukraine', country: ukraine, subOrganizationOf: governmentOfUkraine,
});
export const ukrainianMilitaryIntelligence = e.intelligenceService({ label: 'Ukrainian military intelligence', country: ukraine });

export const armedForcesOfMali = e.armedForce({ label: 'armed forces of Mali', altLabel: ['Malian soldiers'], country: mali });
export const armedForcesOfBurkinaFaso = e.armedForce({ label: 'armed forces of Burkina Faso', country: burkinaFaso });
export const armedForcesOfNiger = e.armedForce({ label: 'armed forces of Niger', country: niger });
export const unitedArmedForcesOfSahel = e.armedForce({ label: 'the united armed forces of Sahel', slug: 'united-armed-forces-of-sahel' });
export const frenchForces = e.armedForce({ label: 'French forces', country: france });
export const usForces = e.armedForce({ label: 'US forces', country: unitedStates });

export const armedGroupsInNorthernMali = e.armedGroup({
  label: 'armed groups in northern Mali', altLabel: ['militants and rebels', 'armed groups in Mali'],
});
export const russianMilitaryContractors = e.militaryContractor({
  label: 'Russian military contractors', altLabel: ['Russian mercenaries', 'the Russian contractors', 'Russian security contractors'], country: russia,
});
