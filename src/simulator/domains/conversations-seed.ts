import type { Random } from '../random.js';
import type { ContactRecord, LocationRecord, SimulatorStore } from '../store.js';
import type { DomainSeedContext } from './types.js';
import { conversationsState, type CallStatus, type ConversationRecord, type ConversationType, type ConversationsState, type EmailRecord, type MessageRecord, type MessageSource, type MessageStatus, type TranscriptSentence } from './conversations-state.js';

/**
 * Deterministic conversations for the seeded contacts (read-only here): about half of them have
 * a conversation, some two. Each holds SMS, calls (some recorded, most recordings transcribed),
 * email threads, Facebook or live-chat messages, within the 200 days before the base date. Every
 * message time is unique within its location, so `startAfterDate` paging never meets a tie.
 */

const DAY = 86_400_000;
const MINUTE = 60_000;

export function seedConversations(ctx: DomainSeedContext): void {
  const state = conversationsState(ctx.store);
  for (const seeded of ctx.locations) {
    const location = ctx.store.locations.get(seeded.id);
    if (location) new LocationSeeder(ctx.store, state, location, ctx.random, ctx.baseMs).run();
  }
}

class LocationSeeder {
  private readonly usedTimes = new Set<number>();

  constructor(
    private readonly store: SimulatorStore,
    private readonly state: ConversationsState,
    private readonly location: LocationRecord,
    private readonly rng: Random,
    private readonly baseMs: number,
  ) {}

  run(): void {
    for (const contact of this.store.listContacts(this.location.id)) {
      if (!this.rng.chance(0.55)) continue;
      const types = this.typesFor(contact);
      const count = types.length > 1 && this.rng.chance(0.12) ? 2 : 1;
      for (const type of types.slice(0, count)) this.conversation(contact, type);
    }
  }

  /** Distinct types in a weighted random order: phone first most of the time. */
  private typesFor(contact: ContactRecord): ConversationType[] {
    const types: ConversationType[] = [];
    if (contact.phone) types.push(...Array<ConversationType>(6).fill('TYPE_PHONE'));
    if (contact.email) types.push('TYPE_EMAIL', 'TYPE_EMAIL');
    types.push('TYPE_FB_MESSENGER');
    return [...new Set(this.rng.sample(types, types.length))];
  }

  /** A time not yet used in this location, at or after `ms`. */
  private unique(ms: number): number {
    let t = Math.floor(ms);
    while (this.usedTimes.has(t)) t++;
    this.usedTimes.add(t);
    return t;
  }

  private conversation(contact: ContactRecord, type: ConversationType): void {
    const rng = this.rng;
    const startMs = Math.max(Date.parse(contact.dateAdded), this.baseMs - 200 * DAY) + rng.int(20 * DAY);
    const liveChat = type === 'TYPE_PHONE' && rng.chance(0.12);
    const c: ConversationRecord = this.state.addConversation({
      id: this.store.newId(),
      locationId: this.location.id,
      contactId: contact.id,
      type,
      ...(rng.chance(0.6) ? { assignedTo: contact.assignedTo ?? rng.pick(this.location.userIds) } : {}),
      followers: rng.chance(0.15) ? rng.sample(this.location.userIds, rng.between(1, 2)) : [],
      starred: rng.chance(0.1),
      inbox: rng.chance(0.9),
      dateAdded: this.unique(Math.min(startMs, this.baseMs - DAY)),
      dateUpdated: 0,
      ...(liveChat ? { visitorId: this.store.newId() } : {}),
    });
    // A few long threads, so message paging has several pages to walk.
    const count = rng.chance(0.08) ? rng.between(25, 45) : rng.between(2, 12);
    const times = Array.from({ length: count }, () => c.dateAdded + 1 + rng.int(Math.max(1, this.baseMs - c.dateAdded - 1))).sort((a, b) => a - b);
    const widget = liveChat ? rng.hex(24) : undefined;
    const messages = times.map((t) => this.message(c, contact, this.unique(t), liveChat ? 'TYPE_LIVE_CHAT' : this.kindFor(type, contact), widget));
    this.markUnread(messages);
    c.dateUpdated = Math.max(c.dateAdded, ...messages.map((m) => m.dateAdded));
  }

