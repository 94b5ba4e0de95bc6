import { RelacjeError } from '../../core/errors';
import { relacjeErrorFromGraph } from '../../store/graph/graph-error-body';
import type {
  TableSummary,
  WorkbookOverview,
  WorkbookOverviewService,
} from '../../ui/workbook-overview/workbook-overview-service';

interface DriveItemList {
  value: { name: string; file?: unknown }[];
}

interface TableList {
  value: { name: string; rowCount?: number }[];
}

type Fetch = (url: string, init?: { headers?: Record<string, string> }) => Promise<Response>;

async function getJson<T>(fetchFn: Fetch, url: string, resource: string): Promise<T> {
  let response: Response;
  try {
    response = await fetchFn(url, { headers: { Accept: 'application/json' } });
  } catch (error) {
    throw new RelacjeError('unavailable', { detail: error instanceof Error ? error.message : String(error) });
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    throw relacjeErrorFromGraph(response.status, body, resource, response.headers.get('Retry-After'));
  }
  return body as T;
}

/** The chosen workbook, or else the first .xlsx in the drive's root; null when there is none. */
export async function findWorkbookName(
  baseUrl: string,
  chosenWorkbook: string | null,
  fetchFn: Fetch = (url, init) => fetch(url, init),
): Promise<string | null> {
  if (chosenWorkbook) return chosenWorkbook;
  const root = baseUrl.replace(/\/+$/, '');
  const children = await getJson<DriveItemList>(fetchFn, `${root}/v1.0/me/drive/root/children`, root);
  return (
    children.value.find((item) => item.file !== undefined && item.name.toLowerCase().endsWith('.xlsx'))
      ?.name ?? null
  );
}

/**
 * The overview read over the Graph workbook API of a server at `baseUrl` (the local workbook server
 * in the standalone mode). Without a chosen workbook, the first .xlsx in the drive's root is shown.
 */
export function graphWorkbookOverview(
  baseUrl: string,
  chosenWorkbook: string | null,
  fetchFn: Fetch = (url, init) => fetch(url, init),
): WorkbookOverviewService {
  const root = baseUrl.replace(/\/+$/, '');
  return {
    async loadOverview(): Promise<WorkbookOverview | null> {
      const workbookName = await findWorkbookName(baseUrl, chosenWorkbook, fetchFn);
      if (!workbookName) return null;
      const url = `${root}/v1.0/me/drive/root:/${encodeURIComponent(workbookName)}:/workbook/tables`;
      const tables = await getJson<TableList>(fetchFn, url, workbookName);
      const summaries: TableSummary[] = tables.value.map((t) => ({
        name: t.name,
        rowCount: t.rowCount ?? 0,
      }));
      return { workbookName, tables: summaries };
    },
  };
}
