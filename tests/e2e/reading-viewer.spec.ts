/**
 * The picture viewer: pictures in an article open large by mouse or keyboard in a modal
 * dialog with the alt text as caption; + − 0 and the wheel zoom, ← → move between the
 * article's pictures, Esc closes and focus returns to the picture. Axe-clean in both looks.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, expectNoA11yViolations, GUIDE_ID, openApp, PICTURE_ALTS, shot, test, viewTitle } from './reading';

const pictureButtons = (page: Page): Locator => page.locator('.article-body').getByRole('button', { name: /^사진 크게 보기/ });
const viewer = (page: Page): Locator => page.getByRole('dialog', { name: '사진 보기' });
const zoomShown = (page: Page): Locator => viewer(page).locator('.viewer-zoom');
const imageWidth = (page: Page): Promise<number> => viewer(page).locator('.viewer-image').evaluate((img) => img.getBoundingClientRect().width);

test('the article shows its pictures with their size reserved, each a named button', async ({ page, preview }) => {
  await openApp(page, preview, { hash: `#/article/${GUIDE_ID}` });
  await expect(pictureButtons(page)).toHaveCount(PICTURE_ALTS.length);
  for (const [i, alt] of PICTURE_ALTS.entries()) {
    const button = pictureButtons(page).nth(i);
    await expect(button).toHaveAccessibleName(`사진 크게 보기: ${alt}`);
    const image = button.locator('img');
    await expect(image).toHaveAttribute('alt', alt);
    await expect(image).toHaveAttribute('loading', 'lazy');
  }
  // The first picture is on screen and decoded (a data: PNG kept by the builder and both sanitizers).
  const first = pictureButtons(page).first().locator('img');
  await expect.poll(() => first.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(320);
});

test('opens by keyboard, zooms with + − 0, moves with arrows, closes with Esc back to the picture', async ({ page, preview }) => {
  await openApp(page, preview, { hash: `#/article/${GUIDE_ID}` });
  await expect(viewTitle(page)).toBeFocused();
  // Tab to the first picture (past the toolbar, the contents summary and any links).
  const first = pictureButtons(page).first();
  for (let i = 0; i < 30 && !(await first.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(first).toBeFocused();
  await page.keyboard.press('Enter');

  const dialog = viewer(page);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: '닫기' })).toBeFocused();
  await expect(dialog.locator('figcaption')).toHaveText(PICTURE_ALTS[0]);
  await expect(dialog).toHaveAccessibleDescription(PICTURE_ALTS[0]);
  await expect(dialog.locator('.viewer-position')).toHaveText(`1 / ${PICTURE_ALTS.length}`);
  await expect(zoomShown(page)).toHaveText('100%');

  const fitted = await imageWidth(page);
  await page.keyboard.press('+');
  await expect(zoomShown(page)).toHaveText('150%');
  expect(await imageWidth(page)).toBeCloseTo(fitted * 1.5, 0);
  await page.keyboard.press('+');
  await expect(zoomShown(page)).toHaveText('200%');
  await page.keyboard.press('-');
  await expect(zoomShown(page)).toHaveText('150%');
  await page.keyboard.press('0');
  await expect(zoomShown(page)).toHaveText('100%');
  expect(await imageWidth(page)).toBeCloseTo(fitted, 0);

  await page.keyboard.press('ArrowRight');
  await expect(dialog.locator('figcaption')).toHaveText(PICTURE_ALTS[1]);
  await expect(dialog.locator('.viewer-position')).toHaveText(`2 / ${PICTURE_ALTS.length}`);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(dialog.locator('figcaption')).toHaveText(PICTURE_ALTS[2]);

  // Tab stays inside the modal dialog.
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('dialog')))).toBe(true);
  }

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  // Focus returns to the picture last shown; Esc only closed the viewer (still on the article).
  await expect(pictureButtons(page).nth(2)).toBeFocused();
  await expect(page).toHaveURL(new RegExp(`#/article/${GUIDE_ID}$`));
  await expect(viewTitle(page)).toHaveText(/다크 모드/);
});

test('opens by click; the wheel and the buttons zoom; the close button closes', async ({ page, preview }) => {
  await openApp(page, preview, { hash: `#/article/${GUIDE_ID}` });
  await pictureButtons(page).nth(1).click();
  const dialog = viewer(page);
  await expect(dialog.locator('figcaption')).toHaveText(PICTURE_ALTS[1]);
  const frame = dialog.locator('.viewer-frame');
  const box = (await frame.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -100);
  await expect(zoomShown(page)).toHaveText('150%');
  await page.mouse.wheel(0, 100);
  await expect(zoomShown(page)).toHaveText('100%');
  await dialog.getByRole('button', { name: '확대' }).click();
  await expect(zoomShown(page)).toHaveText('150%');
  // Zoomed past the frame, the picture is dragged to pan.
  await dialog.getByRole('button', { name: '확대' }).click();
  await dialog.getByRole('button', { name: '확대' }).click();
  await expect(zoomShown(page)).toHaveText('300%');
  const scrolled = () => frame.evaluate((el) => [el.scrollLeft, el.scrollTop]);
  const [left, top] = await scrolled();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 - 120, box.y + box.height / 2 - 80, { steps: 4 });
  await page.mouse.up();
  expect(await scrolled()).toEqual([left! + 120, top! + 80]);
  await page.keyboard.press('0');
  await dialog.getByRole('button', { name: '확대' }).click();
  await expect(zoomShown(page)).toHaveText('150%');
  await dialog.getByRole('button', { name: /^배율 150%/ }).click();
  await expect(zoomShown(page)).toHaveText('100%');
  await dialog.getByRole('button', { name: '다음 사진' }).click();
  await expect(dialog.locator('figcaption')).toHaveText(PICTURE_ALTS[2]);
  await dialog.getByRole('button', { name: '닫기' }).click();
  await expect(dialog).toBeHidden();
  await expect(pictureButtons(page).nth(2)).toBeFocused();
});

for (const [os, theme] of [
  ['macos', 'light'],
  ['windows', 'dark'],
  ['macos', 'dark'],
  ['windows', 'light'],
] as const) {
  test(`${os}, ${theme}: the viewer has no axe-core violations`, async ({ page, preview }) => {
    await openApp(page, preview, { os, theme, hash: `#/article/${GUIDE_ID}` });
    await expectNoA11yViolations(page);
    await pictureButtons(page).first().scrollIntoViewIfNeeded();
    await shot(page, `reading-${os}-${theme}-article-pictures`);
    await pictureButtons(page).first().click();
    await expect(viewer(page).locator('.viewer-image')).toBeVisible();
    await page.keyboard.press('+');
    await expect(zoomShown(page)).toHaveText('150%');
    await expectNoA11yViolations(page);
    await shot(page, `reading-${os}-${theme}-viewer`);
  });
}
