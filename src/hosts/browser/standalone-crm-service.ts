import { RelacjeError } from '../../core/errors';
import type { Locale } from '../../core/i18n';
import type { ClientImportPlan, CrmService } from '../../services/crm-service';
import type { ReadOptions, RecordFields, RecordUpdate } from '../../store/port';
import { findWorkbookName } from './graph-workbook-overview';

export interface StandaloneCrmOptions {
  /** The local workbook server, e.g. `window.location.origin`. */
  origin: string;
  /** `?workbook=`; without it the first .xlsx the server offers. */
  chosenWorkbook: string | null;
  user: string;
}

const LOCAL_SERVER_TIMEOUT_MS = 5 * 60_000;

/**
 * The CRM service of the standalone mode, over the local workbook server's Graph API. The workbook
 * is found and the Graph store and service code loaded (a separate chunk) on the first `load`, so
 * the pane's first render waits for neither; until then `snapshot` is null, as before any load.
 */
export function standaloneCrmService({ origin, chosenWorkbook, user }: StandaloneCrmOptions): CrmService {
  const listeners = new Set<() => void>();
  let inner: Promise<CrmService> | null = null;
  let ready: CrmService | null = null;

  const open = async (): Promise<CrmService> => {
    const [workbookName, { openGraphStore }, { createCrmService }] = await Promise.all([
      findWorkbookName(origin, chosenWorkbook),
      import(/* webpackChunkName: "workbook-store" */ '../../store/graph/graph-store'),
      import(/* webpackChunkName: "workbook-store" */ '../../services/store-crm-service'),
    ]);
    if (!workbookName) throw new RelacjeError('workbookNotFound', { file: '*.xlsx' });
    const store = openGraphStore({
      baseUrl: `${origin.replace(/\/+$/, '')}/`,
      workbook: `/me/drive/root:/${encodeURIComponent(workbookName)}:`,
      // The local server answers the first request only once it has opened the workbook, which for
      // a big one can take over Graph's 30 s; the user sees the load's progress and can cancel it.
      requestTimeoutMs: LOCAL_SERVER_TIMEOUT_MS,
    });
    const service = createCrmService({ store, user });
    service.subscribe(() => listeners.forEach((listener) => listener()));
    ready = service;
    return service;
  };
  const service = (): Promise<CrmService> => {
    // A failed start (server down, no workbook) is tried again on the next call: the retry button.
    inner ??= open().catch((error: unknown) => {
      inner = null;
      throw error;
    });
    return inner;
  };

  return {
    user,
    get snapshot() {
      return ready?.snapshot ?? null;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    load: async (options?: ReadOptions) => (await service()).load(options),
    create: async (table, fields) => (await service()).create(table, fields),
    createOffer: async (fields: RecordFields) => (await service()).createOffer(fields),
    update: async (table, id, expectedVersion, changes) =>
      (await service()).update(table, id, expectedVersion, changes),
    remove: async (table, id, expectedVersion, options) =>
      (await service()).remove(table, id, expectedVersion, options),
    mergeClients: async (survivorId: string, mergedId: string, options?: { locale?: Locale }) =>
      (await service()).mergeClients(survivorId, mergedId, options),
    updateClients: async (updates: readonly RecordUpdate[]) => (await service()).updateClients(updates),
    writeSegmentation: async (updates: readonly RecordUpdate[]) =>
      (await service()).writeSegmentation(updates),
    undoSegmentation: async (writeId: string) => (await service()).undoSegmentation(writeId),
    importClients: async (plan: ClientImportPlan) => (await service()).importClients(plan),
    completeTask: async (id, expectedVersion, options) =>
      (await service()).completeTask(id, expectedVersion, options),
    reopenTask: async (id, expectedVersion, options) =>
      (await service()).reopenTask(id, expectedVersion, options),
    rescheduleTask: async (id, expectedVersion, dueDate, options) =>
      (await service()).rescheduleTask(id, expectedVersion, dueDate, options),
    addGoal: async (fields) => (await service()).addGoal(fields),
    updateGoal: async (id, expectedVersion, changes) =>
      (await service()).updateGoal(id, expectedVersion, changes),
    addProduct: async (fields) => (await service()).addProduct(fields),
    updateProduct: async (id, expectedVersion, changes) =>
      (await service()).updateProduct(id, expectedVersion, changes),
    importProducts: async (plan) => (await service()).importProducts(plan),
    createOpportunity: async (draft) => (await service()).createOpportunity(draft),
    updateOpportunity: async (id, expectedVersion, changes, lines) =>
      (await service()).updateOpportunity(id, expectedVersion, changes, lines),
    moveOpportunity: async (id, expectedVersion, stage, changes) =>
      (await service()).moveOpportunity(id, expectedVersion, stage, changes),
    winOpportunity: async (id, expectedVersion, options) =>
      (await service()).winOpportunity(id, expectedVersion, options),
    loseOpportunity: async (id, expectedVersion, reason, note) =>
      (await service()).loseOpportunity(id, expectedVersion, reason, note),
    reopenOpportunity: async (id, expectedVersion) =>
      (await service()).reopenOpportunity(id, expectedVersion),
    addReadyFunnel: async (key, name) => (await service()).addReadyFunnel(key, name),
    savePipeline: async (design) => (await service()).savePipeline(design),
  };
}
