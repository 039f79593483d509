export * from './call-policy.js';
export * from './grpc-server.js';
export * from './health-check.js';
export * from './logging-interceptor.js';
export * from './shutdown-signals.js';
export * from './status-mapping.js';
export * from './unary.js';
export * from './unary-call.js';
