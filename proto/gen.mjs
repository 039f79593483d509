// Generates TypeScript types for every .proto under shop/ with proto-loader-gen-types,
// using loader-options.json: the same options src/load.ts passes to loadSync at runtime.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const outDir = join(root, 'generated');
const options = JSON.parse(readFileSync(join(root, 'loader-options.json'), 'utf8'));

const protoFiles = readdirSync(join(root, 'shop'), { recursive: true })
  .filter((file) => file.endsWith('.proto'))
  .map((file) => relative(root, join(root, 'shop', file)))
  .sort();

const flags = Object.entries(options).flatMap(([name, value]) =>
  value === true ? [`--${name}`] : value === false ? [] : [`--${name}`, String(value)],
);

rmSync(outDir, { recursive: true, force: true });
execFileSync(
  'proto-loader-gen-types',
  [
    ...flags,
    '--grpcLib', '@grpc/grpc-js',
    '--includeComments',
    '--importFileExtension', '.js',
    '--includeDirs', '.',
    '--outDir', 'generated',
    ...protoFiles,
  ],
  { cwd: root, stdio: 'inherit' },
);
console.log(`generated types for ${protoFiles.length} proto files in ${relative(process.cwd(), outDir) || '.'}`);
