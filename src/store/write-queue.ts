/**
 * Calls of one store run one after another, each seeing what the previous left: the adapters'
 * version checks and retries read the rows their own earlier calls wrote. A failed call does not
 * stop the ones queued after it.
 */
export class WriteQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const run = this.tail.then(work);
    this.tail = run.catch(() => undefined);
    return run;
  }
}
