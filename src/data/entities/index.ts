// The shared registry: every entity that outlives one article, declared once; articles refer to these constants.
import type { Declared } from '../../authoring/kit.js';
import { GROUPS } from './groups.js';
import { ORGANISATIONS } from './organisations.js';
import { PEOPLE } from './people.js';
import { PLACES } from './places.js';

export * from './groups.js';
export * from './organisations.js';
export * from './people.js';
export * from './places.js';

/** Every shared entity with the module and call that declared it. */
export const SHARED_ENTITIES: readonly Declared[] = [...PLACES, ...ORGANISATIONS, ...GROUPS, ...PEOPLE];
