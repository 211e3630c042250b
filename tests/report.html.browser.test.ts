import { temporaryDirectory } from './helpers/temp.js';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/program.js';
import type { ValidationResult } from '../src/pipeline/validate.js';
import { htmlReporter, jsonForScript } from '../src/report/html.js';
import { HOSTILE_ID, HOSTILE_VALUE, sampleResult } from './helpers/report-fixture.js';
import { IN_CI, PROJECT_ROOT } from './helpers/shared.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const FIXTURE = join(PROJECT_ROOT, 'tests/fixtures/reports/records with findings of several rules.json');

function sink(): { stream: Writable; text: () => string } {
  let text = '';
  return { stream: new Writable({ write(chunk, _encoding, done) { text += String(chunk); done(); } }), text: () => text };
}

/** A page with every console error, page error, dialog and non-file request recorded. */
async function open(browser: Browser, file: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('console', (message) => { if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`); });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('dialog', (dialog) => { problems.push(`dialog: ${dialog.message()}`); void dialog.dismiss(); });
  page.on('request', (request) => { if (!request.url().startsWith('file:')) problems.push(`network: ${request.url()}`); });
  await page.goto(pathToFileURL(file).href);
  await page.getByTestId('total-records').waitFor();
  return { page, problems };
}

describe('html report escaping (no browser)', () => {
  it('keeps record data inside the JSON script element', () => {
    const html = htmlReporter.render(sampleResult());
    expect(html).not.toContain('<img src=x');
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(jsonForScript({ a: '</script><!--\u2028' })).toBe('{"a":"\\u003c/script\\u003e\\u003c!--\\u2028"}');
  });
});

if (!existsSync(CHROMIUM)) {
  if (IN_CI) {
    describe('html report in a browser', () => {
      it('needs Chromium (apt-get install chromium): browser tests may not be skipped in CI', () => {
        throw new Error(`${CHROMIUM} is missing`);
      });
    });
  } else {
    console.warn(`[bibpipe tests] SKIPPED "html report in a browser": ${CHROMIUM} not found (apt-get install -y chromium)`);
    describe('html report in a browser', () => {
      it.skip(`skipped: ${CHROMIUM} not found (apt-get install -y chromium)`, () => {});
    });
  }
} else {
  describe('html report in a browser', () => {
    let browser: Browser;
    const dir = temporaryDirectory('bibpipe-html-');
    beforeAll(async () => {
      browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('shows the same counts as the JSON report of the same run, with no console error', async () => {
      const html = join(dir, 'report.html');
      const json = join(dir, 'report.json');
      const stderr = sink();
      const code = await runCli(['node', 'bibpipe', 'validate', FIXTURE, '--reporter', `json:${json}`, '--report', html], { stdout: sink().stream, stderr: stderr.stream });
      expect(code, stderr.text()).toBe(1);
      const report = JSON.parse(readFileSync(json, 'utf8')) as ValidationResult;
      const { page, problems } = await open(browser, html);
      const shown = async (id: string): Promise<number> => Number(await page.getByTestId(id).textContent());
      expect(await shown('total-records')).toBe(report.summary.read);
      expect(await shown('total-errors')).toBe(report.summary.severities.error);
      expect(await shown('total-warnings')).toBe(report.summary.severities.warning);
      expect(await shown('total-info')).toBe(report.summary.severities.info);
      for (const [code, count] of Object.entries(report.summary.issues)) {
        expect(Number(await page.locator(`#by-rule tr[data-rule="${code}"] [data-testid="rule-count"]`).textContent()), code).toBe(count);
      }
      expect(await page.locator('#findings tr').count()).toBe(report.issues.length);
      expect(await page.locator('#fill-rates tr').count()).toBe(Object.keys(report.fieldFill?.fields ?? {}).length);
      expect(problems).toEqual([]);
    });

    it('filters findings by rule, severity and text', async () => {
      const file = join(dir, 'filter.html');
      writeFileSync(file, htmlReporter.render(sampleResult()));
      const { page, problems } = await open(browser, file);
      const visible = (): Promise<number> => page.locator('#findings tr:not([hidden])').count();
      expect(await visible()).toBe(6);
      await page.selectOption('#filter-rule', 'doi.invalid');
      expect(await visible()).toBe(2);
      await page.selectOption('#filter-rule', '');
      await page.selectOption('#filter-severity', 'error');
      expect(await visible()).toBe(2);
      await page.selectOption('#filter-severity', '');
      await page.fill('#filter-text', 'J BIOL');
      expect(await visible()).toBe(1);
      expect(await page.locator('#shown-count').textContent()).toBe('1 of 6 findings shown');
      await page.fill('#filter-text', '');
      expect(await visible()).toBe(6);
      expect(problems).toEqual([]);
    });

    it('shows hostile record data as text: no element, script or dialog comes from it', async () => {
      const file = join(dir, 'hostile.html');
      writeFileSync(file, htmlReporter.render(sampleResult()));
      const { page, problems } = await open(browser, file);
      expect(await page.locator('img').count()).toBe(0);
      expect(await page.locator('script').count()).toBe(2);
      expect(await page.getByRole('cell', { name: HOSTILE_ID, exact: true }).count()).toBe(1);
      expect(await page.locator('#findings td.value').nth(1).textContent()).toBe(HOSTILE_VALUE);
      expect(await page.locator('#fill-rates code', { hasText: '<b>x</b>' }).count()).toBe(1);
      await page.click('#findings a[href="#rule-doi-invalid"] >> nth=0');
      expect(await page.locator('#rule-doi-invalid').isVisible()).toBe(true);
      expect(problems).toEqual([]);
    });
  });
}
