import type { IncomingMessage } from 'node:http';

/** A request body read in full, or the news that it is over the limit. */
export type BodyResult = { kind: 'complete'; text: string } | { kind: 'too-large' };

/**
 * Reads a request body of at most `limitBytes` (HTTP_MAX_BODY_BYTES, 1 MB by default; API.md: over it is 413). A declared Content-Length over the limit is refused before
 * reading anything; a body that grows past it (chunked) stops being read at that point, so memory stays
 * bounded. The stream is then left paused; the caller answers 413 and closes the connection.
 */
export function readBody(request: IncomingMessage, limitBytes: number): Promise<BodyResult> {
  if (Number(request.headers['content-length'] ?? 0) > limitBytes) return Promise.resolve({ kind: 'too-large' });
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () => {
      request.off('data', onData).off('end', onEnd).off('error', onError);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limitBytes) {
        done();
        request.pause();
        resolve({ kind: 'too-large' });
      } else {
        chunks.push(chunk);
      }
    };
    const onEnd = () => {
      done();
      resolve({ kind: 'complete', text: Buffer.concat(chunks, size).toString('utf8') });
    };
    const onError = (error: Error) => {
      done();
      reject(error);
    };
    request.on('data', onData).on('end', onEnd).on('error', onError);
  });
}
