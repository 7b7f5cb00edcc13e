// Types MESSAGE into the Playground's composer (msteams) and waits for EXPECT_TEXT in the chat.
// Env: PLAYGROUND_URL, SCREENSHOT_PATH, MESSAGE, EXPECT_TEXT, optional READY_TEXT (the welcome to wait for first).
import { composer, required, run } from './lib/playground.mjs';

const message = required('MESSAGE');
const expected = required('EXPECT_TEXT');
const ready = process.env.READY_TEXT;

await run(required('PLAYGROUND_URL'), required('SCREENSHOT_PATH'), async (page, mark) => {
  await page.locator(composer).waitFor();
  if (ready) {
    await page.getByText(ready).last().waitFor();
  }
  mark('readyMs');
  await page.locator(composer).click();
  await page.keyboard.type(message);
  await page.keyboard.press('Enter');
  await page.getByText(expected, { exact: true }).last().waitFor();
  mark('repliedMs');
});
