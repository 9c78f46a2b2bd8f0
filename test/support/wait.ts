/**
 * Waiting for a state instead of for a time. `waitUntil` polls `condition` until it holds, with no
 * deadline of its own: a state that never comes fails the test at Vitest's own timeout, which is
 * where a busy machine is allowed its slowness. A fixed poll interval is fine: it only decides how
 * soon after the state arrives the test notices.
 */
export async function waitUntil(
  condition: () => boolean | Promise<boolean>,
  { intervalMs = 50 }: { intervalMs?: number } = {},
): Promise<void> {
  while (!(await condition())) {
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/**
 * Polls `read` until `done` accepts its value, and returns that value (see waitUntil: no deadline
 * but Vitest's).
 */
export async function waitFor<T>(
  read: () => T | Promise<T>,
  done: (value: T) => boolean,
  { intervalMs = 50 }: { intervalMs?: number } = {},
): Promise<T> {
  for (;;) {
    const value = await read();
    if (done(value)) {
      return value;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
