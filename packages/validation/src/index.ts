export * from './email.js';
export * from './text.js';
