import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { LocalStack } from '@serverless-ml/local-stack';
import type { Page } from 'playwright-core';
import type { JobAnswer } from '../../functions/jobs/src/job-record';
import { bootStack } from '../support/embedded-stack';
import { type Browser, launchChromium } from './support/chromium';
import { api, SCREENSHOTS } from './support/console-stack';

// The Jobs tab in Chromium on the real embedded stack: the form posts to the jobs function, which
// runs statemachines/training.asl.yml (aws-local-stepfunctions) with the real ml-train, evaluate
// and promote behind serverless-offline, on s3rver. What the page shows is checked against the API.
jest.setTimeout(600_000);

/** A job as `GET /jobs/{id}` answers it. */
type Job = JobAnswer;

const PHONE = { width: 375, height: 812 };
let stack: LocalStack;
let cleanup: () => Promise<void>;
let browser: Browser;
let page: Page;

/** Fills the start form at #/jobs and submits it; answers the id of the job the page then watches. */
async function startFromForm(fields: { algorithm: string; hyperParameters?: string; promote?: string }) {
  await page.goto(`${stack.httpUrl}/#/jobs`);
  await page.getByRole('heading', { name: 'Training jobs' }).waitFor();
  await page.getByLabel('Model').selectOption('housing');
  await page.getByLabel('Algorithm').selectOption(fields.algorithm);
  if (fields.promote) await page.getByLabel('Promote the new version').selectOption(fields.promote);
  // Filled even when empty: the page may keep an earlier test's text (a hash change does not reload it).
  await page.getByLabel(/^Hyper-parameters/).fill(fields.hyperParameters ?? '');
  await page.getByRole('button', { name: 'Start job' }).click();
  await page.waitForURL(/#\/jobs\/\d{8}-\d{9}-[0-9a-f]{6}$/);
  return decodeURIComponent(new URL(page.url()).hash.replace('#/jobs/', ''));
}

const jobSection = (status: string) => page.locator(`section.job[data-status="${status}"]`);
const shownSteps = () =>
  page
    .locator('ol.job-steps li')
    .evaluateAll((items: HTMLElement[]) => items.map((li) => `${li.dataset.step}:${li.dataset.status}`));

beforeAll(async () => {
  process.env.MODEL_POINTER_TTL_MS = '0';
  ({ stack, cleanup } = await bootStack('browser-jobs'));
  mkdirSync(SCREENSHOTS, { recursive: true });
  browser = await launchChromium(PHONE);
  page = browser.page;
});

afterAll(async () => {
  await browser?.close();
  await cleanup?.();
});

afterEach(() => {
  expect(browser.pageErrors.splice(0)).toEqual([]);
});

describe('the Jobs tab', () => {
  it('starts a housing job (linear) and watches it run to SUCCEEDED, showing the version GET /jobs/{id} names', async () => {
    const jobId = await startFromForm({ algorithm: 'linear' });
    // Seen running: the Stop button is offered only then.
    await page.getByRole('button', { name: 'Stop job' }).waitFor({ timeout: 20_000 });
    await jobSection('SUCCEEDED').waitFor({ timeout: 300_000 });
    await expect(page.getByRole('button', { name: 'Stop job' }).count()).resolves.toBe(0);

    const { body } = await api<Job>(stack, `/jobs/${jobId}`);
    expect(body.status).toBe('SUCCEEDED');
    const steps = await shownSteps();
    expect(steps.slice(0, 3)).toEqual(['Validate:SUCCEEDED', 'Train:SUCCEEDED', 'Evaluate:SUCCEEDED']);
    expect(steps[3]).toMatch(/^(Keep|Promote):SUCCEEDED$/);
    expect(steps).toEqual(body.steps.map((s) => `${s.name}:${s.status}`));
    expect(await page.locator('#job-version').textContent()).toBe(body.result?.version);
    expect(await page.locator('#job-promoted').textContent()).toBe(
      `${body.result?.promoted ? 'yes' : 'no'}: ${body.result?.reason}`,
    );
    expect(await page.locator('.job-result .metrics th').allTextContents()).toEqual(['r2', 'rmse', 'mae']);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'job-375.png'), fullPage: true });

    // The version links to the model's page, which lists it.
    await page.locator('#job-version').click();
    await page.waitForURL(/#\/models\/housing$/);
    await page.getByRole('region', { name: `housing version ${body.result?.version}` }).waitFor();
  });

  it("starts a failing job (gbm, learningRate -1) and shows FAILED in step Train with the trainer's message", async () => {
    const jobId = await startFromForm({ algorithm: 'gbm', hyperParameters: '{"learningRate": -1}' });
    await jobSection('FAILED').waitFor({ timeout: 300_000 });
    const { body } = await api<Job>(stack, `/jobs/${jobId}`);
    expect(body.error).toMatchObject({ step: 'Train', message: expect.stringContaining('learningRate') });
    const alert = page.getByRole('alert');
    expect(await alert.locator('strong').textContent()).toBe('Failed in step Train');
    expect(await page.locator('#job-error-type').textContent()).toBe(body.error?.type);
    expect(await page.locator('#job-error-message').textContent()).toBe(body.error?.message);
    expect((await shownSteps()).at(-1)).toBe('Train:FAILED');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'job-failed-375.png'), fullPage: true });
  });

  it('lists the jobs newest first with their status and outcome', async () => {
    const { body } = await api<{ jobs: Job[] }>(stack, '/jobs');
    expect(body.jobs.map((j) => j.status)).toEqual(['FAILED', 'SUCCEEDED']);
    await page.goto(`${stack.httpUrl}/#/jobs`);
    const items = page.locator('ul.job-list li');
    await items.first().waitFor();
    expect(await items.evaluateAll((li: HTMLElement[]) => li.map((i) => i.dataset.job))).toEqual(
      body.jobs.map((j) => j.jobId),
    );
    expect(await page.locator('ul.job-list .status-badge').allTextContents()).toEqual(['failed', 'succeeded']);
    expect(await items.nth(1).textContent()).toContain(body.jobs[1].result?.version);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'jobs-375.png'), fullPage: true });
  });

  it('checks the form before sending: bad JSON is named and no job is started', async () => {
    await page.goto(`${stack.httpUrl}/#/jobs`);
    await page.getByLabel(/^Hyper-parameters/).fill('{learningRate: 1}');
    await page.getByRole('button', { name: 'Start job' }).click();
    await page.getByRole('alert').filter({ hasText: 'Hyper-parameters: not JSON' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('hyperParameters');
    expect((await api<{ jobs: Job[] }>(stack, '/jobs')).body.jobs).toHaveLength(2);
    expect(page.url()).toMatch(/#\/jobs$/);
  });

  it('labels every field of the form', async () => {
    await page.goto(`${stack.httpUrl}/#/jobs`);
    await page.getByRole('button', { name: 'Start job' }).waitFor();
    const unlabelled = await page
      .locator('form input, form select, form textarea')
      .evaluateAll((fields: HTMLInputElement[]) => fields.filter((f) => !f.labels?.length).map((f) => f.name));
    expect(unlabelled).toEqual([]);
    expect(await page.locator('form select, form textarea').count()).toBe(4);
  });

  it('polls a running job about every second, stops when the view is left, and stops it from its page', async () => {
    // More epochs than the default so that Train outlasts the checks below.
    const jobId = await startFromForm({ algorithm: 'mlp', hyperParameters: '{"epochs": 1000}' });
    const reads: number[] = [];
    page.on('request', (request) => {
      if (request.method() === 'GET' && request.url().endsWith(`/jobs/${jobId}`)) reads.push(Date.now());
    });
    await page.locator('ol.job-steps li[data-step="Train"][data-status="RUNNING"]').waitFor({ timeout: 60_000 });
    const watching = reads.length;
    // About every second: a second after each answer, so a slow answer (a loaded machine) spaces them out.
    await page.waitForTimeout(3_500);
    expect(reads.length - watching).toBeGreaterThanOrEqual(2);

    await page.goto(`${stack.httpUrl}/#/jobs`);
    const left = reads.length;
    await page.waitForTimeout(2_500);
    expect(reads.length).toBe(left);
    expect((await api<Job>(stack, `/jobs/${jobId}`)).body.status).toBe('RUNNING');

    await page.goBack();
    await page.getByRole('button', { name: 'Stop job' }).click();
    await jobSection('ABORTED').waitFor({ timeout: 60_000 });
    expect(await page.getByRole('alert').locator('strong').textContent()).toBe('Stopped in step Train');
    expect((await api<Job>(stack, `/jobs/${jobId}`)).body.status).toBe('ABORTED');
    const ended = reads.length;
    await page.waitForTimeout(2_000);
    expect(reads.length).toBe(ended);
  });
});
