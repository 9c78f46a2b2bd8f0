/**
 * Keys that class-transformer and plain assignment treat as the prototype chain rather than data:
 * `__proto__` is dropped silently (so `?__proto__=1` slipped past the unknown-field check) and the
 * others shadow what every object inherits.
 */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The dotted path (`files.0.__proto__`) of the first own key named `__proto__`, `constructor` or
 * `prototype` anywhere in a parsed query or JSON body, or undefined. Recursion is bounded by the
 * JSON depth limit checked before parsing; query objects are flat.
 */
export function findForbiddenKey(
  value: unknown,
  path = '',
): string | undefined {
  if (typeof value !== 'object' || value === null) {
    return undefined;
  }
  for (const key of Object.keys(value)) {
    const keyPath = path ? `${path}.${key}` : key;
    if (FORBIDDEN_KEYS.has(key)) {
      return keyPath;
    }
    const found = findForbiddenKey(
      (value as Record<string, unknown>)[key],
      keyPath,
    );
    if (found) {
      return found;
    }
  }
  return undefined;
}
