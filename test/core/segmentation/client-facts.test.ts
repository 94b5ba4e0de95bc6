import { activity, client, factsOf } from './segmentation-fixtures';

const countsOf = (facts: ReturnType<typeof factsOf>) => Array.from(facts.activityCount);

describe('computeClientFacts over activities', () => {
  test('activities in client order, split groups and unknown clients each count for their own client', () => {
    const clients = ['c1', 'c2', 'c3', 'c4'].map((id) => client(id));
    const activities = [
      activity('c1', '2025-03-01T10:00:00Z'),
      activity('c1', '2025-03-02T10:00:00Z'),
      activity('c2', '2025-03-03T10:00:00Z'),
      activity('gone', '2025-03-04T10:00:00Z'),
      activity('c3', '2025-03-05T10:00:00Z'),
      activity('c1', '2025-04-01T10:00:00Z'),
      activity('c4', '2025-03-06T10:00:00Z'),
      activity('c4', '2025-05-06T10:00:00Z'),
      activity('c3', '2025-06-01T10:00:00Z'),
    ];
    const facts = factsOf(clients, { activities });
    expect(facts.ids).toEqual(['c1', 'c2', 'c3', 'c4']);
    expect(countsOf(facts)).toEqual([3, 1, 2, 2]);
    expect(facts.lastActivityOn).toEqual(['2025-04-01', '2025-03-03', '2025-06-01', '2025-05-06']);
  });

  test('with a repeated client id, activities of that id count for its first row even when they follow the repeat', () => {
    const clients = [client('c1'), client('c2'), client('c1', { name: 'Repeat' }), client('c3')];
    const activities = [
      activity('c2', '2025-03-01T10:00:00Z'),
      activity('c1', '2025-03-02T10:00:00Z'),
      activity('c3', '2025-03-03T10:00:00Z'),
      activity('c1', '2025-03-04T10:00:00Z'),
    ];
    const facts = factsOf(clients, { activities });
    expect(facts.clientIndices).toEqual([0, 1, 3]);
    expect(countsOf(facts)).toEqual([2, 1, 0, 1]);
  });

  test('timestamps are placed as their text sorts against the day bounds, whatever their shape', () => {
    const clients = ['c1', 'c2', 'c3', 'c4'].map((id) => client(id));
    const activities = [
      activity('c1', '2025-12-31'),
      activity('c1', '2026-01-01T00:00:00Z'),
      activity('c1', '2024-12-31T23:59:59Z'),
      // DEL sorts after the `~` that ends the last day, so this is after the window and after today.
      activity('c2', '2025-12-31\u007f'),
      activity('c2', '2025-03-01 10:00'),
      activity('c3', 'soon'),
      activity('c3', '2025/05/01'),
      activity('c3', '1999'),
      activity('c4', '2025-06-01T10:00:00Z'),
      activity('c4', '20'),
    ];
    const facts = factsOf(clients, { activities });
    expect(countsOf(facts)).toEqual([1, 1, 0, 1]);
    expect(facts.lastActivityOn).toEqual(['2025-12-31', '2025-03-01', '1999', '2025-06-01']);
  });

  test('a window that is not made of days compares timestamps as text', () => {
    const clients = [client('c1')];
    const activities = [activity('c1', '2025-03-01T10:00:00Z'), activity('c1', '2025-04-01T10:00:00Z')];
    const facts = factsOf(clients, { activities }, { from: '2025-03', to: '2025-03~' }, '2025-12-31');
    expect(countsOf(facts)).toEqual([1]);
    expect(facts.lastActivityOn).toEqual(['2025-04-01']);
  });
});
