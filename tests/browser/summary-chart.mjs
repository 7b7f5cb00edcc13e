// A supervisor types the summary command in the Playground page (Teams channel) and the card is checked by what the
// page rendered: its title, the CSAT trend heading, the line chart (an SVG named by its aria-label) with one point per
// expected day, and the figure table rows. Screenshots: the page with the chart in view, and the chart alone (-chart).
// Env: PLAYGROUND_URL, SCREENSHOT_PATH, READY_TEXT, MESSAGE, TITLE, HEADING, CHART_LABEL,
//      POINTS_JSON ([{"x":"2 Dec","y":3.67}, ...]), ROWS_JSON ([["Answered","5","+3","5"], ...]).
import { required, run, screenshotPath, sendWhenReady, tableRows } from './lib/playground.mjs';

const points = JSON.parse(required('POINTS_JSON'));
const rows = JSON.parse(required('ROWS_JSON'));

await run(required('PLAYGROUND_URL'), required('SCREENSHOT_PATH'), async (page, mark) => {
  await sendWhenReady(page, mark, required('MESSAGE'));
  const card = page.locator('.ac-adaptiveCard').filter({ hasText: required('TITLE') }).last();
  await card.waitFor();
  mark('cardShownMs');

  await card.getByText(required('HEADING'), { exact: true }).waitFor();
  const chart = card.locator(`[aria-label="${required('CHART_LABEL')}"]`);
  await chart.waitFor();
  if ((await chart.locator('svg').count()) !== 1) {
    throw new Error(`The chart "${required('CHART_LABEL')}" holds no SVG.`);
  }

  // Each point is an SVG group named "<x>, <legend> <y>".
  const labels = await chart.locator('g[role=img]').evaluateAll((groups) => groups.map((g) => g.getAttribute('aria-label')));
  if (labels.length !== points.length) {
    throw new Error(`The chart has ${labels.length} points (${labels.join('; ')}), expected ${points.length}.`);
  }
  points.forEach((point, i) => {
    const label = labels[i];
    const y = Number(label.slice(label.lastIndexOf(' ') + 1));
    if (!label.startsWith(`${point.x}, `) || Math.abs(y - point.y) > 0.005) {
      throw new Error(`Point ${i + 1} reads "${label}", expected x ${point.x} and y ${point.y}.`);
    }
  });

  // The figure tables as rendered: each row's cells, as the reader sees them.
  const rendered = await tableRows(card);
  for (const row of rows) {
    if (!rendered.some((cells) => JSON.stringify(cells) === JSON.stringify(row))) {
      const near = rendered.find((cells) => cells[0] === row[0]);
      throw new Error(`No rendered row ${JSON.stringify(row)}; the row "${row[0]}" reads ${JSON.stringify(near ?? null)}.`);
    }
  }
  mark('checkedMs');

  await chart.scrollIntoViewIfNeeded();
  await chart.screenshot({ path: screenshotPath('chart') });
});
