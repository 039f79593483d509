// Layer rules of the shop (see ARCHITECTURE.md): server -> service -> domain <- repository,
// generated proto types only in server/ and client/, and services meet only through each other's client.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Cycles make layers meaningless.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment: 'The domain is plain TypeScript: no other layer, no proto, no SQL, no gRPC.',
      from: { path: '^services/[^/]+/src/domain/' },
      to: {
        path: [
          '^services/[^/]+/src/(repository|security|service|server|client)/',
          '^proto/',
          '^packages/(postgres|grpc-kit|local-postgres|testing)/',
          'node_modules/(pg|@grpc|node-pg-migrate)/',
        ],
      },
    },
    {
      name: 'service-uses-ports',
      severity: 'error',
      comment: 'Use cases depend on the domain and its ports, never on adapters or the wire.',
      from: { path: '^services/[^/]+/src/service/', pathNot: '\\.test\\.ts$' },
      to: { path: ['^services/([^/]+)/src/(repository|security|server)/', '^proto/'] },
    },
    {
      name: 'repository-below-service',
      severity: 'error',
      comment: 'A repository implements a domain port; it knows nothing of use cases or the wire.',
      from: { path: '^services/[^/]+/src/repository/' },
      to: { path: ['^services/[^/]+/src/(service|server|client)/', '^proto/'] },
    },
    {
      name: 'security-below-service',
      severity: 'error',
      comment: 'Security adapters (password hashing, signing keys) implement service ports; like repositories, they know nothing of use cases or the wire.',
      from: { path: '^services/[^/]+/src/security/' },
      to: { path: ['^services/[^/]+/src/(service/(?!sign-in-ports)|server|client|repository)', '^proto/'] },
    },
    {
      name: 'server-calls-service',
      severity: 'error',
      comment: 'The gRPC server maps the wire to use cases; it does not reach into storage.',
      from: { path: '^services/[^/]+/src/server/' },
      to: { path: '^services/[^/]+/src/(repository|client)/' },
    },
    {
      name: 'generated-types-stay-at-the-edge',
      severity: 'error',
      comment: 'Generated proto types never leave server/ and client/.',
      from: { pathNot: ['^services/[^/]+/src/(server|client)/', '^proto/'] },
      to: { path: '^proto/generated/' },
    },
    {
      name: 'services-meet-through-clients',
      severity: 'error',
      comment: 'A service uses another only through its client, never its internals.',
      from: { path: '^services/([^/]+)/src/' },
      to: { path: '^services/[^/]+/', pathNot: ['^services/$1/', '^services/[^/]+/src/client/'] },
    },
    {
      name: 'services-test-through-apps',
      severity: 'error',
      comment: "Tests may start another service, but only through its composition root (src/app.ts).",
      from: { path: '^services/([^/]+)/test/' },
      to: { path: '^services/[^/]+/src/', pathNot: ['^services/$1/', '^services/[^/]+/src/(client/|app\\.ts$)'] },
    },
    {
      name: 'gateway-uses-clients',
      severity: 'error',
      comment: 'The gateway calls services only through their clients (its end-to-end tests may start the services).',
      from: { path: '^gateway/src/' },
      to: { path: '^services/[^/]+/', pathNot: '^services/[^/]+/src/client/' },
    },
    {
      name: 'seed-uses-clients',
      comment: 'The seed loads data the way any caller would: through the services\' clients, never their internals.',
      severity: 'error',
      from: { path: '^scripts/seed/' },
      to: { path: '^services/[^/]+/', pathNot: '^services/[^/]+/src/client/' },
    },
    {
      name: 'packages-are-libraries',
      severity: 'error',
      comment: 'Shared packages know nothing of the services or the gateway.',
      from: { path: '^packages/' },
      to: { path: '^(services|gateway)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['(^|/)dist/', '\\.data/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      conditionNames: ['shop-src', 'import', 'node', 'default'],
      exportsFields: ['exports'],
      extensions: ['.ts', '.js', '.mjs', '.json'],
    },
  },
};
