import fc from 'fast-check';
import {
  assignRuleSegments,
  classifyAbc,
  parseSegmentRule,
  selectSegmentClients,
  serializeSegmentRule,
  type SegmentNode,
  type SegmentRule,
} from '../../../src/core/segmentation';
import { PROPERTY_SEED } from '../arbitraries';
import { activity, client, factsOf, wonOpportunity } from './segmentation-fixtures';

const clients = [
  client('c1', {
    name: 'Budimex S.A.',
    city: 'Warszawa',
    nip: '5260250995',
    status: 'active',
    keyAccount: true,
  }),
  client('c2', { name: 'Budrem Sp. z o.o.', city: 'Kraków', nip: null, status: 'lead', keyAccount: null }),
  client('c3', { name: 'Żabka Polska', city: 'Poznań', nip: '', status: 'inactive', keyAccount: false }),
  client('c4', { name: 'Kowalski Jan', city: null, nip: '7740001454', status: 'prospect', type: 'person' }),
];
const facts = factsOf(clients, {
  opportunities: [
    wonOpportunity('c1', 900_00, '2025-03-01'),
    wonOpportunity('c2', 90_00, '2025-04-01'),
    wonOpportunity('c3', 10_00, '2025-05-01'),
  ],
  activities: [
    activity('c1', '2025-11-20T10:00:00Z'),
    activity('c1', '2025-12-01T10:00:00Z'),
    activity('c2', '2025-06-15T10:00:00Z'),
    activity('c4', '2024-02-01T10:00:00Z'),
  ],
});
const sources = { facts, abc: classifyAbc(facts) };

function select(rule: SegmentRule): string[] {
  const parsed = parseSegmentRule(JSON.stringify(rule));
  if (!parsed.ok) throw new Error(parsed.issues.map((issue) => issue.message.en).join('\n'));
  return selectSegmentClients(parsed.rule, sources);
}

function issuesOf(json: string) {
  const parsed = parseSegmentRule(json);
  if (parsed.ok) throw new Error(`expected issues for ${json}`);
  return parsed.issues;
}

describe('rule segment operators', () => {
  test.each<[string, SegmentNode, string[]]>([
    ['equals ignores letter case', { field: 'city', operator: 'equals', value: 'warszawa' }, ['c1']],
    [
      'notEquals includes empty values',
      { field: 'city', operator: 'notEquals', value: 'Warszawa' },
      ['c2', 'c3', 'c4'],
    ],
    ['contains', { field: 'name', operator: 'contains', value: 'bud' }, ['c1', 'c2']],
    ['contains with Polish letters', { field: 'name', operator: 'contains', value: 'żab' }, ['c3']],
    ['startsWith', { field: 'name', operator: 'startsWith', value: 'Budr' }, ['c2']],
    ['greaterThan on won value', { field: 'wonValue', operator: 'greaterThan', value: 50_00 }, ['c1', 'c2']],
    ['lessThan on activity count', { field: 'activityCount', operator: 'lessThan', value: 1 }, ['c3', 'c4']],
    [
      'between on the last activity day, both ends included',
      { field: 'lastActivityOn', operator: 'between', value: ['2025-06-15', '2025-11-20'] },
      ['c2'],
    ],
    ['isEmpty: null and empty text', { field: 'nip', operator: 'isEmpty' }, ['c2', 'c3']],
    ['isNotEmpty', { field: 'nip', operator: 'isNotEmpty' }, ['c1', 'c4']],
    ['in on an enum', { field: 'status', operator: 'in', value: ['lead', 'prospect'] }, ['c2', 'c4']],
    ['in on text', { field: 'city', operator: 'in', value: ['KRAKÓW', 'Poznań'] }, ['c2', 'c3']],
    ['equals on a computed ABC class', { field: 'computedAbcClass', operator: 'equals', value: 'A' }, ['c1']],
    [
      'equals false counts an empty yes/no as no',
      { field: 'keyAccount', operator: 'equals', value: false },
      ['c2', 'c3', 'c4'],
    ],
    [
      'greaterThan on a timestamp column compares days',
      { field: 'createdAt', operator: 'greaterThan', value: '2024-12-31' },
      ['c1', 'c2', 'c3', 'c4'],
    ],
    [
      'lessThan on the last won day never matches clients without one',
      { field: 'lastWonOn', operator: 'lessThan', value: '2025-04-15' },
      ['c1', 'c2'],
    ],
  ])('%s', (_name, rule, expected) => {
    expect(select(rule)).toEqual(expected);
  });
});

