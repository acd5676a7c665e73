import { existsSync, mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config/env.js';
import { until } from '../helpers/live.js';

/**
 * The live dashboard in headless Chromium (Debian's `chromium`, no browser download), on the
 * embedded defaults `npm start` uses: a change made through a mutation and changes made by the
 * simulator's activity (delivered by its signed webhooks) appear without a reload.
 * Screenshots go to test-artifacts/ (gitignored).
 */
const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = new URL('../../test-artifacts/', import.meta.url);

let app: App;
let base: string;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get update && apt-get install -y chromium (.ci/run does it)`);
  mkdirSync(ARTIFACTS, { recursive: true });
  app = await buildApp(loadConfig({ LOG_LEVEL: 'silent' }));
  base = (await app.start(0)).replace(/\/graphql$/, '');
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const shot = (name: string) => page.screenshot({ path: new URL(`dashboard-${name}.png`, ARTIFACTS).pathname, fullPage: true });
const watched = (resource: string) => app.pollers.list().filter((p) => p.resource === resource);

async function graphql(query: string, variables: Record<string, unknown>): Promise<any> {
  const res = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data?: any; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return body.data;
}

describe('live dashboard', () => {
  it('loads every panel from the gateway alone, then goes live', async () => {
    const external: string[] = [];
    page.on('request', (req) => {
      if (!req.url().startsWith(base) && !req.url().startsWith(base.replace('http', 'ws'))) external.push(req.url());
    });
    await page.goto(`${base}/dashboard`);
    await page.locator('body[data-ready=true]').waitFor({ timeout: 20_000 });
    await page.locator('#status[data-status=live]').waitFor();
    // Marks this document: still there at the end means the page never reloaded.
    await page.evaluate(() => ((window as unknown as { loadedOnce: boolean }).loadedOnce = true));

    expect(await page.locator('[data-testid=contact]').count()).toBeGreaterThan(5);
    expect(await page.locator('[data-testid=stage]').count()).toBeGreaterThan(1);
    await expect(page.locator('[data-testid=budget-used]').textContent()).resolves.toMatch(/^\d+$/);
    expect(await page.locator('#location').textContent()).toBe(app.simulator!.locations[0]!.name);
    expect(await page.locator('#activity').textContent()).toBe('Start simulator activity');
    expect(external).toEqual([]);

    // Every panel's stream has its first listing in, so changes from now on are news.
    await until(() => ['contact', 'opportunity', 'calendarEvent', 'contactTask'].every((r) => watched(r).length > 0) && app.pollers.list().every((p) => p.ready), 20_000);
    await shot('loaded');
  });

  it('shows a contact created through a mutation at once, marked as such', async () => {
    const polls = watched('contact')[0]!.polls;
    const created = await graphql(`mutation($input: ContactCreateInput!) { contactCreate(input: $input) { contact { id } } }`, { input: { firstName: 'Mutation', lastName: 'Marker', email: 'mutation.marker@example.com' } });
    const row = page.locator(`[data-testid=contact][data-id="${created.contactCreate.contact.id}"]`);
    await row.waitFor({ timeout: 10_000 });
    expect(await row.textContent()).toContain('Mutation Marker');
    expect(await row.locator('.badge.source').textContent()).toBe('mutation');
    // No poll brought it: the default 60 s interval has not come round.
    expect(watched('contact')[0]!.polls).toBe(polls);
    await shot('after-mutation');
  });

  it("starts the simulator's activity from its button, and shows its changes as they arrive by webhook", async () => {
    const sim = app.simulator!;
    const before = sim.activity.changes.length;
    await page.locator('#activity').click();
    await page.locator('#activity[data-running=true]').waitFor();
    expect(sim.activity.running).toBe(true);

    // The activity's first change is a new contact, made through the simulator's API like a change in GHL.
    await until(() => sim.activity.changes.length > before, 20_000);
    const contact = sim.activity.changes[before]!;
    expect(contact).toMatchObject({ kind: 'contactCreated', status: 201 });
    const row = page.locator(`[data-testid=contact][data-id="${contact.id}"]`);
    await row.waitFor({ timeout: 10_000 });
    expect(await row.textContent()).toContain(contact.summary.replace('New contact: ', ''));
    expect(await row.locator('.badge.source').textContent()).toBe('webhook');

    await page.locator('#activity').click();
    await page.locator('#activity[data-running=false]').waitFor();
    expect(sim.activity.running).toBe(false);

    // The other kinds, one step each: an opportunity moves stage, an appointment is booked today.
    const moved = await sim.activity.step('opportunityMoved');
    await page.locator('[data-testid=event]', { hasText: moved.summary }).waitFor({ timeout: 10_000 });
    const booked = await sim.activity.step('appointmentBooked');
    await page.locator(`[data-testid=appointment]`).first().waitFor();
    await page.locator('[data-testid=event]', { hasText: 'Booked:' }).waitFor({ timeout: 10_000 });
    expect(booked.status).toBe(200);

    expect(await page.evaluate(() => (window as unknown as { loadedOnce?: boolean }).loadedOnce)).toBe(true);
    await shot('after-activity');
  });
});
