// `pnpm profile:summary <file.cpuprofile>`: where a V8 CPU profile (node --cpu-prof) spent its time, by package
// (the node_modules package or workspace folder a function lives in), and the functions with the most self time.
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const file = process.argv[2];
if (!file) {
  console.error('usage: pnpm profile:summary <file.cpuprofile>');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const selfMicros = new Map<number, number>();
profile.samples.forEach((id, i) => selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));

/** The package a script belongs to: node_modules/<pkg>, a workspace folder, node's own, or V8's pseudo-frames. */
function packageOf(node: ProfileNode): string {
  const { url, functionName } = node.callFrame;
  if (!url) return functionName.startsWith('(') ? functionName : `(${functionName || 'native'})`;
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const rest = url.slice(modules + 'node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (url.startsWith('node:')) return 'node (built-in)';
  const workspace = /\/(packages|services|gateway|proto|scripts)\/([^/]+)?/.exec(url);
  if (workspace) return workspace[1] === 'gateway' ? 'gateway' : `${workspace[1]}/${workspace[2]}`;
  return url;
}

const total = [...selfMicros.values()].reduce((sum, value) => sum + value, 0);
const add = (map: Map<string, number>, key: string, value: number) => map.set(key, (map.get(key) ?? 0) + value);
const byPackage = new Map<string, number>();
const byFunction = new Map<string, number>();
for (const [id, micros] of selfMicros) {
  const node = byId.get(id)!;
  add(byPackage, packageOf(node), micros);
  add(byFunction, `${node.callFrame.functionName || '(anonymous)'}  ${packageOf(node)}:${node.callFrame.lineNumber + 1}`, micros);
}
const busy = total - (byPackage.get('(idle)') ?? 0);
const share = (micros: number) => `${((100 * micros) / busy).toFixed(1).padStart(5)} %`;
const top = (map: Map<string, number>, count: number) => [...map].filter(([key]) => !key.startsWith('(idle)')).sort((a, b) => b[1] - a[1]).slice(0, count);

console.log(`${file}: ${(total / 1e6).toFixed(1)} s sampled, ${(busy / 1e6).toFixed(1)} s busy (shares below are of the busy time)\n`);
console.log('self time by package');
for (const [name, micros] of top(byPackage, 20)) console.log(`${share(micros)}  ${name}`);
console.log('\nfunctions with the most self time');
for (const [name, micros] of top(byFunction, 25)) console.log(`${share(micros)}  ${name}`);
