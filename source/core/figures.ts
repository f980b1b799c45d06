// The figures API; the modules are in figures/ (see figures/index.ts for the stages).

export * from './figures/index.js';
export type {LinedUp} from './types.js';
