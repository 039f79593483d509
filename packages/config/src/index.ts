export { z } from 'zod';
export * from './fields.js';
export * from './load-config.js';
export * from './secret-files.js';
export * from './event-settings.js';
