import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { type TestCredentials } from '../../support/credentials';

/** Debian's Chromium (`.ci/run` installs it when missing), headless. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
}

/** A fresh tab (its own session storage) on the console; CSP bypassed so axe-core can be injected. */
export async function consolePage(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${url}/console/`);
  return page;
}

export async function signIn(page: Page, credentials: TestCredentials, duration = '3600'): Promise<void> {
  await page.getByLabel('Access key ID').fill(credentials.accessKeyId);
  await page.getByLabel('Secret access key').fill(credentials.secretAccessKey);
  await page.getByLabel('Session length').selectOption(duration);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/** axe-core's serious and critical violations on the page as it is (WCAG 2 A and AA rules). */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as { axe: { run(options: object): Promise<{ violations: unknown[] }> } }
    ).axe;
    const result = await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] } });
    return result.violations as AxeViolation[];
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Saves a screenshot for the README when TRAILPLANE_SCREENSHOTS names a folder (docs/images). */
export async function screenshot(page: Page, name: string): Promise<void> {
  const folder = process.env.TRAILPLANE_SCREENSHOTS;
  if (folder) await page.screenshot({ path: join(folder, `console-${name}.png`), fullPage: false });
}