  private kindFor(type: ConversationType, contact: ContactRecord): string {
    if (type === 'TYPE_EMAIL') return 'TYPE_EMAIL';
    if (type === 'TYPE_FB_MESSENGER') return 'TYPE_FACEBOOK';
    const r = this.rng.next();
    if (r < 0.2 && contact.email) return 'TYPE_EMAIL';
    return r < 0.45 ? 'TYPE_CALL' : 'TYPE_SMS';
  }

  private message(c: ConversationRecord, contact: ContactRecord, at: number, messageType: string, chatWidgetId: string | undefined): MessageRecord {
    const rng = this.rng;
    const direction = rng.chance(0.5) ? 'inbound' : 'outbound';
    const source: MessageSource | undefined = direction === 'outbound' ? pickWeighted(rng, SOURCES) : undefined;
    const base: MessageRecord = {
      id: this.store.newId(),
      locationId: c.locationId,
      contactId: contact.id,
      conversationId: c.id,
      messageType,
      direction,
      status: 'read',
      contentType: 'text/plain',
      attachments: [],
      ...(source ? { source } : {}),
      ...(source === 'app' ? { userId: c.assignedTo ?? rng.pick(this.location.userIds) } : {}),
      ...(chatWidgetId ? { chatWidgetId } : {}),
      dateAdded: at,
    };
    if (messageType === 'TYPE_CALL') return this.state.addMessage(this.call(base));
    if (messageType === 'TYPE_EMAIL') return this.state.addMessage(this.emailThread(base, contact));
    base.body = rng.pick(direction === 'inbound' ? INBOUND_TEXTS : OUTBOUND_TEXTS);
    if (rng.chance(0.06)) base.attachments = [`https://files.example.com/conversations/${c.locationId}/${base.id}.jpg`];
    if (direction === 'outbound') base.status = pickWeighted(rng, OUTBOUND_STATUSES);
    if (base.status === 'failed') base.error = { code: '30003', type: 'saas', message: 'Unreachable destination handset' };
    return this.state.addMessage(base);
  }

  private call(m: MessageRecord): MessageRecord {
    const rng = this.rng;
    const status: CallStatus = pickWeighted(rng, CALL_STATUSES);
    const durationSeconds = status === 'completed' ? rng.between(30, 900) : status === 'voicemail' ? rng.between(10, 60) : 0;
    m.call = { durationSeconds, status };
    m.status = status === 'completed' || status === 'voicemail' ? 'connected' : 'failed';
    const recorded = status === 'voicemail' || (status === 'completed' && rng.chance(0.8));
    if (recorded) {
      this.state.recordings.set(m.id, { messageId: m.id, durationMs: durationSeconds * 1000, toneHz: 300 + rng.int(500) });
      if (status === 'completed' && rng.chance(0.75)) this.state.transcriptions.set(m.id, this.transcript(m.direction === 'outbound', durationSeconds * 1000));
    }
    return m;
  }

  /** Agent (channel 1) and contact (channel 2) take turns; the caller speaks first. */
  private transcript(agentFirst: boolean, durationMs: number): TranscriptSentence[] {
    const rng = this.rng;
    const count = Math.min(12, Math.max(3, Math.round(durationMs / 15_000)));
    const slot = Math.floor(durationMs / count);
    return Array.from({ length: count }, (_, i) => {
      const agent = (i % 2 === 0) === agentFirst;
      const startTime = i * slot + rng.int(Math.max(1, Math.floor(slot / 5)));
      return {
        mediaChannel: agent ? 1 : 2,
        sentenceIndex: i + 1,
        startTime,
        endTime: startTime + Math.floor(slot * 0.7),
        transcript: rng.pick(agent ? AGENT_LINES : CONTACT_LINES),
        confidence: Math.round((0.8 + rng.next() * 0.19) * 100) / 100,
      };
    });
  }

