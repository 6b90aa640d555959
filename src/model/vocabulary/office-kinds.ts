// The open value set of kinds of office: a new kind of office is one line here.
import { defineEnum } from '../schema.js';

/** Kinds of office (`kg:officeKind`), each a SKOS concept of the scheme `office-kind`; a minister's portfolio in words goes in `kg:portfolio`. */
export const OfficeKind = defineEnum('office-kind', {
  'foreign-minister': { label: 'foreign minister', comment: 'The minister in charge of a country\'s foreign affairs.' },
  spokesperson: { label: 'spokesperson', comment: 'A person who speaks publicly on behalf of an organisation.' },
  'head-of-state': { label: 'head of state', comment: 'A country\'s head of state, e.g. a president or monarch.' },
  'head-of-government': { label: 'head of government', comment: 'A country\'s head of government, e.g. a prime minister.' },
  minister: { label: 'minister', comment: 'A government minister; the portfolio is given in words (kg:portfolio).' },
  'defence-minister': { label: 'defence minister', comment: 'The minister in charge of defence.' },
  'finance-minister': { label: 'finance minister', comment: 'The minister in charge of finance.' },
  'interior-minister': { label: 'interior minister', comment: 'The minister in charge of internal affairs.' },
  ambassador: { label: 'ambassador', comment: 'A state\'s diplomatic representative to another state or an organisation.' },
  'military-commander': { label: 'military commander', comment: 'A commander of an armed force or group.' },
  'chief-executive': { label: 'chief executive', comment: 'The head of a company.' },
  leader: { label: 'leader', comment: 'The leader of an organisation, group or movement.' },
});
