import type { ComposeMount } from './compose-file.js';

/** A service's mounts as the rehearsal has them: each container path, and the directory or file standing in for it. */
export type MountMap = readonly { target: string; host: string; readOnly: boolean }[];

const trimSlash = (path: string) => (path.length > 1 ? path.replace(/\/+$/, '') : path);

/** Where a service's mounts are here: bind mounts at their source, named volumes at `volumeDir(name)`. */
export function mountMap(mounts: readonly ComposeMount[], volumeDir: (name: string) => string): MountMap {
  return mounts.map((mount) => ({ target: trimSlash(mount.target), host: mount.bind ? mount.source : volumeDir(mount.source), readOnly: mount.readOnly }));
}

/** The path here for a container path on one of the mounts (the deepest mount wins), or undefined when it is on none. */
export function hostPathOf(path: string, mounts: MountMap): string | undefined {
  const onMount = mounts.filter((mount) => path === mount.target || path.startsWith(`${mount.target}/`));
  const deepest = onMount.sort((a, b) => b.target.length - a.target.length)[0];
  return deepest ? deepest.host + path.slice(deepest.target.length) : undefined;
}

/**
 * Rewrites one environment value that names a path on a mount (JWT_PRIVATE_KEY_FILE=/var/lib/shop/key.json) to
 * where that mount is here. A `*_FILE` variable naming a path on no mount is an error: what the app keeps there
 * would live in the container's own layer and be lost with it (and nothing here stands in for it).
 */
export function mapMountedPath(name: string, value: string, mounts: MountMap, where: string): string {
  if (!value.startsWith('/')) return value;
  const mapped = hostPathOf(value, mounts);
  if (mapped !== undefined) return mapped;
  if (name.endsWith('_FILE')) throw new Error(`${where} is ${value}, on none of the service's volumes: it would be lost with the container`);
  return value;
}
