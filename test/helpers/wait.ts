import { setTimeout as sleep } from 'node:timers/promises';

/** Polls until check() returns a truthy value or the deadline passes (then throws with the last error). */
export async function waitFor<T>(
  check: () => Promise<T> | T,
  { timeoutMs = 10000, intervalMs = 50 } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value) return value;
    } catch (e) {
      last = e;
    }
    await sleep(intervalMs);
  }
  throw new Error(
    `condition not met within ${timeoutMs} ms${last instanceof Error ? `: ${last.message}` : ''}`,
  );
}
