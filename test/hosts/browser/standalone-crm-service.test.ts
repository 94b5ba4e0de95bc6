import { isRelacjeError } from '../../../src/core/errors';
import { standaloneCrmService } from '../../../src/hosts/browser/standalone-crm-service';
import { startGraphHarness, type GraphHarness } from '../../store/graph/graph-harness';

/* The standalone pane's service over the real local workbook server, as the browser uses it. */

let harness: GraphHarness;

beforeEach(async () => {
  harness = await startGraphHarness();
});

afterEach(async () => {
  await harness.close();
});

test('without a chosen workbook it opens the first one the server offers, and tells its subscribers', async () => {
  const service = standaloneCrmService({
    origin: harness.server.url,
    chosenWorkbook: null,
    user: 'Ola Nowak',
  });
  const changes: number[] = [];
  service.subscribe(() => changes.push(service.snapshot?.tables.clients.length ?? -1));
  expect(service.snapshot).toBeNull();

  await service.load();
  expect(service.snapshot?.tables.clients).toEqual([]);

  const created = await service.create('clients', { name: 'Agromex', type: 'company', status: 'lead' });
  expect(service.snapshot?.tables.clients.map((c) => c.id)).toEqual([created.id]);
  expect(changes[0]).toBe(0);
  expect(changes[changes.length - 1]).toBe(1);
  const audit = service.snapshot?.tables.audit ?? [];
  expect(audit.find((row) => row.recordId === created.id)?.user).toBe('Ola Nowak');
});

test('a workbook the server does not have fails the load with a product error and leaves no snapshot', async () => {
  const service = standaloneCrmService({
    origin: harness.server.url,
    chosenWorkbook: 'brak.xlsx',
    user: 'Ola Nowak',
  });
  const failure = await service.load().then(
    () => null,
    (error: unknown) => error,
  );
  expect(isRelacjeError(failure)).toBe(true);
  expect(service.snapshot).toBeNull();
});
