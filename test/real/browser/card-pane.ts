import type { Locator, Page } from 'playwright-core';
import { CLIENT_TEXTS } from '../../../src/ui/clients/client-texts';

/** Opens a client's card from the list, found by its name. */
export async function openCard(page: Page, name: string): Promise<void> {
  await page.getByRole('searchbox', { name: CLIENT_TEXTS.searchLabel.pl }).fill(name);
  await page.getByRole('grid').getByRole('row').filter({ hasText: name }).first().click();
  await page.getByRole('heading', { level: 2, name }).waitFor();
}

/** Whether the element is wholly inside the window: what the user sees without scrolling. */
export async function inView(target: Locator): Promise<boolean> {
  await target.waitFor();
  return target.evaluate((element) => {
    const box = element.getBoundingClientRect();
    return box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight;
  });
}
