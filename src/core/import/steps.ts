/**
 * Long import work is written as generators that yield how far they got every `STEP_ROWS` rows:
 * the core stays free of clocks and event loops, and the UI decides when to let the browser paint
 * and whether to go on (Cancel). `runSteps` runs one to its end in one go.
 */
export const STEP_ROWS = 500;

export function runSteps<T>(steps: Generator<unknown, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
