import { existsSync, mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleOperations } from '../../src/server/graphiql.js';
import { startLiveStack, updateContactInGhl, type LiveStack } from '../helpers/live-stack.js';
import { until } from '../helpers/live.js';

/**
 * GraphiQL in a real browser: Debian's `chromium` driven by playwright-core (no browser
 * download; `.ci/run` installs the package). It must open on the example tabs, run the first
 * one, and load nothing from any host but the gateway. Screenshots go to `test-artifacts/`.
 */
const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = new URL('../../test-artifacts/', import.meta.url);

let stack: LiveStack;
let origin: string;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium package (apt-get install chromium; .ci/run does).`);
  stack = await startLiveStack();
  origin = new URL(stack.url).origin;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  mkdirSync(ARTIFACTS, { recursive: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: new URL(`graphiql-${name}.png`, ARTIFACTS).pathname, fullPage: true });
}

describe('GraphiQL in headless Chromium', () => {
  it('opens on the example tabs, runs the first one and shows its result, loading only from the gateway', async () => {
    const examples = exampleOperations();
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    const requested: string[] = [];
    page.on('request', (req) => requested.push(req.url()));
    const pageErrors: string[] = [];
    page.on('pageerror', (err) => pageErrors.push(err.message));

    await page.goto(`${origin}/graphql`);
    const tabs = page.locator('.graphiql-tab');
    await expect.poll(() => tabs.count(), { timeout: 30_000 }).toBe(examples.length);
    for (const [i, example] of examples.entries()) await expect.poll(() => tabs.nth(i).innerText()).toContain(example.operationName);
    await expect.poll(() => page.locator('.graphiql-tab-active').innerText()).toContain(examples[0]!.operationName);
    await screenshot(page, '1-tabs');

    stack.sim.clearRequests();
    const answered = page.waitForResponse((r) => r.url() === `${origin}/graphql` && r.request().method() === 'POST' && (r.request().postData() ?? '').includes(examples[0]!.operationName));
    await page.locator('.graphiql-execute-button').click();
    const body = (await (await answered).json()) as { data?: { contacts: { nodes: unknown[] } }; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    expect(body.data?.contacts.nodes).toHaveLength(1);
    // The result pane is a Monaco editor that renders only the lines in view: the top of the result.
    const response = page.locator('.graphiql-response');
    await expect.poll(() => response.innerText(), { timeout: 30_000 }).toContain('"contacts"');
    expect(await response.innerText()).toContain('"nodes"');
    await screenshot(page, '2-first-example-run');
    // The run reached GHL (the simulator), not a cached or canned answer.
    expect(stack.sim.requests.map((r) => `${r.method} ${r.route}`)).toContain('POST /contacts/search');

    // A second visit restores the saved tabs without adding any.
    await page.goto(`${origin}/graphql`);
    await expect.poll(() => page.locator('.graphiql-tab-active').innerText(), { timeout: 30_000 }).toContain(examples[0]!.operationName);
    expect(await tabs.count()).toBe(examples.length);

    const foreign = requested.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(foreign).toEqual([]);
    expect(requested).toContain(`${origin}/graphiql/graphiql.js`);
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 120_000);

  it('runs the subscription tab and shows a change made in GHL as it arrives', async () => {
    const examples = exampleOperations();
    const index = examples.findIndex((e) => e.operationType === 'subscription');
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${origin}/graphql`);
    const tab = page.locator('.graphiql-tab').nth(index);
    await expect.poll(() => tab.innerText(), { timeout: 30_000 }).toContain(examples[index]!.operationName);
    await tab.locator('.graphiql-tab-button').click();
    await expect.poll(() => page.locator('.graphiql-tab-active').innerText()).toContain(examples[index]!.operationName);

    const pollers = () => stack.app.pollers.list().filter((p) => p.ready && p.subscribers > 0).length;
    const before = pollers();
    // Subscribed once the gateway's poller has its first snapshot; then change a contact in "GHL".
    // GraphiQL ignores Run until its editor has taken the tab's document (it may still be loading
    // the schema), so Run is pressed again while no subscription has arrived.
    for (let attempt = 0; attempt < 6 && pollers() <= before; attempt++) {
      await page.locator('.graphiql-execute-button').click();
      await until(() => pollers() > before, 5_000).catch(() => undefined);
    }
    expect(pollers()).toBeGreaterThan(before);
    const target = stack.sim.store.listContacts(stack.sim.locations[0]!.id)[5]!;
    expect(await updateContactInGhl(stack.sim, target.id, { firstName: 'Browser' })).toBe(200);
    const response = page.locator('.graphiql-response');
    await expect.poll(() => response.innerText(), { timeout: 30_000 }).toContain('"contactsChanged"');
    expect(await response.innerText()).toContain(target.id);
    await screenshot(page, '3-subscription-event');
    await context.close();
  }, 120_000);
});
