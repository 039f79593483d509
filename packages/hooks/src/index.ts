export * from './access-matrix.js';
export * from './access-table.js';
export * from './use-case-hooks.js';
