import fc from 'fast-check';
import {
  assessKeyAccountReadiness,
  READINESS_FACTORS,
  type ReadinessScores,
} from '../../../src/core/segmentation';
import { PROPERTY_SEED } from '../arbitraries';

const ready = (score: number, importance: number): ReadinessScores => ({
  capitalTransfer: score,
  change: score,
  interdisciplinaryTeams: score,
  investment: score,
  knowledgeExchange: score,
  importance,
});

function proposalOf(scores: Record<string, unknown>) {
  const assessment = assessKeyAccountReadiness(scores);
  if (!assessment.ok) throw new Error(assessment.issues.map((issue) => issue.message.en).join('\n'));
  return assessment.proposal;
}

describe('assessKeyAccountReadiness variants', () => {
  test('a very important client ready on every criterion: integration', () => {
    expect(proposalOf(ready(4, 5))).toMatchObject({
      keyAccount: true,
      cooperationVariant: 'integration',
      holdingBack: [],
    });
  });

  test('full readiness but importance 4: cooperation, not integration', () => {
    expect(proposalOf(ready(5, 4))).toMatchObject({ keyAccount: true, cooperationVariant: 'cooperation' });
  });

  test('one criterion at 3, the rest at 4: cooperation, naming what keeps it from integration', () => {
    const proposal = proposalOf({ ...ready(4, 5), investment: 3 });
    expect(proposal.cooperationVariant).toBe('cooperation');
    expect(proposal.holdingBack).toEqual(['investment']);
    expect(proposal.reason.pl).toMatch(/kooperacja/);
  });

  test('one weak criterion is not made up by the others: negotiation, naming it', () => {
    const proposal = proposalOf({ ...ready(5, 5), interdisciplinaryTeams: 2 });
    expect(proposal).toMatchObject({
      cooperationVariant: 'negotiation',
      holdingBack: ['interdisciplinaryTeams'],
    });
    expect(proposal.readinessAverage).toBeCloseTo(4.4);
    expect(proposal.reason.pl).toContain('Tworzenie interdyscyplinarnych zespołów');
    expect(proposal.reason.en).toContain('Forming interdisciplinary teams');
  });

  test('importance below 4: not a key account and no variant, however ready', () => {
    const proposal = proposalOf(ready(5, 3));
    expect(proposal).toMatchObject({ keyAccount: false, cooperationVariant: null });
    expect(proposal.reason.en).toMatch(/not proposed/);
  });

  test('raising any score never proposes a shallower variant', () => {
    const depth: Record<string, number> = { null: 0, negotiation: 1, cooperation: 2, integration: 3 };
    const keys = [...READINESS_FACTORS.map((factor) => factor.key), 'importance'] as const;
    const scores = fc.tuple(...keys.map(() => fc.integer({ min: 1, max: 5 })));
    fc.assert(
      fc.property(scores, fc.integer({ min: 0, max: keys.length - 1 }), (values, raised) => {
        const before = Object.fromEntries(keys.map((key, i) => [key, values[i]]));
        const after = { ...before, [keys[raised]]: Math.min(5, values[raised] + 1) };
        const variant = (s: Record<string, number>) => String(proposalOf(s).cooperationVariant);
        expect(depth[variant(after)]).toBeGreaterThanOrEqual(depth[variant(before)]);
      }),
      { seed: PROPERTY_SEED, numRuns: 300 },
    );
  });
});

describe('assessKeyAccountReadiness input', () => {
  test('scores off the scale, fractional or not numbers are each named, in both languages', () => {
    const assessment = assessKeyAccountReadiness({
      ...ready(3, 4),
      change: 0,
      investment: 6,
      knowledgeExchange: 2.5,
      importance: '4',
    });
    expect(assessment.ok).toBe(false);
    if (assessment.ok) return;
    expect(assessment.issues.map((issue) => issue.criterion)).toEqual([
      'change',
      'investment',
      'knowledgeExchange',
      'importance',
    ]);
    expect(assessment.issues[0].message.pl).toBe(
      'Ocena „0” dla „Wprowadzanie zmian” jest spoza skali — wybierz liczbę całkowitą od 1 do 5.',
    );
    expect(assessment.issues[1].message.en).toBe(
      'The score "6" for "Investing" is off the scale; choose a whole number from 1 to 5.',
    );
  });

  test('a missing score and an unknown criterion are reported', () => {
    const { capitalTransfer: _left, ...rest } = ready(3, 4);
    const assessment = assessKeyAccountReadiness({ ...rest, loyalty: 5 });
    expect(assessment.ok).toBe(false);
    if (assessment.ok) return;
    expect(assessment.issues.map((issue) => [issue.criterion, issue.message.en])).toEqual([
      ['loyalty', 'Unknown assessment criterion "loyalty".'],
      [
        'capitalTransfer',
        'No score for: Transfer of (mainly intellectual) capital. Choose a score from 1 to 5.',
      ],
    ]);
  });
});
