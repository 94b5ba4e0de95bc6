import { guardedViewHistory, type ViewHistory } from '../../../src/ui/shared/view-history';
import { changedInputs, inputValueOf } from '../../../src/ui/shared/record-inputs';
import { CURRENT_SCHEMA, tableByKey } from '../../../src/core/schema';

/** A history like the browser's: entries, a position, and a pop told to the listeners. */
function fakeHistory(): ViewHistory<string> & { entries: string[]; at: number } {
  const listeners = new Set<(state: string | null) => void>();
  const h = {
    entries: ['list'],
    at: 0,
    current: () => h.entries[h.at] ?? null,
    push: (state: string) => {
      h.entries = [...h.entries.slice(0, h.at + 1), state];
      h.at += 1;
    },
    replace: (state: string) => {
      h.entries[h.at] = state;
    },
    back: () => {
      h.at -= 1;
      for (const listener of listeners) listener(h.current());
    },
    subscribe: (listener: (state: string | null) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return h;
}

test('Back moves every listener once when no form holds input', () => {
  const inner = fakeHistory();
  const history = guardedViewHistory(inner, { dirty: () => false, guard: (action) => action() });
  const heard: (string | null)[] = [];
  history.subscribe((s) => heard.push(`a:${s}`));
  history.subscribe((s) => heard.push(`b:${s}`));
  history.push('card');
  inner.back();
  expect(heard).toEqual(['a:list', 'b:list']);
});

test('Back from a half-filled form puts the form back and asks once; agreeing goes back', () => {
  const inner = fakeHistory();
  let dirty = true;
  const asked: (() => void)[] = [];
  const history = guardedViewHistory(inner, {
    dirty: () => dirty,
    guard: (action) => asked.push(action),
  });
  const heard: (string | null)[] = [];
  history.subscribe((s) => heard.push(s));
  history.subscribe((s) => heard.push(s));
  history.push('form');
  inner.back();
  expect(inner.current()).toBe('form');
  expect(heard).toEqual([]);
  expect(asked).toHaveLength(1);
  dirty = false;
  asked[0]();
  expect(inner.current()).toBe('list');
  expect(heard).toEqual(['list', 'list']);
});

test('money is typed again in złote with the language’s decimal sign; a cleared field is null', () => {
  const value = tableByKey(CURRENT_SCHEMA, 'opportunities').columns.find((c) => c.key === 'value');
  if (!value) throw new Error('no value column');
  expect(inputValueOf(value, 1_234_505, 'pl')).toBe('12345,05');
  expect(inputValueOf(value, -5, 'en')).toBe('-0.05');
  expect(inputValueOf(value, null, 'pl')).toBe('');
  expect(changedInputs({ name: 'A', value: '10,00' }, { name: 'A', value: '' })).toEqual({ value: null });
});
