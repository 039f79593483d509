export * from './cursor.js';
export * from './page.js';
export * from './page-size.js';
export * from './time-id-cursor.js';
