import { ValidationFailedError } from './domain-error';

/** Deeper than any request of the API needs; validators recurse, so a hostile depth must stop here. */
export const MAX_INPUT_DEPTH = 16;

/**
 * Refuses input that no field rule should ever have to see: nesting beyond MAX_INPUT_DEPTH, and NUL
 * characters in strings or keys, which PostgreSQL cannot store in text. `field` names the top-level field.
 */
export function assertPlainInput(value: unknown, field = ''): void {
  const problem = findProblem(value, field, 0);
  if (problem) {
    throw new ValidationFailedError('The request is not valid.', [
      { field: problem.field || 'body', messages: [problem.message] },
    ]);
  }
}

function findProblem(
  value: unknown,
  field: string,
  depth: number,
): { field: string; message: string } | null {
  if (typeof value === 'string') {
    return value.includes('\u0000') ? { field, message: 'must not contain NUL characters' } : null;
  }
  if (!value || typeof value !== 'object') return null;
  if (depth >= MAX_INPUT_DEPTH)
    return { field, message: `must not be nested more than ${MAX_INPUT_DEPTH} levels deep` };
  for (const [key, child] of Object.entries(value)) {
    const path = field ? `${field}.${key}` : key;
    if (key.includes('\u0000')) return { field: path, message: 'must not contain NUL characters' };
    const found = findProblem(child, path, depth + 1);
    if (found) return found;
  }
  return null;
}
