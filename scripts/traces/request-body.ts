// Reads an OTLP/HTTP request body within a size limit, inflating it when the exporter compressed it with gzip.
import type { IncomingMessage } from 'node:http';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';

const gunzipAsync = promisify(gunzip);

/** A request the receiver refuses, with the HTTP status that says why. */
export class HttpError extends Error {
  override name = 'HttpError';

  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function readRaw(request: IncomingMessage, limitBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limitBytes) {
        chunks.push(chunk);
        return;
      }
      // Stop keeping what arrives, but keep reading it: destroying the request would reset the connection and the
      // client would never see the 413. The receiver closes the connection after answering.
      request.off('data', onData);
      request.resume();
      reject(new HttpError(413, `the request body is over the limit of ${limitBytes} bytes`));
    };
    request.on('data', onData);
    request.once('end', () => resolve(Buffer.concat(chunks, Math.min(size, limitBytes))));
    request.once('error', (error) => reject(new HttpError(400, `the request body could not be read: ${error.message}`)));
  });
}

async function inflate(body: Buffer, limitBytes: number): Promise<Buffer> {
  try {
    // The limit applies to what the body inflates to as well: a few kilobytes of gzip can inflate to gigabytes.
    return await gunzipAsync(body, { maxOutputLength: limitBytes });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new HttpError(413, `the gzip body inflates to more than the limit of ${limitBytes} bytes`);
    }
    throw new HttpError(400, `the body is not valid gzip: ${(error as Error).message}`);
  }
}

/** The request body, inflated if its Content-Encoding is gzip; HttpError 413 past limitBytes, 415 for other encodings. */
export async function readRequestBody(request: IncomingMessage, limitBytes: number): Promise<Buffer> {
  const encoding = (request.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (encoding !== 'gzip' && encoding !== 'identity') {
    throw new HttpError(415, `Content-Encoding ${encoding} is not supported; send gzip or no encoding`);
  }
  const declared = Number(request.headers['content-length']);
  if (declared > limitBytes) throw new HttpError(413, `the request body of ${declared} bytes is over the limit of ${limitBytes} bytes`);
  const body = await readRaw(request, limitBytes);
  return encoding === 'gzip' ? inflate(body, limitBytes) : body;
}
