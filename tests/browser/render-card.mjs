// Renders a card's JSON with the Adaptive Cards JavaScript renderer (npm adaptivecards, the renderer behind Web Chat)
// in a page of its own (a file in a temp folder, loading the library's dist bundle), in headless Chromium, and checks
// that a Teams-only element (CHART_TYPE) is unknown to it and that its fallback table (TABLE_ID) rendered with exactly
// the rows expected. Screenshot of the rendered card.
// Env: CARD_PATH, SCREENSHOT_PATH, CHART_TYPE, TABLE_ID, ROWS_JSON ([["Day","CSAT (mean, 1-5)","n"], ...]).
// (PLAYGROUND_URL is not used: nothing is loaded from the Playground.)
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { required, run, tableRows } from './lib/playground.mjs';

const require = createRequire(import.meta.url);
const library = require.resolve('adaptivecards/dist/adaptivecards.js');
const rows = JSON.parse(required('ROWS_JSON'));
const chartType = required('CHART_TYPE');
const tableId = required('TABLE_ID');

// The card goes in as JSON data, never as markup: "<" is escaped so a text cannot close the script element.
const card = readFileSync(required('CARD_PATH'), 'utf8');
const folder = mkdtempSync(join(tmpdir(), 'cxbot-card-'));
const pagePath = join(folder, 'card.html');
writeFileSync(pagePath, `<!doctype html>
<html><head><meta charset="utf-8"><title>Card in the Adaptive Cards renderer</title>
<link rel="stylesheet" href="${pathToFileURL(join(dirname(library), 'adaptivecards.css'))}">
<script src="${pathToFileURL(library)}"></script></head>
<body style="font-family: 'Segoe UI', sans-serif; max-width: 760px; margin: 16px;">
<div id="host"></div>
<script type="application/json" id="card">${JSON.stringify(JSON.parse(card)).replace(/</g, '\\u003c')}</script>
<script>
  const card = new AdaptiveCards.AdaptiveCard();
  const context = new AdaptiveCards.SerializationContext();
  card.parse(JSON.parse(document.getElementById('card').textContent), context);
  window.parseEvents = [];
  for (let i = 0; i < context.eventCount; i++) {
    window.parseEvents.push(context.getEventAt(i).message);
  }
  document.getElementById('host').appendChild(card.render());
</script></body></html>`);

try {
  await run(pathToFileURL(pagePath).toString(), required('SCREENSHOT_PATH'), async (page, mark) => {
    const rendered = page.locator('.ac-adaptiveCard');
    await rendered.waitFor();
    mark('renderedMs');

    const events = await page.evaluate(() => window.parseEvents);
    const unknown = `Unknown element type "${chartType}". Fallback will be used if present.`;
    if (!events.includes(unknown)) {
      throw new Error(`The renderer did not report ${chartType} as unknown; its parse events: ${JSON.stringify(events)}.`);
    }
    if ((await rendered.locator('svg').count()) !== 0) {
      throw new Error('The renderer drew an SVG: the chart was not replaced by its fallback.');
    }

    const table = rendered.locator(`[role=table][id="${tableId}"]`);
    await table.waitFor();
    const cells = await tableRows(table);
    if (JSON.stringify(cells) !== JSON.stringify(rows)) {
      throw new Error(`The table ${tableId} rendered ${JSON.stringify(cells)}, expected ${JSON.stringify(rows)}.`);
    }
    await table.scrollIntoViewIfNeeded();
    mark('checkedMs');
  });
} finally {
  rmSync(folder, { recursive: true, force: true });
}
