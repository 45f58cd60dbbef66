import { chromium } from '@playwright/test';
const [,, url, out, w = '1440', h = '900', full = '0', t = ''] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
const page = await browser.newPage({ viewport: { width: +w, height: +h } });
const errors = [];
page.on('pageerror', (e) => errors.push(String(e)));
page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
await page.goto(url);
await page.waitForTimeout(6000);
if (t) { await page.getByLabel('Simulated time').fill(t); await page.waitForTimeout(1500); }
await page.screenshot({ path: out, fullPage: full === '1' });
console.log(errors.join('\n'));
await browser.close();