  /** A thread of 1–3 emails; the conversation message carries the newest one's body and status. */
  private emailThread(m: MessageRecord, contact: ContactRecord): MessageRecord {
    const rng = this.rng;
    const subject = rng.pick(SUBJECTS);
    const business = `${this.location.name} <hello@${this.location.name.toLowerCase().replace(/[^a-z]+/g, '')}.example.com>`;
    const person = `${[contact.firstName, contact.lastName].filter(Boolean).join(' ')} <${contact.email}>`;
    const count = rng.between(1, 3);
    const emails: EmailRecord[] = [];
    for (let i = 0; i < count; i++) {
      const direction = i % 2 === 0 ? m.direction : m.direction === 'inbound' ? 'outbound' : 'inbound';
      const previous = emails.at(-1);
      const email: EmailRecord = {
        id: this.store.newId(),
        messageId: m.id,
        locationId: m.locationId,
        contactId: m.contactId,
        conversationId: m.conversationId,
        dateAdded: i === count - 1 ? m.dateAdded : this.unique(m.dateAdded - (count - 1 - i) * rng.between(30, 600) * MINUTE),
        subject: i === 0 ? subject : `Re: ${subject}`,
        body: `<p>${rng.pick(direction === 'inbound' ? INBOUND_TEXTS : OUTBOUND_TEXTS)}</p>`,
        direction,
        status: direction === 'inbound' ? 'read' : pickWeighted(rng, EMAIL_STATUSES),
        provider: rng.pick(['mailgun', 'Leadconnector Gmail', 'smtp']),
        from: direction === 'inbound' ? person : business,
        to: [direction === 'inbound' ? business : person],
        cc: rng.chance(0.1) ? [`office@${this.location.name.toLowerCase().replace(/[^a-z]+/g, '')}.example.com`] : [],
        bcc: [],
        ...(previous ? { replyToMessageId: previous.id } : {}),
        ...(m.source ? { source: m.source } : {}),
      };
      this.state.emails.set(email.id, email);
      emails.push(email);
    }
    const newest = emails.at(-1) as EmailRecord;
    m.direction = newest.direction;
    m.body = newest.body;
    m.contentType = 'text/html';
    m.status = newest.status === 'opened' ? 'opened' : newest.status === 'read' ? 'read' : 'delivered';
    m.emailIds = emails.map((e) => e.id);
    return m;
  }

  /** In about a third of the conversations, the inbound messages after the last reply are unread. */
  private markUnread(messages: MessageRecord[]): void {
    if (!this.rng.chance(0.35)) return;
    for (let i = messages.length - 1; i >= 0; i--) {
      const m = messages[i] as MessageRecord;
      if (m.direction === 'outbound') break;
      if (m.messageType !== 'TYPE_CALL') m.status = 'delivered';
    }
  }
}

function pickWeighted<T>(rng: Random, table: readonly (readonly [T, number])[]): T {
  let r = rng.next() * table.reduce((s, [, w]) => s + w, 0);
  for (const [value, weight] of table) if ((r -= weight) < 0) return value;
  return (table.at(-1) as readonly [T, number])[0];
}

const SOURCES: readonly (readonly [MessageSource, number])[] = [['app', 55], ['workflow', 20], ['campaign', 10], ['api', 10], ['bulk_actions', 5]];
const OUTBOUND_STATUSES: readonly (readonly [MessageStatus, number])[] = [['delivered', 70], ['read', 15], ['sent', 10], ['failed', 5]];
const EMAIL_STATUSES: readonly (readonly [EmailRecord['status'], number])[] = [['delivered', 60], ['opened', 30], ['failed', 3], ['sent', 7]];
const CALL_STATUSES: readonly (readonly [CallStatus, number])[] = [['completed', 60], ['voicemail', 15], ['no-answer', 15], ['busy', 10]];
const INBOUND_TEXTS = ['Hi, is the appointment still on for Thursday?', 'Can you send me the price list?', 'Thanks, that works for me.', 'Could we move it to next week?', 'What are your opening hours?', 'Got it, see you then!', 'Do you offer a discount for annual plans?', 'I never received the invoice.'];
const OUTBOUND_TEXTS = ['Hi! Just confirming your appointment tomorrow at 10am.', 'Here is the price list you asked for.', 'Thanks for reaching out, we will get back to you shortly.', 'Your order has shipped.', 'Reply YES to confirm or NO to reschedule.', 'We have an opening on Friday at 2pm, does that work?', 'Thank you for your visit today!', 'Your invoice is attached.'];
const SUBJECTS = ['Your appointment', 'Quote request', 'Invoice', 'Welcome aboard', 'Following up', 'Order confirmation'];
const AGENT_LINES = ['This call may be recorded for quality assurance purposes.', 'Thanks for calling, how can I help you today?', 'Let me check that for you.', 'I can book you in for Thursday at ten.', 'Is there anything else I can help with?', 'I will send you a confirmation by text.'];
const CONTACT_LINES = ['Hi, I would like to book an appointment.', 'Thursday works for me.', 'How much does it cost?', 'Can I pay by card?', 'No, that is all, thank you.', 'Great, thanks for your help.'];
