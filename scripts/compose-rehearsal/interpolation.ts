/** One `${...}` or `$NAME` in a compose value: the variable and the default it falls back to, if any. */
export interface VariableReference {
  name: string;
  /** The text after `:-` or `-`, when the reference has one. */
  fallback?: string;
}

// ${NAME}, ${NAME:-default}, ${NAME-default}, ${NAME:?error}, ${NAME?error}, ${NAME:+alt}, ${NAME+alt}, $NAME, and $$.
const REFERENCE = /\$(?:\$|\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;

/** Lists the variables a compose value refers to, with their inline defaults. */
export function variableReferences(text: string): VariableReference[] {
  const found: VariableReference[] = [];
  for (const match of text.matchAll(REFERENCE)) {
    const name = match[1] ?? match[4];
    if (!name) continue;
    const operator = match[2];
    found.push(operator === ':-' || operator === '-' ? { name, fallback: match[3] ?? '' } : { name });
  }
  return found;
}

/**
 * Substitutes variables in a compose value as Compose does: `:-` and `:?` treat an empty value as unset, `-` and
 * `?` only a missing one, `$$` is a literal `$`. A variable that is missing and has no default is an error here
 * (Compose would warn and use an empty string, which is never what a reader of the file meant).
 */
export function interpolate(text: string, variables: Readonly<Record<string, string>>, where: string): string {
  if (text.includes('${') && /\$\{[^}]*\$\{/.test(text)) throw new Error(`${where}: nested \${...} is not supported: ${text}`);
  return text.replace(REFERENCE, (whole, braced: string | undefined, operator: string | undefined, argument: string | undefined, bare: string | undefined) => {
    if (whole === '$$') return '$';
    const name = (braced ?? bare)!;
    const value = variables[name];
    const set = value !== undefined;
    const nonEmpty = set && value !== '';
    switch (operator) {
      case ':-':
        return nonEmpty ? value : (argument ?? '');
      case '-':
        return set ? value : (argument ?? '');
      case ':?':
      case '?':
        if (operator === ':?' ? nonEmpty : set) return value!;
        throw new Error(`${where}: ${name} is required: ${argument || 'not set'}`);
      case ':+':
        return nonEmpty ? (argument ?? '') : '';
      case '+':
        return set ? (argument ?? '') : '';
      default:
        if (!set) throw new Error(`${where}: \${${name}} has no default and is not in .env.example`);
        return value;
    }
  });
}
