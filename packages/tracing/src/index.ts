export * from './start-tracing.js';
export * from './tracing-settings.js';
