import { OfficeApp } from 'office-addin-manifest';
import { OfficeMockObject } from 'office-addin-mock';

/**
 * `Office.context` as the pane sees it. The common API has plain properties, read without
 * `load`/`sync`; office-addin-mock gives that behaviour to objects of its Outlook host only, so
 * the mock is created for that host whatever application the test stands for.
 */
export function officeContextMock<T>(seed: Record<string, unknown>): T {
  return new OfficeMockObject(seed, OfficeApp.Outlook) as unknown as T;
}

/** `isSetSupported` of a host that has each named set up to the given version. */
export function supportedSets(sets: Record<string, string>) {
  return (name: string, version?: string): boolean => {
    const highest = sets[name];
    if (highest === undefined) return false;
    const [wantMajor, wantMinor] = (version ?? '1.1').split('.').map(Number);
    const [hasMajor, hasMinor] = highest.split('.').map(Number);
    return hasMajor > wantMajor || (hasMajor === wantMajor && hasMinor >= wantMinor);
  };
}

/** `Office.context.document.settings` over a map; `saveAsync` fails with `failWith` when given. */
export function documentSettings(initial: Record<string, unknown> = {}, failWith?: string) {
  const saved = new Map(Object.entries(initial));
  const pending = new Map(saved);
  let saves = 0;
  return {
    saved,
    saves: () => saves,
    seed: {
      get: (name: string): unknown => pending.get(name) ?? null,
      set: (name: string, value: unknown) => {
        pending.set(name, value);
      },
      saveAsync: (callback: (result: { status: string; error?: { message: string } }) => void) => {
        saves++;
        if (failWith) {
          callback({ status: 'failed', error: { message: failWith } });
          return;
        }
        for (const [name, value] of pending) saved.set(name, value);
        callback({ status: 'succeeded' });
      },
    },
  };
}
