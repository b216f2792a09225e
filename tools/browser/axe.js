// axe.js FILE.html...: opens each file in Debian's headless Chromium, runs
// axe-core's WCAG 2.0/2.1 A and AA rules and its best practices, and prints
// one JSON line per file: {"file": ..., "violations": [{"id", "impact",
// "help", "nodes": [target...]}]}. It exits 0 when it could check every
// file (whatever it found), 1 when it could not.
'use strict';
const path = require('path');
const puppeteer = require('puppeteer-core');
const axeSource = require.resolve('axe-core/axe.min.js');

const chromium = process.env.CHROMIUM || '/usr/bin/chromium';
const flags = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

(async () => {
  const dir = require('fs').mkdtempSync(path.join(require('os').tmpdir(), 'spur-axe-'));
  const browser = await puppeteer.launch({ executablePath: chromium, args: flags, userDataDir: dir });
  try {
    for (const file of process.argv.slice(2)) {
      const page = await browser.newPage();
      await page.setBypassCSP(true); // axe is injected; the document's own policy stays as written
      // The documents must make no outside request: count any.
      const outside = [];
      await page.setRequestInterception(true);
      page.on('request', (req) => {
        if (req.url().startsWith('file:') || req.url().startsWith('data:')) { req.continue(); return; }
        outside.push(req.url());
        req.abort();
      });
      await page.goto('file://' + path.resolve(file), { waitUntil: 'load' });
      await page.addScriptTag({ path: axeSource });
      const result = await page.evaluate(async () => {
        const r = await window.axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
        });
        return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
      });
      console.log(JSON.stringify({ file, violations: result, outside }));
      await page.close();
    }
  } finally {
    await browser.close();
    require('fs').rmSync(dir, { recursive: true, force: true });
  }
})().catch((err) => { console.error(String(err && err.stack || err)); process.exit(1); });