describe('rule segment groups', () => {
  test('and / or groups nest', () => {
    const rule: SegmentRule = {
      combinator: 'or',
      conditions: [
        {
          combinator: 'and',
          conditions: [
            { field: 'wonValue', operator: 'greaterThan', value: 0 },
            { field: 'activityCount', operator: 'greaterThan', value: 1 },
          ],
        },
        { field: 'type', operator: 'equals', value: 'person' },
      ],
    };
    expect(select(rule)).toEqual(['c1', 'c4']);
    expect(
      select({ combinator: 'and', conditions: [rule, { field: 'nip', operator: 'isNotEmpty' }] }),
    ).toEqual(['c1', 'c4']);
  });

  test('the first segment that selects a client names it; clients no rule selects are left out', () => {
    const assigned = assignRuleSegments(
      [
        { name: 'Kluczowi', rule: { field: 'computedAbcClass', operator: 'equals', value: 'A' } },
        { name: 'Aktywni', rule: { field: 'activityCount', operator: 'greaterThan', value: 0 } },
      ],
      sources,
    );
    expect(assigned).toEqual(['Kluczowi', 'Aktywni', undefined, undefined]);
  });
});

describe('parseSegmentRule', () => {
  test('normalises a date typed dd.mm.rrrr', () => {
    const parsed = parseSegmentRule(
      '{"field":"lastActivityOn","operator":"greaterThan","value":"01.06.2025"}',
    );
    expect(parsed).toEqual({
      ok: true,
      rule: { field: 'lastActivityOn', operator: 'greaterThan', value: '2025-06-01' },
    });
  });

  test('bad JSON is one bilingual issue', () => {
    const [issue, ...rest] = issuesOf('{"field": "city",');
    expect(rest).toEqual([]);
    expect(issue.message.pl).toMatch(/nie jest poprawnym JSON-em/);
    expect(issue.message.en).toMatch(/is not valid JSON/);
  });

  test('an unknown field is named in both languages, with the fields there are', () => {
    const [issue] = issuesOf(
      '{"combinator":"and","conditions":[{"field":"revenue","operator":"equals","value":1}]}',
    );
    expect(issue.path).toEqual(['conditions', 0, 'field']);
    expect(issue.message.pl).toContain('nie ma pola „revenue”');
    expect(issue.message.en).toContain('no field "revenue"');
    expect(issue.message.en).toContain('wonValue');
    expect(issue.message.en).toContain('conditions[0].field');
  });

  test.each<[string, string, RegExp]>([
    [
      'an unknown operator',
      '{"field":"city","operator":"like","value":"a"}',
      /unknown value "like"; allowed: equals, notEquals/,
    ],
    ['a missing operator', '{"field":"city","value":"a"}', /operator: this key is missing/],
    ['an unknown key', '{"field":"city","operator":"isEmpty","negate":true}', /unknown keys: negate/],
    ['an empty group', '{"combinator":"or","conditions":[]}', /the group has no condition/],
    [
      'an unknown combinator',
      '{"combinator":"xor","conditions":[{"field":"city","operator":"isEmpty"}]}',
      /unknown value "xor"/,
    ],
    ['neither a condition nor a group', '[1, 2]', /expected a condition .* or a group/],
    [
      'an operator that does not fit the field',
      '{"field":"city","operator":"greaterThan","value":"a"}',
      /"greaterThan" does not fit the field "City"/,
    ],
    [
      'a value of the wrong kind',
      '{"field":"activityCount","operator":"equals","value":"dużo"}',
      /"dużo" does not fit .* expected a number/,
    ],
    [
      'an amount that is not money',
      '{"field":"wonValue","operator":"equals","value":"dużo"}',
      /"dużo" does not fit the field "Won value in the period \(PLN\)"; expected an amount in złoty, e\.g\. 1 000\.50/,
    ],
    [
      'an amount in fractions of a grosz',
      '{"field":"wonValue","operator":"greaterThan","value":100.5}',
      /"100.5" does not fit .* expected an amount in złoty/,
    ],
    [
      'an enum value not in the list',
      '{"field":"status","operator":"equals","value":"vip"}',
      /"vip" is not in the list .* lead, prospect, active, inactive/,
    ],
    ['a value on isEmpty', '{"field":"nip","operator":"isEmpty","value":""}', /takes no value/],
    ['no value on equals', '{"field":"nip","operator":"equals"}', /needs a "value"/],
    [
      'a reversed range',
      '{"field":"wonValue","operator":"between","value":[10,1]}',
      /\[from, to\] with from ≤ to/,
    ],
    ['a range of one', '{"field":"wonValue","operator":"between","value":[10]}', /\[from, to\]/],
    ['an empty list for in', '{"field":"status","operator":"in","value":[]}', /non-empty list/],
    [
      'a list for equals',
      '{"field":"city","operator":"equals","value":["a"]}',
      /does not fit the field "City"/,
    ],
    [
      'an impossible date',
      '{"field":"lastActivityOn","operator":"equals","value":"2025-02-30"}',
      /expected a date yyyy-mm-dd/,
    ],
  ])('rejects %s', (_name, json, expected) => {
    const issues = issuesOf(json);
    expect(issues.map((issue) => issue.message.en).join('\n')).toMatch(expected);
    for (const issue of issues) expect(issue.message.pl).not.toEqual(issue.message.en);
  });

  test('groups nested deeper than the limit are refused', () => {
    let rule: SegmentNode = { field: 'city', operator: 'isEmpty' };
    for (let i = 0; i < 5; i++) rule = { combinator: 'and', conditions: [rule] };
    expect(
      issuesOf(JSON.stringify(rule))
        .map((issue) => issue.message.en)
        .join(),
    ).toMatch(/nested too deeply/);
  });

  test('every problem is reported, each at its place', () => {
    const issues = issuesOf(
      JSON.stringify({
        combinator: 'and',
        conditions: [
          { field: 'nope', operator: 'equals', value: 1 },
          { field: 'status', operator: 'equals', value: 'vip' },
        ],
      }),
    );
    expect(issues.map((issue) => issue.path)).toEqual([
      ['conditions', 0, 'field'],
      ['conditions', 1, 'value'],
    ]);
  });
});

