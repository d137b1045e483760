// Polling with a deadline: the one wait loop the suites share (fake-slack's `next` is the event-driven wait).

/** Resolves with the first value `find()` returns other than undefined, or with undefined once `timeoutMs` has passed. */
export async function poll<T>(
  find: () => T | undefined,
  timeoutMs = 5_000,
  stepMs = 20,
): Promise<T | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found !== undefined || Date.now() > deadline) return found;
    await new Promise((r) => setTimeout(r, stepMs));
  }
}

/** Waits until `done()` holds; fails naming `what` at the deadline. */
export async function until(done: () => boolean, timeoutMs = 5_000, what = 'the condition'): Promise<void> {
  if (!(await poll(() => done() || undefined, timeoutMs))) throw new Error(`timed out waiting for ${what}`);
}
