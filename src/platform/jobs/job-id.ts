import { createHash } from 'node:crypto';

/**
 * A job id derived from what the job works on: the same parts always give the same id, so a repeated
 * request finds the job already queued instead of adding a second one. Formatted as a UUID (version 5
 * layout over SHA-256), like every other id of the API.
 */
export function deterministicJobId(...parts: string[]): string {
  const hex = createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32).split('');
  hex[12] = '5';
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}
