import { describe, expect, it } from '@jest/globals';
import { checkComposeVariables } from './compose-variables.js';

describe('checkComposeVariables', () => {
  const document = { services: { gateway: { ports: ['${PUBLISHED:-8080}:8080'], environment: { LOG_LEVEL: '${LOG_LEVEL:-info}' } } } };

  it('accepts a compose file and an env file that list the same variables with the same defaults', () => {
    expect(checkComposeVariables(document, { PUBLISHED: '8080', LOG_LEVEL: 'info' })).toEqual([]);
  });

  it('names unlisted, unused and disagreeing variables', () => {
    expect(checkComposeVariables(document, { PUBLISHED: '9090', UNUSED: 'x' })).toEqual([
      'services.gateway.ports[0]: the default of PUBLISHED is "8080" but .env.example says "9090"',
      'services.gateway.environment.LOG_LEVEL uses ${LOG_LEVEL}, which .env.example does not list',
      '.env.example lists UNUSED, which docker-compose.yaml never uses',
    ]);
  });
});
