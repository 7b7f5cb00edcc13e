// The agent's message action in the Playground page: types MESSAGE, opens that message's "..." menu, chooses
// "Action Command" with the command id logSignal (what Teams does for "Log as customer signal"), checks the dialog's
// form is prefilled with the message, picks the topic TOPIC, submits and waits for EXPECT_TEXT in the dialog.
// Env: PLAYGROUND_URL, SCREENSHOT_PATH, READY_TEXT, MESSAGE, COMMAND_ID, TOPIC, EXPECT_TEXT.
import { composer, required, run } from './lib/playground.mjs';

const message = required('MESSAGE');
const shot = (name) => required('SCREENSHOT_PATH').replace(/\.png$/, '') + `-${name}.png`;

await run(required('PLAYGROUND_URL'), required('SCREENSHOT_PATH'), async (page, mark) => {
  await page.locator(composer).waitFor();
  await page.getByText(required('READY_TEXT')).last().waitFor();
  mark('readyMs');

  await page.locator(composer).click();
  await page.keyboard.type(message);
  await page.keyboard.press('Enter');
  const bubble = page.getByText(message, { exact: true }).last();
  await bubble.waitFor();

  // The message's own "..." button: the one level with the message's header, just above its text.
  // The page re-renders the message once the service has stored it: retry while the element is replaced.
  let text = null;
  for (let attempt = 1; !text; attempt++) {
    try {
      await bubble.scrollIntoViewIfNeeded();
      await bubble.hover();
      text = await bubble.boundingBox();
    } catch (error) {
      if (attempt >= 5) {
        throw error;
      }
      await page.waitForTimeout(500);
    }
  }
  const buttons = page.locator('button[aria-label="Show more information"]');
  let more = null;
  let nearest = Infinity;
  for (let i = 0; i < await buttons.count(); i++) {
    const box = await buttons.nth(i).boundingBox();
    const distance = box ? text.y - (box.y + box.height / 2) : Infinity;
    if (distance > 0 && distance < nearest) {
      nearest = distance;
      more = buttons.nth(i);
    }
  }
  if (!more) {
    throw new Error('The message has no "Show more information" button.');
  }
  await more.click({ force: true });
  await page.getByText('Action Command', { exact: true }).last().click();
  const ask = page.locator('[role=dialog]').last();
  await ask.getByRole('textbox').first().fill(required('COMMAND_ID'));
  await ask.getByRole('button', { name: 'Create', exact: true }).click();
  mark('fetchTaskSentMs');

  const form = page.locator('[role=dialog] .ac-adaptiveCard').filter({ hasText: 'Log a customer signal' }).last();
  await form.waitFor();
  const description = form.locator('textarea').first();
  const prefilled = await description.inputValue();
  if (!prefilled.includes(message)) {
    throw new Error(`The form's description is not prefilled with the message: "${prefilled}"`);
  }
  const comboboxes = await form.getByRole('combobox').count();
  if (comboboxes < 3) {
    throw new Error(`The form shows ${comboboxes} drop-downs (kind, topic, driver expected).`);
  }
  await page.screenshot({ path: shot('form'), fullPage: true });
  mark('formShownMs');

  await form.getByRole('combobox').nth(1).click();
  await page.getByRole('option', { name: required('TOPIC'), exact: true }).click();
  await form.getByRole('button', { name: 'Log signal', exact: true }).click();
  await page.locator('[role=dialog]').getByText(required('EXPECT_TEXT')).last().waitFor();
  mark('submittedMs');
}, async (page) => {
  // On failure: what the dialogs held.
  const dialogs = await page.locator('[role=dialog]').allInnerTexts().catch(() => []);
  console.error('Dialogs: ' + JSON.stringify(dialogs));
});
