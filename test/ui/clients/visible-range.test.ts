import { visibleRange } from '../../../src/ui/clients/use-virtual-window';

const base = { rowHeight: 50, overscan: 5, headerHeight: 30, viewportHeight: 530 };

describe('visibleRange: the rows a fixed-height virtualised list renders', () => {
  test('at the top: the rows in view under the header and the overscan below', () => {
    expect(visibleRange({ ...base, count: 50_000, scrollTop: 0 })).toEqual({ start: 0, end: 15 });
  });

  test('scrolled: overscan on both sides of the first visible row', () => {
    expect(visibleRange({ ...base, count: 50_000, scrollTop: 50 * 1000 + 20 })).toEqual({
      start: 995,
      end: 1015,
    });
  });

  test('the same number of rows whatever the size of the base', () => {
    const small = visibleRange({ ...base, count: 2_000, scrollTop: 50 * 1000 });
    const big = visibleRange({ ...base, count: 50_000, scrollTop: 50 * 1000 });
    expect(small).toEqual(big);
    expect(big.end - big.start).toBe(20);
  });

  test('never past the last row, even when the list shrank under the scroll position', () => {
    expect(visibleRange({ ...base, count: 12, scrollTop: 50 * 1000 })).toEqual({ start: 7, end: 12 });
    expect(visibleRange({ ...base, count: 0, scrollTop: 0 })).toEqual({ start: 0, end: 0 });
  });

  test('a viewport smaller than a row still shows one row', () => {
    expect(visibleRange({ ...base, overscan: 0, viewportHeight: 10, count: 100, scrollTop: 0 })).toEqual({
      start: 0,
      end: 1,
    });
  });
});
