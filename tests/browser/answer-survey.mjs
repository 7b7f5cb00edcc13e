// Waits for the bot's welcome in the Playground page, reports an ended contact for the page's user to the bot's
// contacts API, then answers the survey card by clicking: a rating of RATING, Send, and waits for the thank-you.
// Env: PLAYGROUND_URL, SCREENSHOT_PATH, READY_TEXT, CONTACT_URL, API_KEY, CONTACT_JSON, RATING, EXPECT_TEXT.
import { composer, required, run } from './lib/playground.mjs';

const rating = required('RATING');

await run(required('PLAYGROUND_URL'), required('SCREENSHOT_PATH'), async (page, mark) => {
  await page.locator(composer).waitFor();
  await page.getByText(required('READY_TEXT')).last().waitFor();
  mark('readyMs');

  const posted = await fetch(required('CONTACT_URL'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Api-Key': required('API_KEY') },
    body: required('CONTACT_JSON'),
  });
  if (posted.status !== 202) {
    throw new Error(`The contacts API answered ${posted.status}: ${await posted.text()}`);
  }

  const card = page.locator('.ac-adaptiveCard').filter({ hasText: 'How did we do?' }).last();
  await card.waitFor();
  mark('surveyShownMs');
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: required('SCREENSHOT_PATH').replace(/\.png$/, '') + '-card.png', fullPage: true });
  await card.locator(`input[type=radio][value="${rating}"]`).first().check();
  await card.getByRole('button', { name: 'Send', exact: true }).click();
  await page.getByText(required('EXPECT_TEXT')).last().waitFor();
  mark('thankedMs');
});
