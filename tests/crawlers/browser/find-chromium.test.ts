// Which browser the project launches: SOZ_CHROMIUM, then Debian's, then the one bundled in @sparticuz/chromium.
// The bundled path is exercised for real (decompressed into a fresh folder and launched), because a fresh
// machine without Debian's package depends on it.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright';
import { afterAll, describe, expect, it } from 'vitest';
import { ChromiumNotFoundError, findChromium } from '../../../crawlers/index.ts';

const scratch = mkdtempSync(join(tmpdir(), 'soz-find-chromium-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('findChromium', () => {
  it('takes SOZ_CHROMIUM first, and names it when it does not exist', async () => {
    const fake = join(scratch, 'my-chromium');
    writeFileSync(fake, '#!/bin/sh\n');
    chmodSync(fake, 0o755);
    const choice = await findChromium({ env: { SOZ_CHROMIUM: fake }, debianPath: '/nonexistent' });
    expect(choice).toMatchObject({ executablePath: fake, origin: 'SOZ_CHROMIUM' });
    await expect(findChromium({ env: { SOZ_CHROMIUM: join(scratch, 'gone') } })).rejects.toThrow(
      /SOZ_CHROMIUM names .*gone, which does not exist/,
    );
  });

  it("prefers Debian's browser to the bundled one", async () => {
    const debian = join(scratch, 'debian-chromium');
    writeFileSync(debian, '#!/bin/sh\n');
    const choice = await findChromium({ env: {}, debianPath: debian });
    expect(choice.origin).toBe('debian');
    expect(choice.executablePath).toBe(debian);
  });

  it('says how to get a browser when there is none at all', async () => {
    const error = await findChromium({ env: {}, debianPath: '/nonexistent', bundledPackageDir: null }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ChromiumNotFoundError);
    expect(String(error)).toMatch(/run npm ci, or apt-get install chromium, or set SOZ_CHROMIUM/);
  });

  it('decompresses the bundled Chromium once and launches it', async () => {
    const cacheDir = join(scratch, 'bundled');
    const [a, b] = await Promise.all([
      findChromium({ env: {}, debianPath: '/nonexistent', cacheDir }),
      findChromium({ env: {}, debianPath: '/nonexistent', cacheDir }),
    ]);
    expect(a.origin).toBe('bundled');
    expect(b.executablePath).toBe(a.executablePath);
    expect(a.description).toMatch(/@sparticuz\/chromium \d+/);
    const browser = await chromium.launch({ executablePath: a.executablePath, args: [...a.args] });
    try {
      const page = await browser.newPage();
      await page.setContent(
        '<p id="out"></p><script>document.getElementById("out").textContent = "Сот " + (6 * 7)</script>',
      );
      expect(await page.textContent('#out')).toBe('Сот 42');
    } finally {
      await browser.close();
    }
  }, 60_000);
});
