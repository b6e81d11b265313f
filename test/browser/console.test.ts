import path from 'node:path';
import type { LocalStack } from '@serverless-ml/local-stack';
import type { Page } from 'playwright-core';
import { bitmapWithCounts } from '../../packages/console-app/src/digits/digit-drawing.fixture';
import { type Browser, launchChromium } from './support/chromium';
import { api, bootTrainedStack, LANDED, SCREENSHOTS } from './support/console-stack';
import { digitsRow, drawWithMouse, swipeWithFinger } from './support/draw';

// The web console in a real browser (Debian's Chromium) on the real embedded stack: s3rver,
// serverless-offline, the bundled functions and ONNX Runtime, with every model trained. Nothing is mocked.
jest.setTimeout(300_000);

interface Prediction {
  modelVersion: string;
  predictions: { label: number; scores: number[] }[];
}

let stack: LocalStack;
let cleanup: () => Promise<void>;
let digits: string[];
let browser: Browser;
let page: Page;

const open = async (hash: string, viewport = { width: 1100, height: 900 }) => {
  await page.setViewportSize(viewport);
  await page.goto(`${stack.httpUrl}/${hash}`);
  await page.locator('h1').first().waitFor();
};
const shoot = (name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });

beforeAll(async () => {
  ({ stack, cleanup, digits } = await bootTrainedStack());
  browser = await launchChromium();
  page = browser.page;
});

afterAll(async () => {
  await browser?.close();
  await cleanup?.();
});

afterEach(() => {
  // An uncaught exception or console error on any page fails the test that caused it.
  expect(browser.pageErrors.splice(0)).toEqual([]);
});

