export * from './service-host.js';
