// Fails when generated code is stale: regenerates it, then asks git whether anything under generated/ changed.
import { execFileSync } from 'node:child_process';

const generatedDirs = ['proto/generated', 'gateway/src/generated'];

execFileSync('pnpm', ['run', 'gen'], { stdio: 'inherit' });
const changes = execFileSync('git', ['status', '--porcelain', '--', ...generatedDirs], { encoding: 'utf8' }).trim();
if (changes) {
  console.error(`generated code is stale; run \`pnpm gen\` and commit the result:\n${changes}`);
  process.exit(1);
}
console.log(`generated code is fresh (${generatedDirs.join(', ')})`);
