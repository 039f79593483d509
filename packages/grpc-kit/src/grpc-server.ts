import { Server, ServerCredentials, type ServiceDefinition, type UntypedServiceImplementation } from '@grpc/grpc-js';
import type { PackageDefinition } from '@grpc/proto-loader';
import { ReflectionService } from '@grpc/reflection';
import { loadSync } from '@grpc/proto-loader';
import { HealthImplementation, protoPath as healthProtoPath } from 'grpc-health-check';
import type { Logger } from '@shop/logger';
import { grpcServerMetrics } from '@shop/metrics';
import { authInterceptor, type Authenticator } from './auth-interceptor.js';
import { loggingInterceptor } from './logging-interceptor.js';
import { refusingMalformedRequests } from './malformed-requests.js';

/** One gRPC service to serve: its fully qualified name (for health), definition and handlers. */
export interface ServiceRegistration {
  name: string;
  definition: ServiceDefinition;
  implementation: UntypedServiceImplementation;
}

export interface GrpcServerOptions {
  /** 0 picks a free port (tests). */
  port: number;
  host?: string;
  services: ServiceRegistration[];
  /** The package definitions served through reflection, so grpcurl can list and call the services. */
  packageDefinition: PackageDefinition;
  logger: Logger;
  /** Turns each call's token into its caller (required: no shop server runs without checking tokens). */
  authenticator: Authenticator;
  /** Whether the services report SERVING right away; otherwise call setServing(true) once dependencies are ready. */
  servingAtStart?: boolean;
}

/** A started server: its bound port, its health switch and its graceful stop. */
export interface RunningGrpcServer {
  port: number;
  setServing(serving: boolean): void;
  /** Stops accepting calls, lets in-flight calls finish for up to graceMs, then cuts the rest. */
  shutdown(graceMs?: number): Promise<void>;
}

/**
 * Starts a gRPC server with call metrics and logging, token checks, the grpc.health.v1 service and server reflection; request
 * bytes that are not a message of their method are INVALID_ARGUMENT (refusingMalformedRequests).
 */
export async function startGrpcServer(options: GrpcServerOptions): Promise<RunningGrpcServer> {
  const server = new Server({ interceptors: [grpcServerMetrics(), loggingInterceptor(options.logger), authInterceptor(options.authenticator)] });
  const serviceNames = options.services.map((service) => service.name);
  const health = new HealthImplementation();
  const setServing = (serving: boolean) => {
    for (const name of ['', ...serviceNames]) health.setStatus(name, serving ? 'SERVING' : 'NOT_SERVING');
  };
  setServing(options.servingAtStart ?? true);

  for (const service of options.services) {
    const guarded = refusingMalformedRequests(service.definition, service.implementation);
    server.addService(guarded.definition, guarded.implementation);
  }
  health.addToServer(server);
  new ReflectionService({ ...options.packageDefinition, ...loadSync(healthProtoPath) }).addToServer(server);

  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync(`${options.host ?? '0.0.0.0'}:${options.port}`, ServerCredentials.createInsecure(), (error, bound) =>
      error ? reject(error) : resolve(bound),
    );
  });
  options.logger.info({ port, services: serviceNames }, 'grpc server listening');

  return {
    port,
    setServing,
    shutdown: (graceMs = 10_000) => shutdownGracefully(server, graceMs, () => setServing(false)),
  };
}

async function shutdownGracefully(server: Server, graceMs: number, beforeStop: () => void): Promise<void> {
  beforeStop();
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      server.forceShutdown();
      resolve();
    }, graceMs);
    timer.unref();
    server.tryShutdown(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
