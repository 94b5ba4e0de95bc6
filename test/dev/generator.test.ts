import { danglingReferences, datasetDigest } from './dataset-checks';
import { CURRENT_SCHEMA } from '../../src/core/schema';
import { generateDataset } from '../../src/dev/generator';
import { requiredFieldsOf, stagesOf, stageTasksOf } from '../../src/core/sales/pipeline-reading';
import { READY_FUNNELS } from '../../src/core/sales/ready-funnels';

describe('generateDataset', () => {
  const sample = generateDataset({ seed: 7, clients: 300 });

  it('gives the same data set for the same seed', () => {
    expect(datasetDigest(generateDataset({ seed: 7, clients: 300 }))).toBe(datasetDigest(sample));
  });

  it('gives a different data set for a different seed', () => {
    const other = generateDataset({ seed: 8, clients: 300 });
    expect(datasetDigest(other)).not.toBe(datasetDigest(sample));
    expect(other.clients[0].nip).not.toBe(sample.clients[0].nip);
  });

  it('keeps the first clients the same whatever the total size', () => {
    const small = generateDataset({ seed: 7, clients: 40 });
    expect(small.clients).toEqual(sample.clients.slice(0, 40));
    const smallIds = new Set(small.clients.map((c) => c.id));
    expect(small.people).toEqual(sample.people.filter((p) => smallIds.has(String(p.clientId))));
  });

  it.each([
    [0, 10, 0],
    [1, 3, 3],
    [7, 3.5, 25],
    [300, 10, 3000],
    [10_000, 10, 100_000],
  ])('makes %i clients with %d activities each, %i in all', (clients, perClient, activities) => {
    const tables = generateDataset({ seed: 1, clients, activitiesPerClient: perClient });
    expect(tables.clients).toHaveLength(clients);
    expect(tables.activities).toHaveLength(activities);
  });

  it('has every table of the schema, with linked people, activities, opportunities, offers and tasks', () => {
    expect(Object.keys(sample).sort()).toEqual(CURRENT_SCHEMA.tables.map((t) => t.key).sort());
    for (const key of [
      'people',
      'activities',
      'opportunities',
      'offers',
      'offerLines',
      'tasks',
      'stages',
      'products',
    ]) {
      expect(sample[key].length).toBeGreaterThan(0);
    }
  });

  it('holds the three ready funnels, and every opportunity stands in a stage of its own pipeline', () => {
    expect(sample.pipelines.map((p) => p.name).sort()).toEqual(READY_FUNNELS.map((f) => f.name.pl).sort());
    for (const funnel of READY_FUNNELS) {
      const stages = stagesOf(sample, funnel.name.pl);
      expect(stages.map((s) => requiredFieldsOf(s).map((c) => c.key))).toEqual(
        funnel.stages.map((s) => s.requiredFields),
      );
      expect(stages.map((s) => stageTasksOf(sample, funnel.name.pl, String(s.stage)).length)).toEqual(
        funnel.stages.map((s) => s.tasks.length),
      );
    }
    const stageKeys = new Set(sample.stages.map((s) => `${s.pipeline}/${s.stage}`));
    expect(sample.opportunities.filter((o) => !stageKeys.has(`${o.pipeline}/${o.stage}`))).toEqual([]);
  });

  it('has no reference to a missing row', () => {
    expect(danglingReferences(sample)).toEqual([]);
  });

  it('gives every row of a table a distinct id', () => {
    for (const rows of Object.values(sample)) expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
  });

  it('totals every offer from its lines', () => {
    for (const offer of sample.offers) {
      const lines = sample.offerLines.filter((l) => l.offerId === offer.id);
      const net = lines.reduce((sum, l) => sum + Number(l.netPrice) * Number(l.quantity), 0);
      expect(offer.netTotal).toBe(net);
      expect(offer.grossTotal).toBe(net + Number(offer.vatTotal));
    }
  });

  it('refuses sizes beyond 100,000 clients or 1,000,000 activities', () => {
    expect(() => generateDataset({ seed: 1, clients: 100_001 })).toThrow(RangeError);
    expect(() => generateDataset({ seed: 1, clients: 1000, activitiesPerClient: 1001 })).toThrow(RangeError);
  });
});
