// The agent's learnings search in the Playground page: the compose box's "+" (Trigger Message Extension App) ->
// "Search Command", types QUERY in the search box and presses Enter (the page sends composeExtension/query), waits
// for the preview titled TITLE, clicks it and checks that the learning's card (PROBLEM, "Did this help?") is in the
// compose box, not in the chat.
// Env: PLAYGROUND_URL, SCREENSHOT_PATH, READY_TEXT, QUERY, TITLE, PROBLEM.
import { composer, required, run, screenshotPath } from './lib/playground.mjs';

const problem = required('PROBLEM');

await run(required('PLAYGROUND_URL'), required('SCREENSHOT_PATH'), async (page, mark) => {
  await page.locator(composer).waitFor();
  await page.getByText(required('READY_TEXT')).last().waitFor();
  mark('readyMs');
  const inChatBefore = await page.locator('.ac-adaptiveCard').filter({ hasText: problem }).count();

  await page.locator('button[aria-label="Trigger Message Extension App"]').click();
  await page.getByText('Search Command', { exact: true }).last().click();
  const search = page.getByPlaceholder('Enter a search term');
  await search.fill(required('QUERY'));
  await search.press('Enter');
  mark('querySentMs');

  const preview = page.getByText(required('TITLE'), { exact: false }).last();
  await preview.waitFor();
  await page.screenshot({ path: screenshotPath('results'), fullPage: true });
  mark('resultsShownMs');
  await preview.click();

  // The learning's card, rendered, beside the compose box's editor: the nearest element holding both the card and
  // the editor must not hold any message of the chat.
  const card = page.locator('.ac-adaptiveCard').filter({ hasText: problem }).filter({ hasText: 'Did this help?' }).last();
  await card.waitFor();
  const placement = await card.evaluate((element, editorSelector) => {
    for (let box = element.parentElement; box; box = box.parentElement) {
      if (box.querySelector(editorSelector)) {
        const messages = box.querySelectorAll('[data-testid*="message" i], [class*="chatMessage" i], [class*="message-body" i]').length;
        return { found: true, messages, depth: box.querySelectorAll('.ac-adaptiveCard').length };
      }
    }
    return { found: false };
  }, composer);
  if (!placement.found) {
    throw new Error('The learning card is not beside the compose box.');
  }
  const inChatAfter = await page.locator('.ac-adaptiveCard').filter({ hasText: problem }).count();
  if (inChatAfter !== inChatBefore + 1) {
    throw new Error(`Expected exactly one new rendered card with the learning, found ${inChatAfter - inChatBefore}.`);
  }
  const buttons = await card.getByRole('button').allInnerTexts();
  if (!buttons.some((b) => b.includes('Yes, it helped')) || !buttons.some((b) => b.trim() === 'No')) {
    throw new Error(`The card's buttons are ${JSON.stringify(buttons)}; "Yes, it helped" and "No" expected.`);
  }
  console.error('placement ' + JSON.stringify(placement));
  mark('inComposeBoxMs');
}, async (page) => {
  const texts = await page.locator('[role=dialog], [role=listbox], [role=list]').allInnerTexts().catch(() => []);
  console.error('Dialogs and lists: ' + JSON.stringify(texts).slice(0, 3000));
});
