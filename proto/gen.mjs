// Generates TypeScript types for every .proto under shop/ with proto-loader-gen-types,
// using loader-options.json: the same options src/load.ts passes to loadSync at runtime.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
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
// A top-level <basename>.ts (the ProtoGrpcType of one file) is only needed for files that declare a gRPC service.
// The message-only files need none, and their basenames collide (every service has an events.proto).
for (const file of protoFiles) {
  if (!/^\s*service\s/m.test(readFileSync(join(root, file), 'utf8'))) {
    rmSync(join(outDir, `${basename(file, '.proto')}.ts`), { force: true });
  }
}
console.log(`generated types for ${protoFiles.length} proto files in ${relative(process.cwd(), outDir) || '.'}`);
