/*
 * What the standalone mode remembers between visits, in this browser only. Storage can be switched
 * off (private mode, a sandbox); then nothing is remembered, which is harmless.
 */
export function recall(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function remember(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // Not remembering is harmless.
  }
}
