import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: 'dark' });
await page.goto('http://127.0.0.1:5193/#/vector-clocks?v=1&skewMs=-100');
await page.waitForTimeout(6000);
await page.getByLabel('Simulated time').fill('300');
const d = page.locator('[data-spacetime]').first();
await d.scrollIntoViewIfNeeded();
await page.waitForTimeout(800);
// click b3's commit event on r1 lane: find via eventAtPoint is internal; click near the pin instead
const box = await d.locator('.spacetime-box').boundingBox();
await page.screenshot({ path: '/tmp/vc7.png', clip: { x: 0, y: box.y - 60, width: 1440, height: 330 } });
await browser.close();