describe('the console is served by the web-console function', () => {
  it('serves index.html at / with a CSP, and its hashed assets with their types, cached for a year', async () => {
    const index = await fetch(`${stack.httpUrl}/`);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('cache-control')).toBe('no-cache');
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await index.text();
    const assets = [...html.matchAll(/(?:src|href)="(assets\/[^"]+)"/g)].map((m) => m[1]);
    expect(assets.map((a) => path.extname(a)).sort()).toEqual(['.css', '.js']);
    for (const asset of assets) {
      const res = await fetch(`${stack.httpUrl}/${asset}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(asset.endsWith('.js') ? /^text\/javascript/ : /^text\/css/);
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    }
    const missing = await api<{ error: { type: string } }>(stack, '/assets/app-OLD.js');
    expect(missing).toMatchObject({ status: 404, body: { error: { type: 'NotFoundError' } } });
  });
});

describe('Draw a digit', () => {
  it('predicts a test-set digit drawn with the mouse at 375 px wide, as the API predicts its 8×8 values', async () => {
    const sample = digitsRow(1000); // the test set is rows 898..1796
    await open('#/draw', { width: 375, height: 812 });
    const canvas = page.locator('canvas.draw-canvas');
    expect((await canvas.boundingBox())?.width).toBeGreaterThanOrEqual(340);
    // One-cell pen, no rescaling: the drawing is exactly a bitmap whose 4×4 blocks hold the sample's counts.
    await page.getByRole('radio', { name: 'Fine' }).check();
    await page.getByRole('checkbox', { name: 'Scale to fill the box' }).uncheck();
    await drawWithMouse(page, bitmapWithCounts(sample.pixels));

    const expected = sample.pixels.join(',');
    const result = page.locator(`section.prediction[data-for="${expected}"][aria-busy="false"]`);
    await result.waitFor({ timeout: 20_000 });
    expect(await page.locator('.input-preview canvas').getAttribute('data-values')).toBe(expected);
    const viaApi = await api<Prediction>(stack, '/digits/predict', { images: [sample.pixels] });
    expect(await page.locator('#predicted-label').textContent()).toBe(String(viaApi.body.predictions[0].label));
    expect(await page.locator('#model-version').textContent()).toBe(viaApi.body.modelVersion);
    expect(await page.locator('.scores li').allTextContents()).toHaveLength(10);
    await shoot('draw-375');
  });

  it('draws with a finger: a touch swipe down the middle inks a stroke and is predicted', async () => {
    await open('#/draw', { width: 375, height: 812 });
    const scrollBefore = await page.evaluate(() => window.scrollY);
    await swipeWithFinger(page, [0.5, 0.1], [0.5, 0.9]);
    await page.locator('section.prediction[data-for][aria-busy="false"]').waitFor({ timeout: 20_000 });
    const values = (await page.locator('.input-preview canvas').getAttribute('data-values'))?.split(',').map(Number);
    // A vertical stroke: ink in every row of the 8×8 input, and the page did not scroll instead.
    expect(values).toHaveLength(64);
    for (let row = 0; row < 8; row++) expect(values?.slice(row * 8, row * 8 + 8).some((v) => v > 0)).toBe(true);
    expect(await page.evaluate(() => window.scrollY)).toBe(scrollBefore);
    expect(await page.locator('#predicted-label').textContent()).toMatch(/^[0-9]$/);
  });

  it('draws with the keyboard alone: arrows move, Space lowers and lifts the pen', async () => {
    await open('#/draw', { width: 375, height: 812 });
    await page.locator('canvas.draw-canvas').focus();
    await page.keyboard.press('Space');
    for (let i = 0; i < 5; i++) await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Space');
    await page.locator('section.prediction[data-for][aria-busy="false"]').waitFor({ timeout: 20_000 });
    expect(await page.locator('#predicted-label').textContent()).toMatch(/^[0-9]$/);
  });
});

describe('Models', () => {
  it('lists every trained model and opens each one with its promoted version and metrics', async () => {
    const { body } = await api<{ models: { name: string; promoted: string }[] }>(stack, '/models');
    expect(body.models.map((m) => m.name).sort()).toEqual(['digits', 'housing', 'rain', 'stores']);
    await open('#/models');
    await page.locator('.cards .card').first().waitFor();
    expect(await page.locator('.cards h2').allTextContents()).toEqual(body.models.map((m) => m.name));
    await shoot('models');
    for (const model of body.models) {
      await page.getByRole('link', { name: model.name, exact: true }).click();
      await page.locator('#promoted-version').waitFor();
      expect(await page.locator('#promoted-version').textContent()).toBe(model.promoted);
      const promoted = page.locator('section.version.promoted');
      expect(await promoted.locator('.metrics tr').count()).toBeGreaterThan(0);
      if (model.name === 'digits') await shoot('model-digits');
      await page.goBack();
    }
  });

  (LANDED.plots ? it : it.skip)("shows each model's plots: SVG images that load, with labelled axes", async () => {
    const { body } = await api<{ models: { name: string }[] }>(stack, '/models');
    for (const { name } of body.models) {
      await open(`#/models/${name}`);
      const images = page.locator('section.version.promoted .plot img');
      await images.first().waitFor();
      const plots = await images.evaluateAll((imgs: HTMLImageElement[]) =>
        imgs.map((img) => ({ src: img.currentSrc, loaded: img.complete && img.naturalWidth > 0 })),
      );
      expect(plots.length).toBeGreaterThan(0);
      const axisTitles: string[] = [];
      for (const plot of plots) {
        await page.waitForFunction(
          (src) => [...document.images].some((i) => i.currentSrc === src && i.naturalWidth > 0),
          plot.src,
        );
        const res = await fetch(plot.src);
        expect(res.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
        const svg = await res.text();
        expect(svg).toMatch(/<svg[\s>]/);
        axisTitles.push(...[...svg.matchAll(/role-axis-title[^>]*>[\s\S]*?<text[^>]*>([^<]+)</g)].map((m) => m[1]));
      }
      // Stores' plot is a map; every other model's plots have titled axes.
      if (name !== 'stores') expect(axisTitles.length).toBeGreaterThanOrEqual(2);
    }
  });

  (LANDED.promote ? it : it.skip)(
    'promotes an older version and rolls back from the page, as GET /models/digits shows',
    async () => {
      const [older, newer] = digits;
      expect((await api<{ promoted: string }>(stack, '/models/digits')).body.promoted).toBe(newer);
      await open('#/models/digits');
      await page.getByRole('button', { name: `Promote ${older}` }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `Promoted digits@${older}` })
        .waitFor();
      expect((await api<{ promoted: string }>(stack, '/models/digits')).body.promoted).toBe(older);
      expect(await page.locator('#promoted-version').textContent()).toBe(older);
      await page.getByRole('button', { name: `Roll back to ${newer}` }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `now serves ${newer}` })
        .waitFor();
      expect((await api<{ promoted: string }>(stack, '/models/digits')).body.promoted).toBe(newer);
    },
  );
});

