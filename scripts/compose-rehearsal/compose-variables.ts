import { variableReferences } from './interpolation.js';

/** Every string in a parsed YAML document, with its path for messages. */
function* strings(node: unknown, path: string): Generator<[string, string]> {
  if (typeof node === 'string') yield [path, node];
  else if (Array.isArray(node)) for (const [index, item] of node.entries()) yield* strings(item, `${path}[${index}]`);
  else if (node && typeof node === 'object') for (const [key, value] of Object.entries(node)) yield* strings(value, path ? `${path}.${key}` : key);
}

/**
 * Checks that docker-compose.yaml and .env.example tell the same story: every variable the compose file uses is
 * listed in .env.example, every listed one is used, and each inline default equals the listed value.
 * Returns the problems, empty when they agree.
 */
export function checkComposeVariables(document: unknown, listed: Readonly<Record<string, string>>): string[] {
  const problems: string[] = [];
  const used = new Set<string>();
  for (const [path, text] of strings(document, '')) {
    for (const reference of variableReferences(text)) {
      used.add(reference.name);
      const value = listed[reference.name];
      if (value === undefined) problems.push(`${path} uses \${${reference.name}}, which .env.example does not list`);
      else if (reference.fallback !== undefined && reference.fallback !== value) {
        problems.push(`${path}: the default of ${reference.name} is "${reference.fallback}" but .env.example says "${value}"`);
      }
    }
  }
  for (const name of Object.keys(listed)) {
    if (!used.has(name)) problems.push(`.env.example lists ${name}, which docker-compose.yaml never uses`);
  }
  return problems;
}
