import {
  rememberedStoreChoice,
  rememberStoreChoice,
  storeOptions,
  storeToOpen,
  preselectedStore,
  STORE_CHOICE_SETTING,
  type DocumentSettings,
} from '../../src/hosts/office/store-choice';
import { documentSettings, officeContextMock } from './office-context-mock';

function settingsMock(initial: Record<string, unknown> = {}, failWith?: string) {
  const fake = documentSettings(initial, failWith);
  return { ...fake, settings: officeContextMock<DocumentSettings>(fake.seed) };
}

describe('which stores the pane offers', () => {
  it('offers both in an Excel that has the API, with the shared workbook configured', () => {
    const options = storeOptions({ host: 'excel', workbookApiSupported: true, sharedWorkbook: 'configured' });
    expect(options).toEqual([
      { choice: 'thisWorkbook', available: true },
      { choice: 'sharedWorkbook', available: true },
    ]);
    // Both possible: the pane asks, with the remembered choice (or the open workbook) selected.
    expect(storeToOpen(options, true)).toBeNull();
    expect(preselectedStore(options, 'sharedWorkbook')).toBe('sharedWorkbook');
    expect(preselectedStore(options, 'thisWorkbook')).toBe('thisWorkbook');
    expect(preselectedStore(options, null)).toBe('thisWorkbook');
  });

  it('says why the open workbook cannot be used in Word or an old Excel, and opens the shared one', () => {
    const word = storeOptions({ host: 'word', workbookApiSupported: false, sharedWorkbook: 'configured' });
    expect(word[0]).toEqual({ choice: 'thisWorkbook', available: false, reason: 'notExcel' });
    const oldExcel = storeOptions({
      host: 'excel',
      workbookApiSupported: false,
      sharedWorkbook: 'configured',
    });
    expect(oldExcel[0]).toEqual({ choice: 'thisWorkbook', available: false, reason: 'excelTooOld' });
    // The remembered open workbook is no choice any more; the only one left opens unasked.
    expect(preselectedStore(oldExcel, 'thisWorkbook')).toBe('sharedWorkbook');
    expect(storeToOpen(oldExcel, true)).toBe('sharedWorkbook');
    expect(storeToOpen(word, true)).toBe('sharedWorkbook');
    // Without brokered sign-in a popup may be needed, and only a click may open one.
    expect(storeToOpen(word, false)).toBeNull();
    expect(preselectedStore(word, null)).toBe('sharedWorkbook');
  });

  it('says whether the shared workbook is missing from the configuration or the configuration is wrong', () => {
    const missing = storeOptions({
      host: 'excel',
      workbookApiSupported: true,
      sharedWorkbook: 'notConfigured',
    });
    expect(missing[1]).toEqual({ choice: 'sharedWorkbook', available: false, reason: 'notConfigured' });
    expect(storeToOpen(missing, false)).toBe('thisWorkbook');
    expect(preselectedStore(missing, 'sharedWorkbook')).toBe('thisWorkbook');
    const invalid = storeOptions({
      host: 'word',
      workbookApiSupported: false,
      sharedWorkbook: 'configInvalid',
    });
    expect(invalid[1]).toEqual({ choice: 'sharedWorkbook', available: false, reason: 'configInvalid' });
    expect(storeToOpen(invalid, true)).toBeNull();
    expect(preselectedStore(invalid, 'sharedWorkbook')).toBeNull();
  });
});

describe('the choice kept in the document settings', () => {
  it('is saved under one setting and read back the next time the pane opens', async () => {
    const first = settingsMock();
    expect(rememberedStoreChoice(first.settings)).toBeNull();
    await rememberStoreChoice(first.settings, 'thisWorkbook');
    expect(first.saves()).toBe(1);
    expect(first.saved.get(STORE_CHOICE_SETTING)).toBe('thisWorkbook');

    const reopened = settingsMock(Object.fromEntries(first.saved));
    expect(rememberedStoreChoice(reopened.settings)).toBe('thisWorkbook');
  });

  it('ignores a value it does not know (a newer version, a hand edit)', () => {
    expect(
      rememberedStoreChoice(settingsMock({ [STORE_CHOICE_SETTING]: 'localServer' }).settings),
    ).toBeNull();
    expect(rememberedStoreChoice(settingsMock({ [STORE_CHOICE_SETTING]: 42 }).settings)).toBeNull();
    expect(rememberedStoreChoice(undefined)).toBeNull();
  });

  it('rejects with Office’s message when the document cannot save it', async () => {
    const readOnly = settingsMock({}, 'The document is read-only.');
    await expect(rememberStoreChoice(readOnly.settings, 'sharedWorkbook')).rejects.toThrow(
      'The document is read-only.',
    );
    expect(readOnly.saved.has(STORE_CHOICE_SETTING)).toBe(false);
  });
});
