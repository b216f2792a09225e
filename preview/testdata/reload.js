// reload.js URL UNIT NEWTEXT: opens the preview at URL in headless
// chromium, waits for UNIT, prints READY (the Go test then rewrites the
// narrative on disk), and waits up to 5 s for NEWTEXT to appear without
// being told to reload. Prints "RELOADED <ms>" and exits 0, or says why on
// stderr and exits 1. puppeteer-core comes from NODE_PATH
// (tools/browser/node_modules).
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const puppeteer = require('puppeteer-core');

const [url, unit, newText] = process.argv.slice(2);

async function waitForText(page, text, ms) {
  const end = Date.now() + ms;
  for (;;) {
    try {
      const body = await page.evaluate(() => (document.body ? document.body.innerText : ''));
      if (body.includes(text)) return true;
    } catch (e) {
      // The page is reloading: its context was destroyed. Look again.
    }
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 25));
  }
}

(async () => {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'spur-preview-'));
  let browser;
  let status = 1;
  try {
    browser = await puppeteer.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run'],
      userDataDir: profile,
    });
    const page = await browser.newPage();
    const blocked = [];
    page.on('console', (m) => {
      if (/Content[- ]Security[- ]Policy/i.test(m.text())) blocked.push(m.text());
    });
    await page.goto(url, { waitUntil: 'load' });
    if (!(await waitForText(page, unit, 5000))) throw new Error('the page does not show ' + unit);
    const start = Date.now();
    process.stdout.write('READY\n');
    if (!(await waitForText(page, newText, 5000))) {
      throw new Error('the page did not show the new text within 5 s');
    }
    const took = Date.now() - start;
    if (blocked.length) throw new Error('the Content-Security-Policy blocked: ' + blocked.join('; '));
    process.stdout.write('RELOADED ' + took + '\n');
    status = 0;
  } catch (e) {
    process.stderr.write('reload.js: ' + (e && e.message ? e.message : e) + '\n');
  } finally {
    if (browser) await browser.close().catch(() => {});
    fs.rmSync(profile, { recursive: true, force: true });
  }
  process.exit(status);
})();
