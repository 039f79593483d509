import { readGatewayConfig } from './config.js';

// The image's HEALTHCHECK (node dist/healthcheck.js): does this container's gateway answer GET /readyz with 200,
// that is, does every service behind it report SERVING?
const response = await fetch(`http://127.0.0.1:${readGatewayConfig().GATEWAY_PORT}/readyz`, { signal: AbortSignal.timeout(2_000) }).catch(() => undefined);
process.exit(response?.ok ? 0 : 1);
