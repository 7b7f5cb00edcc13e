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

  // The learning's card, rendered in the compose box: the nearest element holding both the card and the compose box's
  // editor must not hold the chat (the bot's welcome message), and the card must sit within the compose box's width.
  const card = page.locator('.ac-adaptiveCard').filter({ hasText: problem }).filter({ hasText: 'Did this help?' }).last();
  await card.waitFor();
  const placement = await card.evaluate((element, [editorSelector, chatText]) => {
    for (let box = element.parentElement; box; box = box.parentElement) {
      if (box.querySelector(editorSelector)) {
        return { found: true, holdsChat: box.textContent.includes(chatText) };
      }
    }
    return { found: false };
  }, [composer, required('READY_TEXT')]);
  if (!placement.found || placement.holdsChat) {
    throw new Error(`The learning card is not in the compose box: ${JSON.stringify(placement)}`);
  }
  const plus = await page.locator('button[aria-label="Trigger Message Extension App"]').boundingBox();
  const cardBox = await card.boundingBox();
  if (!plus || !cardBox || cardBox.y + cardBox.height < plus.y - 400 || cardBox.y > plus.y + plus.height) {
    throw new Error(`The learning card (${JSON.stringify(cardBox)}) is not by the compose box's buttons (${JSON.stringify(plus)}).`);
  }
  const inChatAfter = await page.locator('.ac-adaptiveCard').filter({ hasText: problem }).count();
  if (inChatAfter !== inChatBefore + 1) {
    throw new Error(`Expected exactly one new rendered card with the learning, found ${inChatAfter - inChatBefore}.`);
  }
  const buttons = await card.getByRole('button').allInnerTexts();
  if (!buttons.some((b) => b.includes('Yes, it helped')) || !buttons.some((b) => b.trim() === 'No')) {
    throw new Error(`The card's buttons are ${JSON.stringify(buttons)}; "Yes, it helped" and "No" expected.`);
  }
  mark('inComposeBoxMs');
}, async (page) => {
  const texts = await page.locator('[role=dialog], [role=listbox], [role=list]').allInnerTexts().catch(() => []);
  console.error('Dialogs and lists: ' + JSON.stringify(texts).slice(0, 3000));
});
