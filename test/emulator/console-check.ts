/// <reference lib="dom" />
// page.evaluate callbacks run in the page: they are typed with the DOM.
import { launchChromium } from '../browser/support/chromium';
import { StepError } from './step-runner';

/**
 * The web console behind MiniStack's execute-api prefix (`…/_aws/execute-api/<id>/`), in Chromium:
 * its assets, API calls and plot images must resolve under the prefix (relative URLs), so the
 * models page lists every model and housing's page shows its plots, with no failed request.
 */
export async function checkConsole(apiBase: string, models: readonly string[]): Promise<string> {
  const browser = await launchChromium();
  try {
    const { page, pageErrors } = browser;
    const failed: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(`${apiBase}/#/models`);
    await page.locator('.cards .card').first().waitFor({ timeout: 20_000 });
    const listed = (await page.locator('.cards h2').allTextContents()).sort();
    if (JSON.stringify(listed) !== JSON.stringify([...models].sort())) {
      throw new StepError(`the models page lists ${listed.join(', ')}, expected ${models.join(', ')}`);
    }
    await page.getByRole('link', { name: 'housing', exact: true }).click();
    const images = page.locator('section.version.promoted .plot img');
    await images.first().waitFor({ timeout: 20_000 });
    // `complete` is also true of an image that failed: whether it loaded is its natural width.
    await page.waitForFunction(
      () =>
        Array.from(document.querySelectorAll<HTMLImageElement>('section.version.promoted .plot img')).every(
          (img) => img.complete,
        ),
      undefined,
      { timeout: 20_000 },
    );
    const plots = await images.evaluateAll((imgs: HTMLImageElement[]) =>
      imgs.map((img) => ({ src: img.currentSrc, loaded: img.naturalWidth > 0 })),
    );
    const broken = plots.filter((p) => !p.loaded || !p.src.startsWith(`${apiBase}/`));
    if (broken.length > 0) throw new StepError(`plots not loaded under the API's prefix: ${JSON.stringify(broken)}`);
    if (failed.length > 0 || pageErrors.length > 0) {
      throw new StepError(`failed requests or page errors: ${[...failed, ...pageErrors].join('; ')}`);
    }
    return `${listed.length} models listed, housing's ${plots.length} plots loaded, no failed request`;
  } finally {
    await browser.close();
  }
}
