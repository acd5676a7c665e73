import { conversationsState, type MessageRecord } from '../../../src/simulator/domains/conversations-state.js';
import type { Simulator } from '../../../src/simulator/server.js';
import { call, type CallResult } from '../helpers.js';
import type { DomainSamples, SampleEnv } from './types.js';

/** Success samples for the conversations operations the simulator serves (all but email take `Version: 2021-04-15`). */

const V = '2021-04-15';

/** The recording and the transcript download are not JSON; read them as bytes. */
async function rawCall(sim: Simulator, path: string, token: string): Promise<CallResult<Buffer>> {
  const res = await fetch(sim.baseUrl + path, { headers: { authorization: `Bearer ${token}`, version: V } });
  return { status: res.status, body: Buffer.from(await res.arrayBuffer()), headers: res.headers };
}

function seeded({ sim, loc }: SampleEnv) {
  const state = conversationsState(sim.store);
  const messages = [...state.messages.values()].filter((m) => m.locationId === loc.id);
  const find = (has: (m: MessageRecord) => boolean): MessageRecord => {
    const found = messages.find(has);
    if (!found) throw new Error('seed has no such message');
    return found;
  };
  return { state, messages, find };
}

export const conversationsSamples: DomainSamples = (env) => ({
  'GET /conversations/search': () => call(env().sim, 'GET', '/conversations/search', { version: V, query: { locationId: env().loc.id, limit: 5, sort: 'desc', sortBy: 'last_message_date' } }),
  'GET /conversations/{conversationId}': () => call(env().sim, 'GET', `/conversations/${seeded(env()).messages[0]!.conversationId}`, { version: V }),
  'GET /conversations/messages/email/{id}': () => call(env().sim, 'GET', `/conversations/messages/email/${seeded(env()).find((m) => !!m.emailIds).emailIds![0]}`, { version: null }),
  'GET /conversations/messages/{id}': () => call(env().sim, 'GET', `/conversations/messages/${seeded(env()).find((m) => !!m.call).id}`, { version: V }),
  'GET /conversations/{conversationId}/messages': () => call(env().sim, 'GET', `/conversations/${seeded(env()).messages[0]!.conversationId}/messages`, { version: V, query: { limit: 3 } }),
  'GET /conversations/messages/{messageId}/locations/{locationId}/recording': () => {
    const { sim, loc } = env();
    const m = seeded(env()).find((x) => seeded(env()).state.recordings.has(x.id));
    return rawCall(sim, `/conversations/messages/${m.id}/locations/${loc.id}/recording`, loc.token);
  },
  'GET /conversations/locations/{locationId}/messages/{messageId}/transcription': () => {
    const { sim, loc } = env();
    const m = seeded(env()).find((x) => seeded(env()).state.transcriptions.has(x.id));
    return call(sim, 'GET', `/conversations/locations/${loc.id}/messages/${m.id}/transcription`, { version: V });
  },
  'GET /conversations/locations/{locationId}/messages/{messageId}/transcription/download': () => {
    const { sim, loc } = env();
    const m = seeded(env()).find((x) => seeded(env()).state.transcriptions.has(x.id));
    return rawCall(sim, `/conversations/locations/${loc.id}/messages/${m.id}/transcription/download`, loc.token);
  },
  'PUT /conversations/messages/{messageId}/status': () =>
    call(env().sim, 'PUT', `/conversations/messages/${seeded(env()).find((m) => m.messageType === 'TYPE_SMS' && m.direction === 'outbound').id}/status`, { version: V, body: { status: 'read' } }),
  'POST /conversations/providers/live-chat/typing': () => {
    const { loc } = env();
    const m = seeded(env()).find((x) => x.messageType === 'TYPE_LIVE_CHAT');
    return call(env().sim, 'POST', '/conversations/providers/live-chat/typing', { version: V, body: { locationId: loc.id, conversationId: m.conversationId, visitorId: 'visitor-1', isTyping: 'true' } });
  },
});
