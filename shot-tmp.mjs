import { chromium } from '@playwright/test';
const [,, url, out, w, h, extra] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: Number(w), height: Number(h) } });
await page.goto(url);
await page.waitForTimeout(Number(extra ?? 2500));
await page.screenshot({ path: out });
await browser.close();
