const BASE = 'http://gateway.invalid';

/**
 * The path and query of a request target in origin form (`/graphql?query=...`), or undefined for any other:
 * `*`, an absolute URL (`http://x/`), an authority (`host:443`), a network path (`//host/...`, `/\host`), or
 * text that is no URL (`//[`). The gateway answers those 400 before routing.
 */
export function originFormTarget(target: string | undefined): URL | undefined {
  if (target === undefined || !target.startsWith('/') || target.startsWith('//')) return undefined;
  let url: URL;
  try {
    url = new URL(target, BASE);
  } catch {
    return undefined;
  }
  // A backslash reads as a slash in http URLs, so `/\host` would name another host.
  return url.origin === BASE ? url : undefined;
}
