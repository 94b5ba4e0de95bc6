// Baseline: ExcelJS alone loading the same file, touching every cell value once. It gets the
// same two reader fixes Relacje applies: stock ExcelJS expands each whole-column validation list
// into a million per-cell entries, which would make the baseline, not our layer, the slow part.
import ExcelJS from 'exceljs';
import { applyExcelJsFixes } from '../../src/store/xlsx/exceljs-fixes';
import { millisecondsSince, reportProbe } from './probe-output';

applyExcelJsFixes();

async function main(file: string): Promise<void> {
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  let cells = 0;
  workbook.eachSheet((sheet) => {
    sheet.eachRow((row) => {
      row.eachCell(() => {
        cells += 1;
      });
    });
  });
  const cpu = process.cpuUsage(cpuStart);
  // CPU time as well: on a shared machine it varies less than the time on the clock.
  reportProbe({ ms: millisecondsSince(start), cpuMs: (cpu.user + cpu.system) / 1000, cells });
}

void main(process.argv[2]);
