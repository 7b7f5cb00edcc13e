// Opens the Agents Playground's page in headless Chromium (playwright-core, no browser download).
import { chromium } from 'playwright-core';

export const composer = '[data-lexical-editor="true"]';

export function required(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`Set ${name}.`);
  }
  return value;
}

// SCREENSHOT_PATH with -<name> before .png: a further screenshot of the same test.
export function screenshotPath(name) {
  return required('SCREENSHOT_PATH').replace(/\.png$/, '') + `-${name}.png`;
}

// Waits for the page's composer and the bot's welcome (READY_TEXT), then types text and sends it.
export async function sendWhenReady(page, mark, text) {
  await page.locator(composer).waitFor();
  await page.getByText(required('READY_TEXT')).last().waitFor();
  mark('readyMs');
  await page.locator(composer).click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

// The rows of the Adaptive Card tables within locator, each as its cells' visible texts. A Table renders role=row with
// role=cell or columnheader cells; a cell with a selectAction becomes a button (.ac-selectable) instead.
export function tableRows(locator) {
  return locator.locator('[role=row]').evaluateAll((rows) => rows.map((row) => {
    const cell = '[role=cell], [role=columnheader], .ac-selectable';
    return [...row.querySelectorAll(cell)]
      .filter((c) => c.closest('[role=row]') === row && !c.parentElement.closest(cell))
      .map((c) => c.innerText.trim());
  }));
}

export async function openPlayground(url) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
    ],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.setDefaultTimeout(20_000);
  // Offline: the page's fonts and scripts from the Office CDN would only wait on DNS.
  await page.route(/^https?:\/\/(?!127\.0\.0\.1[:/]|localhost[:/])/, (route) => route.abort());
  await page.goto(url);
  return { browser, page };
}

// Runs steps(page) and exits 0, or prints the error (and what onFailure(page) reports), saves
// <screenshot>-failure.png and exits 1.
export async function run(url, screenshotPath, steps, onFailure) {
  const started = Date.now();
  const timings = {};
  let browser;
  let page;
  try {
    ({ browser, page } = await openPlayground(url));
    timings.launchedMs = Date.now() - started;
    await steps(page, (name) => { timings[name] = Date.now() - started; });
    await page.screenshot({ path: screenshotPath, fullPage: true });
    console.log(JSON.stringify({ ok: true, screenshot: screenshotPath, timings }));
    process.exitCode = 0;
  } catch (error) {
    console.error(error?.stack ?? String(error));
    if (page) {
      await onFailure?.(page);
      await page.screenshot({ path: screenshotPath.replace(/\.png$/, '') + '-failure.png', fullPage: true }).catch(() => {});
    }
    console.log(JSON.stringify({ ok: false, timings }));
    process.exitCode = 1;
  } finally {
    await browser?.close();
  }
}
