// The in-page watch that tells the court crawler an AJAX answer came and the page settled. The real portal's
// RichFaces sends its partial requests with XMLHttpRequest (through jsf.js), our imitation with fetch; both
// must count, a page's other background requests must not, and a postback that reloads the same address
// must count as the action's outcome.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Browser, chromium, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inPage, waitInPage } from '../../../crawlers/court/find-in-page.ts';
import {
  answeredAndSettled,
  answeredOrLeft,
  settled,
  watchUpdates,
} from '../../../crawlers/court/watch-page-updates.ts';
import { findChromium } from '../../../crawlers/index.ts';

// Quirks covered: jsf.js-style XHR with the Faces-Request header, applied in onreadystatechange; fetch with
// the partial flag only in a URLSearchParams body (no header); a background poll that is no faces request;
// a slow answer (the wait must not give up early); a non-AJAX postback to the same address.
const PAGE = `<!doctype html><html lang="ru"><body>
<form id="f" method="post" action="/search.xhtml">
<button type="button" id="xhr">Найти (XHR)</button>
<button type="button" id="fetch">Найти (fetch)</button>
<button type="button" id="poll">Обновить счётчик</button>
<button type="submit" id="postback">Отправить форму</button>
</form>
<div id="results"><p>страница 0</p></div>
<script>
var n = 0;
function show(text) {
  var old = document.getElementById('results');
  var div = document.createElement('div');
  div.id = 'results';
  div.innerHTML = '<p>' + text + '</p>';
  old.replaceWith(div);
}
document.getElementById('xhr').onclick = function () {
  var x = new XMLHttpRequest();
  x.open('POST', '/search.xhtml?slow=1');
  x.setRequestHeader('Faces-Request', 'partial/ajax');
  x.setRequestHeader('Content-Type', 'application/x-www-form-urlencoded');
  x.onreadystatechange = function () { if (x.readyState === 4) show('страница ' + (++n) + ' ' + x.responseText); };
  x.send('javax.faces.source=f:next&thisPage=' + (n + 1));
};
document.getElementById('fetch').onclick = function () {
  var p = new URLSearchParams();
  p.set('javax.faces.partial.ajax', 'true');
  p.set('thisPage', String(n + 1));
  fetch('/search.xhtml', { method: 'POST', body: p }).then(function (r) { return r.text(); })
    .then(function (t) { show('страница ' + (++n) + ' ' + t); });
};
document.getElementById('poll').onclick = function () {
  var x = new XMLHttpRequest();
  x.open('GET', '/ping');
  x.send();
};
</script></body></html>`;

let server: Server;
let base: string;
let browser: Browser;
let page: Page;
const wait = { timeout: 3000, polling: 25 };

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/ping') {
      res.end('pong');
      return;
    }
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString();
    });
    req.on('end', () => {
      // A partial request is answered with a fragment; a GET or a plain postback with the whole page.
      const partial = req.headers['faces-request'] === 'partial/ajax' || body.includes('faces.partial.ajax');
      const answer = () => {
        res.setHeader('content-type', partial ? 'text/xml' : 'text/html; charset=utf-8');
        res.end(partial ? 'ok' : PAGE);
      };
      if (req.url?.includes('slow=1')) setTimeout(answer, 400);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const choice = await findChromium();
  browser = await chromium.launch({ executablePath: choice.executablePath, args: [...choice.args] });
  page = await browser.newPage();
  await page.goto(`${base}/search.xhtml`);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

const text = () => page.locator('#results').textContent();

describe('watchUpdates', () => {
  it('counts a jsf.js-style XMLHttpRequest answer, and waits for a slow one', async () => {
    await inPage(page, watchUpdates, { panel: '#results', clear: [] });
    expect(await inPage(page, answeredOrLeft, null)).toBe(false);
    const t0 = Date.now();
    await page.click('#xhr');
    await waitInPage(page, answeredOrLeft, null, wait);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(350);
    await waitInPage(page, settled, '#results', wait);
    expect(await text()).toBe('страница 1 ok');
  });

  it('counts a fetch whose partial flag is only in its body', async () => {
    await inPage(page, watchUpdates, { panel: '#results', clear: [] });
    await page.click('#fetch');
    await waitInPage(page, answeredOrLeft, null, wait);
    await waitInPage(page, settled, '#results', wait);
    expect(await text()).toBe('страница 2 ok');
  });

  it('waits for the answer and the replaced panel in one wait, as a page turn does', async () => {
    await inPage(page, watchUpdates, { panel: '#results', clear: [] });
    await page.click('#xhr');
    expect(await inPage(page, answeredAndSettled, '#results')).toBe(false);
    await waitInPage(page, answeredAndSettled, '#results', wait);
    expect(await text()).toBe('страница 3 ok');
  });

  it('does not take a background request for the answer', async () => {
    await inPage(page, watchUpdates, { panel: '#results', clear: [] });
    await page.click('#poll');
    await page.waitForTimeout(300);
    expect(await inPage(page, answeredOrLeft, null)).toBe(false);
    expect(await inPage(page, answeredAndSettled, '#results')).toBe(false);
    await expect(waitInPage(page, answeredOrLeft, null, { timeout: 300, polling: 25 })).rejects.toThrow(
      /Timeout/,
    );
  });

  it('takes a postback that reloads the same address for the outcome', async () => {
    const before = page.url();
    await inPage(page, watchUpdates, { panel: '#results', clear: [] });
    await page.click('#postback');
    await waitInPage(page, answeredOrLeft, null, wait);
    await page.waitForLoadState('load');
    expect(page.url()).toBe(before);
    expect(await text()).toBe('страница 0');
  });
});
