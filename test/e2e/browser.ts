import { createHmac } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

// Shared set-up for the browser tests: the Debian Chromium in headless mode. chromium.launch gives
// every browser a fresh temporary profile (user-data dir) and deletes it on close.

export const screenshotDir = resolve(import.meta.dirname, '..', '..', 'test-results');

const args = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface BrowserSession {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

export async function openBrowser(
  opts: { locale?: string; width?: number; height?: number } = {},
): Promise<BrowserSession> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args,
  });
  const context = await browser.newContext({
    locale: opts.locale ?? 'en-US',
    viewport: { width: opts.width ?? 1280, height: opts.height ?? 860 },
  });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  return {
    browser,
    context,
    page,
    async close() {
      await browser.close();
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const path = join(screenshotDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** POSTs a Meta delivery; signed with `secret` unless it is null. */
export async function postMetaDelivery(
  baseUrl: string,
  body: unknown,
  secret: string | null,
): Promise<Response> {
  const raw = JSON.stringify(body);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (secret !== null) {
    headers['x-hub-signature-256'] = `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`;
  }
  return fetch(`${baseUrl}/api/v1/instagram/webhook`, { method: 'POST', body: raw, headers });
}

/** A text DM as Instagram sends it (Instagram API with Instagram Login, messaging field). */
export function textMessageDelivery(text: string, mid: string, igUserId = '17841400000000001') {
  const now = Date.now();
  return {
    object: 'instagram',
    entry: [
      {
        id: igUserId,
        time: now,
        messaging: [
          {
            sender: { id: '5511223344556677' },
            recipient: { id: igUserId },
            timestamp: now,
            message: { mid, text },
          },
        ],
      },
    ],
  };
}

/**
 * The demo server's simulator control surface (/__simulator/__sim/…): GET without a body,
 * POST with one; a refusal fails the test with the simulator's own words.
 */
export function simulatorControl(serverUrl: string) {
  return async <T>(path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${serverUrl}/__simulator/__sim/${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`simulator ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
}
