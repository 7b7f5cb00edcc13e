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
  // The sent message in the chat (the composer may still hold the same text for a moment).
  const markSent = () => page.evaluate((text) => {
    document.querySelectorAll('[data-sent-message]').forEach((e) => e.removeAttribute('data-sent-message'));
    const matches = [...document.querySelectorAll('body *')].filter((e) => e.textContent.trim() === text
      && !e.closest('[contenteditable="true"]') && ![...e.children].some((c) => c.textContent.trim() === text));
    matches.at(-1)?.setAttribute('data-sent-message', 'true');
    return matches.length > 0;
  }, message);
  await page.waitForFunction((text) => [...document.querySelectorAll('body *')].some((e) => e.textContent.trim() === text
    && !e.closest('[contenteditable="true"]')), message);

  // The message's own "..." button: hovering the message shows it inside the message's row. From the message's text,
  // walk up to the first element that holds such a button; that element must hold exactly one (otherwise it would be a
  // list of rows, and the button could be the bot's answer's). The page re-renders the message once the service has
  // stored it: retry while the element is replaced or the button has not appeared yet.
  const menu = 'button[aria-label="Show more information"]';
  let found = null;
  for (let attempt = 1; found !== 'one'; attempt++) {
    try {
      if (!await markSent()) {
        throw new Error('the message is not in the chat');
      }
      const bubble = page.locator('[data-sent-message="true"]');
      await bubble.scrollIntoViewIfNeeded();
      await bubble.hover();
      found = await bubble.evaluate((text, selector) => {
        document.querySelectorAll('[data-own-menu]').forEach((b) => b.removeAttribute('data-own-menu'));
        for (let row = text.parentElement; row; row = row.parentElement) {
          const buttons = row.querySelectorAll(selector);
          if (buttons.length === 1) {
            buttons[0].setAttribute('data-own-menu', 'true');
            return 'one';
          }
          if (buttons.length > 1) {
            const describe = (e) => `${e.tagName.toLowerCase()}[${[...e.attributes].map((a) => `${a.name}=${a.value.slice(0, 40)}`).join(' ')}]`;
            const path = [];
            for (let e = text; e !== row; e = e.parentElement) path.push(describe(e));
            const children = [...row.children].map((c) => `${describe(c)} buttons=${c.querySelectorAll(selector).length} text=${JSON.stringify(c.innerText.slice(0, 60))}`);
            return `the nearest container holds ${buttons.length} menu buttons; path: ${path.join(' < ')}; container ${describe(row)}: ${children.join(' | ')}`;
          }
        }
        return 'no menu button around the message';
      }, menu);
      if (found === 'one') {
        await page.locator(`${menu}[data-own-menu="true"]`).click({ force: true, timeout: 5_000 });
      }
    } catch (error) {
      found = String(error?.message ?? error);
    }
    if (found !== 'one') {
      if (attempt >= 6) {
        throw new Error(`The typed message's own "Show more information" button was not found: ${found}`);
      }
      await page.waitForTimeout(500);
    }
  }
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
