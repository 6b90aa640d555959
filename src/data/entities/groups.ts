// Shared groups: sets of agents the reports keep returning to (the Sahel countries, the ruling juntas, the West).
import { sharedEntities } from '../../authoring/kit.js';
import { governmentOfBurkinaFaso, governmentOfMali, governmentOfNiger } from './organisations.js';
import { burkinaFaso, mali, niger } from './places.js';

const e = sharedEntities(import.meta.url);
/** What this module declares, with call sites (for the registry). */
export const GROUPS = e.declared;

export const sahelCountries = e.group({ label: 'the Sahel countries', slug: 'sahel-countries', altLabel: ['the three countries'], member: [mali, burkinaFaso, niger] });
export const rulingJuntas = e.group({
  label: 'the ruling juntas', slug: 'ruling-juntas', editorialNote: ['of Mali, Burkina Faso and Niger'], member: [governmentOfMali, governmentOfBurkinaFaso, governmentOfNiger],
});
export const theWest = e.group({ label: 'the West', slug: 'the-west' });
export const russianMilitaryInstructors = e.group({ label: 'Russian military instructors' });
