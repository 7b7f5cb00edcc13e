// The supervisor's loop in the Playground page: designate the General channel for follow-ups by @mentioning the bot,
// receive a survey in the personal chat and answer it with a low score and consent, then claim the follow-up card
// that appears in the channel and see it edited. Env: PLAYGROUND_URL, SCREENSHOT_PATH, CONTACT_URL, API_KEY, CONTACT_JSON.
import { composer, required, run } from './lib/playground.mjs';

await run(required('PLAYGROUND_URL'), required('SCREENSHOT_PATH'), async (page, mark) => {
  await page.locator(composer).first().waitFor();
  await page.getByText('Welcome to CxBot').last().waitFor();

  await page.locator('[role="treeitem"]').filter({ hasText: 'General' }).first().click();
  const newPost = page.locator(composer).first();
  await newPost.click();
  await page.keyboard.type('@Test');
  await page.getByRole('menuitem', { name: 'Test Bot' }).click();
  await page.keyboard.type(' use this channel for follow-ups');
  await page.getByRole('button', { name: 'Post', exact: true }).click();
  await page.getByText('post follow-ups in this channel').last().waitFor();
  mark('channelSetMs');

  await page.locator('[role="treeitem"]').filter({ hasText: 'Personal Chat' }).first().click();
  const posted = await fetch(required('CONTACT_URL'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Api-Key': required('API_KEY') },
    body: required('CONTACT_JSON'),
  });
  if (posted.status !== 202) {
    throw new Error(`The contacts API answered ${posted.status}: ${await posted.text()}`);
  }

  const survey = page.locator('.ac-adaptiveCard').filter({ hasText: 'How did we do?' }).last();
  await survey.waitFor();
  await survey.locator('input[type=radio][value="1"]').first().check();
  await survey.getByRole('checkbox').first().check();
  await survey.getByRole('button', { name: 'Send', exact: true }).click();
  await page.getByText('will contact you within').last().waitFor();
  mark('answeredMs');

  await page.locator('[role="treeitem"]').filter({ hasText: 'General' }).first().click();
  const followUp = page.locator('.ac-adaptiveCard').filter({ hasText: 'Call back a dissatisfied customer' }).last();
  await followUp.waitFor();
  await followUp.getByRole('button', { name: 'Claim', exact: true }).click();
  await page.getByText('Claimed by Alex Wilber').last().waitFor();
  await page.getByText('Claimed by Alex Wilber').last().scrollIntoViewIfNeeded();
  mark('claimedMs');
});
