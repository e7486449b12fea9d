/** How every queue treats its jobs. */
export const JOB_ATTEMPTS = 3;
/** Finished jobs stay readable this long, and a job id is not reused while its job is kept. */
export const KEEP_FINISHED_SECONDS = 7 * 86400;
export const WORKER_CONCURRENCY = 4;

/** Wait before attempt n+1 after n failed attempts: base, 2×base, 4×base... */
export function backoffDelayMs(baseMs: number, failedAttempts: number): number {
  return baseMs * 2 ** Math.max(0, failedAttempts - 1);
}

/** BullMQ keys use ':' as a separator, so queue names may not contain it. */
export function assertQueueName(name: string): void {
  if (!/^[\w.-]{1,64}$/.test(name))
    throw new Error(`Invalid queue name "${name}": use letters, digits, _ . -`);
}
