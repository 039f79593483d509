import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as protoLoader from '@grpc/proto-loader';

const packageRoot = dirname(createRequire(import.meta.url).resolve('@shop/proto/package.json'));

interface LoaderOptionsFile {
  keepCase: boolean;
  longs: 'String' | 'Number';
  enums: 'String';
  defaults: boolean;
  oneofs: boolean;
}

const fileOptions = JSON.parse(readFileSync(join(packageRoot, 'loader-options.json'), 'utf8')) as LoaderOptionsFile;

/** The loader options of loader-options.json, as loadSync wants them; gen.mjs passes the same file to the generator. */
export const loaderOptions: protoLoader.Options = {
  ...fileOptions,
  longs: fileOptions.longs === 'String' ? String : Number,
  enums: String,
  includeDirs: [packageRoot],
};
