import { status as Status, ServerInterceptingCall, type ServerInterceptor } from '@grpc/grpc-js';
import type { Logger } from '@shop/logger';

/** Logs every call once it ends: method, status and duration in milliseconds. */
export function loggingInterceptor(logger: Logger): ServerInterceptor {
  return (methodDescriptor, call) => {
    const started = process.hrtime.bigint();
    return new ServerInterceptingCall(call, {
      sendStatus(status, next) {
        const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
        const fields = { method: methodDescriptor.path, status: Status[status.code], durationMs: Math.round(durationMs * 100) / 100 };
        if (status.code === Status.OK) logger.debug(fields, 'grpc call');
        else if (status.code === Status.INTERNAL || status.code === Status.UNKNOWN) logger.error({ ...fields, details: status.details }, 'grpc call');
        else logger.info({ ...fields, details: status.details }, 'grpc call');
        next(status);
      },
    });
  };
}