describe('serializeSegmentRule', () => {
  const condition = fc.oneof(
    fc.record({
      field: fc.constantFrom('city', 'name', 'industry'),
      operator: fc.constantFrom('equals' as const, 'contains' as const),
      value: fc.string(),
    }),
    fc.record({
      field: fc.constantFrom('wonValue', 'activityCount'),
      operator: fc.constant('between' as const),
      value: fc.tuple(fc.integer({ max: 0 }), fc.nat()).map((range) => [...range]),
    }),
    fc.record({
      field: fc.constantFrom('nip', 'segment'),
      operator: fc.constantFrom('isEmpty' as const, 'isNotEmpty' as const),
    }),
  );
  const { rule } = fc.letrec<{ rule: SegmentNode }>((tie) => ({
    rule: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      condition,
      fc.record({
        combinator: fc.constantFrom('and' as const, 'or' as const),
        conditions: fc.array(tie('rule'), { minLength: 1, maxLength: 3 }),
      }),
    ),
  }));

  test('a serialized rule parses back to itself', () => {
    fc.assert(
      fc.property(rule, (generated) => {
        fc.pre(depth(generated) <= 4);
        const text = serializeSegmentRule(generated);
        const parsed = parseSegmentRule(text);
        expect(parsed).toEqual({ ok: true, rule: generated });
        if (parsed.ok) expect(serializeSegmentRule(parsed.rule)).toBe(text);
      }),
      { seed: PROPERTY_SEED, numRuns: 200 },
    );
  });
});

function depth(node: SegmentNode): number {
  return 'combinator' in node ? 1 + Math.max(...node.conditions.map(depth)) : 0;
}
