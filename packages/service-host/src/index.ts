export * from './service-host.js';
export * from './periodic-task.js';
