import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/lib/clock.js';
import { opportunitiesState } from '../../src/simulator/domains/opportunities-state.js';
import { startSimulator, type Simulator } from '../../src/simulator/server.js';
import { until } from '../helpers/live.js';

/**
 * The simulator's activity: each kind of change is a real API call (validated, logged, announced
 * by a signed webhook), and the steady pace runs on the simulator clock, so a manual clock steps it.
 */
let sim: Simulator;
let clock: ManualClock;
let receiver: Server;
const received: string[] = [];

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')).type);
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  clock = new ManualClock(Date.now());
  sim = await startSimulator({ clock, validateResponses: true, seed: { contactsPerLocation: 30 }, activity: { intervalMs: 1_000 } });
  sim.webhooks.configure({ url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook` });
});
afterAll(async () => {
  await sim.stop();
  await new Promise((resolve) => receiver.close(resolve));
});

const loc = () => sim.locations[0]!;

describe('simulator activity', () => {
  it('makes each kind of change through the API, with its webhook', async () => {
    sim.clearRequests();
    const contact = await sim.activity.step('contactCreated');
    expect(contact).toMatchObject({ kind: 'contactCreated', status: 201, locationId: loc().id });
    expect(sim.store.getContact(contact.id)?.source).toBe('Website form');

    const task = await sim.activity.step('taskDue');
    expect(task).toMatchObject({ kind: 'taskDue', status: 201 });
    expect(sim.store.getTask(task.id)?.completed).toBe(false);

    const before = opportunitiesState(sim.store).listOf(loc().id).map((o) => [o.id, o.pipelineStageId] as const);
    const moved = await sim.activity.step('opportunityMoved');
    expect(moved).toMatchObject({ kind: 'opportunityMoved', status: 200 });
    const was = before.find(([id]) => id === moved.id)![1];
    expect(opportunitiesState(sim.store).get(moved.id)!.pipelineStageId).not.toBe(was);

    const booked = await sim.activity.step('appointmentBooked');
    expect(booked).toMatchObject({ kind: 'appointmentBooked', status: 200 });
    const appointment = sim.store.getAppointment(booked.id)!;
    // Booked for today (UTC), as a dashboard's "today" shows it.
    expect(appointment.startTime.slice(0, 10)).toBe(new Date(clock.now()).toISOString().slice(0, 10));

    expect(sim.requests.map((r) => `${r.method} ${r.route} ${r.status}`)).toEqual([
      'POST /contacts/ 201',
      'POST /contacts/{contactId}/tasks 201',
      'PUT /opportunities/{id} 200',
      'POST /calendars/events/appointments 200',
    ]);
    await sim.webhooks.flush();
    expect(received).toEqual(expect.arrayContaining(['ContactCreate', 'TaskCreate', 'OpportunityStageUpdate', 'AppointmentCreate']));
  });

  it('runs at its pace on the simulator clock, cycling through the kinds, until stopped', async () => {
    const already = sim.activity.changes.length;
    expect(sim.activity.running).toBe(false);
    sim.activity.start();
    expect(sim.activity.running).toBe(true);
    await clock.advance(1_000);
    await until(() => sim.activity.changes.length === already + 1);
    await clock.advance(1_000);
    await until(() => sim.activity.changes.length === already + 2);
    expect(sim.activity.changes.slice(already).map((c) => c.kind)).toEqual(['contactCreated', 'taskDue']);

    sim.activity.stop();
    expect(sim.activity.running).toBe(false);
    expect(clock.pendingTimers).toBe(0);
  });

  it('is driven over /_sim/activity too', async () => {
    const started = (await (await fetch(`${sim.baseUrl}/_sim/activity/start`, { method: 'POST' })).json()) as { running: boolean };
    expect(started.running).toBe(true);
    const stopped = (await (await fetch(`${sim.baseUrl}/_sim/activity/stop`, { method: 'POST' })).json()) as { running: boolean };
    expect(stopped.running).toBe(false);
    const step = (await (await fetch(`${sim.baseUrl}/_sim/activity/step`, { method: 'POST' })).json()) as { kind: string; status: number };
    expect(step.status).toBeGreaterThanOrEqual(200);
    expect(step.status).toBeLessThan(300);
  });
});

describe('simulator CLI --activity', () => {
  it('starts the activity at once', async () => {
    const { spawnCli } = await import('./helpers.js');
    const { createInterface } = await import('node:readline');
    const cli = spawnCli(['--port', '0', '--contacts', '10', '--activity']);
    try {
      let stderr = '';
      cli.child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
      let baseUrl = '';
      for await (const line of createInterface({ input: cli.child.stdout! })) {
        if (line.startsWith('{')) {
          baseUrl = (JSON.parse(line) as { baseUrl: string }).baseUrl;
          break;
        }
      }
      expect(baseUrl, stderr).not.toBe('');
      expect(stderr).toContain('Activity: a change every 4 s');
      const state = (await (await fetch(`${baseUrl}/_sim/activity`)).json()) as { running: boolean; intervalMs: number };
      expect(state).toMatchObject({ running: true, intervalMs: 4_000 });
    } finally {
      cli.signal('SIGTERM');
      if (cli.child.exitCode === null) await new Promise((resolve) => cli.child.once('exit', resolve));
    }
  });
});
