/** One Excel table of the workbook and how many data rows it holds. */
export interface TableSummary {
  name: string;
  rowCount: number;
}

export interface WorkbookOverview {
  workbookName: string;
  tables: TableSummary[];
}

/** What the overview needs from the outside; the host decides where it comes from. */
export interface WorkbookOverviewService {
  /** Resolves to null when there is no workbook to show; fails with a `RelacjeError` people can read. */
  loadOverview(): Promise<WorkbookOverview | null>;
}
