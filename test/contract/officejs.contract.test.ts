import { openOfficeJsStore } from '../../src/store/officejs/officejs-store';
import type { WorkbookStore } from '../../src/store/port';
import { ExcelModel } from '../store/officejs/excel-model';
import { runStoreContract } from './store-contract';

/** The Office.js adapter over an in-memory Excel behind office-addin-mock proxies. */
runStoreContract('Office.js (office-addin-mock)', async () => {
  let model = await ExcelModel.create('pl');
  let current: WorkbookStore = openOfficeJsStore({ run: model.run });
  return {
    store: current,
    reopen: async () => {
      await current.close();
      // The workbook saved and opened again in Excel: only what is in its cells survives.
      model = await ExcelModel.load(await model.workbook.xlsx.writeBuffer());
      current = openOfficeJsStore({ run: model.run });
      return current;
    },
    cleanup: () => current.close(),
  };
});