describe('Rain and stores', () => {
  it('forecasts rain for a recorded day in Seattle, as GET /rain-forecast answers', async () => {
    const { body } = await api<{ probability: number }>(
      stack,
      '/rain-forecast?city=Seattle&country=US&date=2015-03-01',
    );
    await open('#/rain', { width: 375, height: 812 });
    await page.getByRole('button', { name: 'Forecast' }).click();
    await page.locator('#rain-probability').waitFor();
    expect(await page.locator('#rain-probability').textContent()).toBe(`${Math.round(body.probability * 100)}%`);
    await shoot('rain-375');
  });

  it('names the problem the API found in a bad form', async () => {
    await open('#/rain');
    await page.getByRole('radio', { name: 'Latitude / longitude' }).check();
    await page.getByLabel('Latitude (−90…90)').fill('91');
    await page.getByRole('button', { name: 'Forecast' }).click();
    await page.getByRole('alert').filter({ hasText: 'lat must be between -90 and 90' }).waitFor();
  });

  it('lists the nearest stores with distances and plots them', async () => {
    const query = '/stores/nearest?lat=39.153198&long=-77.066176&k=5';
    const { body } = await api<{ stores: { name: string; distance_km: number }[] }>(stack, query);
    await open('#/stores');
    await page.getByRole('button', { name: 'Find stores' }).click();
    await page.locator('ol.stores li').first().waitFor();
    const items = await page.locator('ol.stores li').allTextContents();
    expect(items).toHaveLength(5);
    expect(items.map((item, i) => item.includes(body.stores[i].name))).toEqual(body.stores.map(() => true));
    expect(items[0]).toContain(`${body.stores[0].distance_km.toFixed(1)} km`);
    expect(await page.locator('svg.stores-plot circle.store').count()).toBe(5);
    await shoot('stores');
  });
});

describe('API reference and keyboard use', () => {
  (LANDED.openapi ? it : it.skip)('shows every operation of GET /openapi.json', async () => {
    const { body } = await api<{ paths: Record<string, Record<string, unknown>> }>(stack, '/openapi.json');
    const methods = ['get', 'post', 'put', 'patch', 'delete'];
    const count = Object.values(body.paths).reduce((n, item) => n + methods.filter((m) => m in item).length, 0);
    await open('#/api');
    await page.locator('section.operation').first().waitFor();
    expect(await page.locator('section.operation').count()).toBe(count);
    expect(await page.locator('section.operation h2').allTextContents()).toContain('POST /digits/predict');
    await shoot('api-reference');
  });

  it('reaches the skip link and every tab from the keyboard, and labels every form field', async () => {
    await page.goto('about:blank');
    await open('#/stores');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    const tabs: string[] = [];
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      tabs.push((await page.evaluate(() => document.activeElement?.textContent)) ?? '');
    }
    expect(tabs).toEqual(['Draw a digit', 'Models', 'Rain', 'Stores', 'API reference', 'Jobs']);
    for (const hash of ['#/stores', '#/rain', '#/draw']) {
      await open(hash);
      const unlabelled = await page
        .locator('input')
        .evaluateAll((inputs: HTMLInputElement[]) =>
          inputs.filter((i) => !i.labels || i.labels.length === 0).map((i) => i.name),
        );
      expect(unlabelled).toEqual([]);
    }
  });
});
