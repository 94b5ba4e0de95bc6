/**
 * For the children of the suite: they write until they are killed, so one whose test has gone
 * (a failed or timed-out run, a killed jest) must not go on alone. The parent holds their stdin
 * open; when it closes, or after a minute at the most, the child stops.
 */
export function stopWithParent(): void {
  process.stdin.on('end', () => process.exit(0));
  process.stdin.on('error', () => process.exit(0));
  process.stdin.resume();
  setTimeout(() => process.exit(0), 60_000).unref();
}
