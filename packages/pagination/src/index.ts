export * from './cursor.js';
export * from './cursor-values.js';
export * from './page.js';
export * from './page-size.js';
export * from './score-time-id-cursor.js';
export * from './time-id-cursor.js';
export * from './version-range.js';
