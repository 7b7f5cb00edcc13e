// The agent types `signal` in the Playground page and gets the form: its inputs are checked and it is filled in and
// sent; then a supervisor (SUPERVISOR_JSON, another object id, sent as a custom activity) types `signals` in the same
// chat and the list card is checked by its rows and their actions. Screenshots of the form and the list.
// Env: PLAYGROUND_URL, SCREENSHOT_PATH, READY_TEXT, DESCRIPTION, TOPIC, SUPERVISOR_JSON.
import { composer, required, run } from './lib/playground.mjs';

const description = required('DESCRIPTION');
const playground = required('PLAYGROUND_URL');
const shot = (name) => required('SCREENSHOT_PATH').replace(/\.png$/, '') + `-${name}.png`;

function expectCount(what, actual, atLeast) {
  if (actual < atLeast) {
    throw new Error(`${what}: ${actual}, expected at least ${atLeast}.`);
  }
}

await run(playground, required('SCREENSHOT_PATH'), async (page, mark) => {
  await page.locator(composer).waitFor();
  await page.getByText(required('READY_TEXT')).last().waitFor();
  mark('readyMs');

  await page.locator(composer).click();
  await page.keyboard.type('signal');
  await page.keyboard.press('Enter');
  const form = page.locator('.ac-adaptiveCard').filter({ hasText: 'Log a customer signal' }).last();
  await form.waitFor();
  expectCount('drop-downs (kind, topic, driver)', await form.getByRole('combobox').count(), 3);
  expectCount('severity choices', await form.locator('input[type=radio]').count(), 3);
  expectCount('multi-line description', await form.locator('textarea').count(), 1);
  expectCount('text inputs (new topic, contact id, customer reference)', await form.locator('input[type=text]').count(), 3);
  await form.getByRole('button', { name: 'Log signal', exact: true }).waitFor();
  await form.scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('form'), fullPage: true });
  mark('formShownMs');

  await form.getByRole('combobox').nth(1).click();
  await page.getByRole('option', { name: required('TOPIC'), exact: true }).click();
  await form.locator('input[type=radio][value="high"]').check();
  await form.locator('textarea').first().fill(description);
  await form.getByRole('button', { name: 'Log signal', exact: true }).click();
  await page.locator('.ac-adaptiveCard').filter({ hasText: 'Signal logged' }).last().waitFor();
  mark('loggedMs');

  // The supervisor's `signals`, as Teams would deliver it from another user in this chat.
  const conversationId = (await (await fetch(new URL('_internal/v1/config', playground))).json()).config.personalChat.id;
  const template = await (await fetch(new URL(`_internal/v1/customActivities/template?conversationId=${encodeURIComponent(conversationId)}`, playground))).json();
  const activity = { ...template, type: 'message', text: 'signals', textFormat: 'plain', from: JSON.parse(required('SUPERVISOR_JSON')) };
  const sent = await fetch(new URL('_internal/v1/customActivities', playground), {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(activity),
  });
  if (!sent.ok) {
    throw new Error(`The Playground refused the custom activity: ${sent.status} ${await sent.text()}`);
  }

  const list = page.locator('.ac-adaptiveCard').filter({ hasText: 'Open signals' }).last();
  await list.waitFor();
  await list.getByText(description).first().waitFor();
  expectCount('rows with Open', await list.getByRole('button', { name: 'Open', exact: true }).count(), 1);
  expectCount('rows with Triage', await list.getByRole('button', { name: 'Triage', exact: true }).count(), 1);
  await list.scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('list'), fullPage: true });
  mark('listShownMs');

  // A supervisor's Triage opens the triage inputs inside the row.
  await list.getByRole('button', { name: 'Triage', exact: true }).first().click();
  await list.getByRole('button', { name: 'Save triage', exact: true }).first().waitFor();
  mark('triageOpenedMs');
});
