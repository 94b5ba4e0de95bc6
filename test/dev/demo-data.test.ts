import { danglingReferences, datasetDigest } from './dataset-checks';
import { CURRENT_SCHEMA, enumByKey } from '../../src/core/schema';
import { buildDemoDataset } from '../../src/dev/demo-data';
import { missingRequiredFields } from '../../src/core/sales/pipeline-reading';

describe('the demo data set', () => {
  const demo = buildDemoDataset();
  const valuesOf = (table: string, field: string) => new Set(demo[table].map((r) => r[field]));
  const enumKeys = (key: string) => enumByKey(CURRENT_SCHEMA, key).values.map((v) => v.key);

  it('is the same on every build', () => {
    expect(datasetDigest(buildDemoDataset())).toBe(datasetDigest(demo));
  });

  it('has 20 to 40 clients', () => {
    expect(demo.clients.length).toBeGreaterThanOrEqual(20);
    expect(demo.clients.length).toBeLessThanOrEqual(40);
  });

  it.each(CURRENT_SCHEMA.tables.map((t) => t.key))('has rows in %s', (table) => {
    expect(demo[table]?.length ?? 0).toBeGreaterThan(0);
  });

  it('has no reference to a missing row', () => {
    expect(danglingReferences(demo)).toEqual([]);
  });

  it('has an open opportunity in every stage of every pipeline', () => {
    for (const stage of demo.stages) {
      const open = demo.opportunities.filter(
        (o) => o.pipeline === stage.pipeline && o.stage === stage.stage && o.status === 'open',
      );
      expect({ stage: stage.stage, pipeline: stage.pipeline, open: open.length > 0 }).toEqual({
        stage: stage.stage,
        pipeline: stage.pipeline,
        open: true,
      });
    }
  });

  it("fills in what each open opportunity's stage requires", () => {
    const missing = demo.opportunities
      .filter((o) => o.status === 'open')
      .flatMap((o) => {
        const stage = demo.stages.find((s) => s.pipeline === o.pipeline && s.stage === o.stage)!;
        return missingRequiredFields({ ...stage, version: 1 }, o).map((c) => `${String(o.name)}: ${c.key}`);
      });
    expect(missing).toEqual([]);
  });

  it.each([
    ['activities', 'type', 'activityType'],
    ['opportunities', 'status', 'opportunityStatus'],
    ['offers', 'status', 'offerStatus'],
    ['products', 'vatRate', 'vatRate'],
    ['projects', 'status', 'projectStatus'],
    ['tasks', 'status', 'taskStatus'],
    ['tasks', 'priority', 'taskPriority'],
    ['complaints', 'status', 'complaintStatus'],
    ['goals', 'metric', 'goalMetric'],
    ['people', 'legalBasis', 'gdprLegalBasis'],
    ['clients', 'status', 'clientStatus'],
    ['clients', 'type', 'clientType'],
  ])('uses every value of %s.%s (%s)', (table, field, enumKey) => {
    const used = valuesOf(table, field);
    expect(enumKeys(enumKey).filter((k) => !used.has(k))).toEqual([]);
  });

  it('gives every person with consent its date, source and scope', () => {
    for (const person of demo.people.filter((p) => p.legalBasis === 'consent')) {
      expect([person.consentDate, person.consentSource, person.consentScope].every(Boolean)).toBe(true);
    }
  });

  it('totals every offer from its lines', () => {
    for (const offer of demo.offers) {
      const lines = demo.offerLines.filter((l) => l.offerId === offer.id);
      expect(lines.length).toBeGreaterThan(0);
      const net = lines.reduce((sum, l) => sum + Number(l.netPrice) * Number(l.quantity), 0);
      expect(offer.netTotal).toBe(net);
    }
  });

  it('numbers offers uniquely', () => {
    expect(valuesOf('offers', 'number').size).toBe(demo.offers.length);
  });

  it('gives completed projects a warranty end and some of them a reference', () => {
    const completed = demo.projects.filter((p) => p.status === 'completed');
    expect(completed.every((p) => typeof p.warrantyUntil === 'string')).toBe(true);
    expect(completed.some((p) => p.referenceObtained === true)).toBe(true);
  });
});
