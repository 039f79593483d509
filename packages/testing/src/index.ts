export * from './test-database.js';
export * from './reflection-client.js';
export * from './expect-remote-failure.js';
export * from './wait-for.js';
export * from './test-identity.js';
export * from './forged-tokens.js';
export * from './lost-answer-proxy.js';
export * from './prometheus-text.js';
