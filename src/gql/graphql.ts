/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Where an appointment stands. */
export type AppointmentStatus =
  /** In progress. */
  | 'ACTIVE'
  /** Booked on the calendar. */
  | 'BOOKED'
  /** Cancelled. */
  | 'CANCELLED'
  /** Finished. */
  | 'COMPLETED'
  /** Confirmed by the business. */
  | 'CONFIRMED'
  /** Marked invalid. */
  | 'INVALID'
  /** Requested, not yet confirmed. */
  | 'NEW'
  /** The contact did not attend. */
  | 'NO_SHOW'
  /** The contact attended. */
  | 'SHOWED';

/** What happened to a record. */
export type ChangeKind =
  /** The record is new. */
  | 'CREATED'
  /** The record is gone; `node` is its last known state. */
  | 'DELETED'
  /** Fields of the record changed; see `changedFields`. */
  | 'UPDATED';

/** How the gateway learnt of a change. */
export type ChangeSource =
  /** A mutation through this gateway made it; published as soon as GHL confirmed the write. */
  | 'MUTATION'
  /** A poll found it (GHL loses some webhooks; polling reconciles). */
  | 'POLL'
  /** A GHL webhook delivered it, as it happened. */
  | 'WEBHOOK';

/** A new contact. Give at least a first name, a name, an email or a phone number. */
export type ContactCreateInput = {
  /** Street address. */
  address1?: string | null | undefined;
  /** Id of the GHL user who owns the contact. */
  assignedTo?: string | number | null | undefined;
  /** City. */
  city?: string | null | undefined;
  /** Company name as typed on the contact. */
  companyName?: string | null | undefined;
  /** Country, as a two-letter code (e.g. `US`). */
  country?: string | null | undefined;
  /** Do-not-disturb for all channels. */
  dnd?: boolean | null | undefined;
  /** Email address. */
  email?: string | null | undefined;
  /** First name. */
  firstName?: string | null | undefined;
  /** Last name. */
  lastName?: string | null | undefined;
  /** Full name, when first and last name are not given separately. */
  name?: string | null | undefined;
  /** Phone number in E.164 form, e.g. `+14155550123`. */
  phone?: string | null | undefined;
  /** Postal code. */
  postalCode?: string | null | undefined;
  /** Where the contact came from. */
  source?: string | null | undefined;
  /** State or region. */
  state?: string | null | undefined;
  /** Tags to set. */
  tags?: Array<string> | null | undefined;
  /** IANA time zone, e.g. `America/Chicago`. */
  timezone?: string | null | undefined;
  /** Website. */
  website?: string | null | undefined;
};

/** The primary channel of a conversation. */
export type ConversationChannel =
  /** Email. */
  | 'EMAIL'
  /** Facebook Messenger. */
  | 'FACEBOOK_MESSENGER'
  /** Group SMS. */
  | 'GROUP_SMS'
  /** Internal chat between team members. */
  | 'INTERNAL_CHAT'
  /** A channel GHL added after this gateway was built. */
  | 'OTHER'
  /** Phone: SMS and calls (also holds emails and live chat of the contact). */
  | 'PHONE'
  /** Reviews. */
  | 'REVIEW';

/** Which way a message went. */
export type MessageDirection =
  /** From the contact to the business. */
  | 'INBOUND'
  /** From the business to the contact. */
  | 'OUTBOUND';

/** The channel or kind of a message. */
export type MessageType =
  /** Activity entry: an appointment event. */
  | 'ACTIVITY_APPOINTMENT'
  /** Activity entry: something happened to the contact. */
  | 'ACTIVITY_CONTACT'
  /** Activity entry: an action a team member took. */
  | 'ACTIVITY_EMPLOYEE_ACTION_LOG'
  /** Activity entry: an invoice event. */
  | 'ACTIVITY_INVOICE'
  /** Activity entry: an opportunity event. */
  | 'ACTIVITY_OPPORTUNITY'
  /** Activity entry: a payment event. */
  | 'ACTIVITY_PAYMENT'
  /** Activity entry: a WhatsApp event. */
  | 'ACTIVITY_WHATSAPP'
  /** A phone call. */
  | 'CALL'
  /** A call placed by a campaign. */
  | 'CAMPAIGN_CALL'
  /** An email sent by a campaign. */
  | 'CAMPAIGN_EMAIL'
  /** A Facebook message sent by a campaign. */
  | 'CAMPAIGN_FACEBOOK'
  /** A Google Business Profile message sent by a campaign. */
  | 'CAMPAIGN_GMB'
  /** A manual call step of a campaign. */
  | 'CAMPAIGN_MANUAL_CALL'
  /** A manual SMS step of a campaign. */
  | 'CAMPAIGN_MANUAL_SMS'
  /** An SMS sent by a campaign. */
  | 'CAMPAIGN_SMS'
  /** A voicemail drop sent by a campaign. */
  | 'CAMPAIGN_VOICEMAIL'
  /** A call through a custom provider. */
  | 'CUSTOM_CALL'
  /** An email sent through a custom email provider. */
  | 'CUSTOM_EMAIL'
  /** An email through a custom conversation provider. */
  | 'CUSTOM_PROVIDER_EMAIL'
  /** An SMS through a custom conversation provider. */
  | 'CUSTOM_PROVIDER_SMS'
  /** An SMS sent through a custom SMS provider. */
  | 'CUSTOM_SMS'
  /** An email thread. */
  | 'EMAIL'
  /** A Facebook Messenger message. */
  | 'FACEBOOK'
  /** A comment on a Facebook post. */
  | 'FACEBOOK_COMMENT'
  /** A form submission. */
  | 'FORM_SUBMISSION'
  /** A Google Business Profile message. */
  | 'GMB'
  /** An Instagram direct message. */
  | 'INSTAGRAM'
  /** A comment on an Instagram post. */
  | 'INSTAGRAM_COMMENT'
  /** A comment only the team sees. */
  | 'INTERNAL_COMMENT'
  /** A call handled by the phone menu (IVR). */
  | 'IVR_CALL'
  /** A message of the live chat widget. */
  | 'LIVE_CHAT'
  /** A notice inside a live chat (e.g. the chat ended). */
  | 'LIVE_CHAT_INFO_MESSAGE'
  /** A type GHL added after this gateway was built. */
  | 'OTHER'
  /** An RCS (rich communication services) message. */
  | 'RCS'
  /** A review left on a review site. */
  | 'REVIEW'
  /** A text message (SMS or MMS). */
  | 'SMS'
  /** A follow-up SMS after a missed appointment. */
  | 'SMS_NO_SHOW_REQUEST'
  /** A reaction to an SMS. */
  | 'SMS_REACTION'
  /** A review request sent by SMS. */
  | 'SMS_REVIEW_REQUEST'
  /** A TikTok direct message. */
  | 'TIKTOK'
  /** A comment on a TikTok post. */
  | 'TIKTOK_COMMENT'
  /** A message from the legacy website chat. */
  | 'WEBCHAT'
  /** A WhatsApp message. */
  | 'WHATSAPP';

/** Where an opportunity stands, independently of its pipeline stage. */
export type OpportunityStatus =
  /** Dropped without a decision either way. */
  | 'ABANDONED'
  /** Closed without the deal. */
  | 'LOST'
  /** Still being worked on. */
  | 'OPEN'
  /** Closed with the deal made. */
  | 'WON';

/** Why a mutation refused its input. */
export type UserErrorCode =
  /** A value is empty or only white space. */
  | 'BLANK'
  /** A value has the wrong format or is out of range. */
  | 'INVALID'
  /** The record the mutation acts on does not exist. */
  | 'NOT_FOUND'
  /** GHL refused the input for a reason it did not tie to one field. */
  | 'REJECTED'
  /** A value that must be given is missing. */
  | 'REQUIRED'
  /** Another record already uses this value (e.g. a duplicate email). */
  | 'TAKEN';

export type ContactWithEverythingQueryVariables = Exact<{ [key: string]: never; }>;


export type ContactWithEverythingQuery = { contacts: { nodes: Array<{ id: string, name: string | null, email: string | null, phone: string | null, tags: Array<string>, dateAdded: string | null, business: { name: string, website: string | null } | null, assignedUser: { name: string | null, email: string | null } | null, customFields: Array<{ value: string | null, field: { name: string | null, fieldKey: string | null } | null }>, tasks: Array<{ title: string | null, dueDate: string | null, completed: boolean }> | null, notes: Array<{ body: string | null, dateAdded: string | null, user: { name: string | null } | null }> | null, appointments: Array<{ title: string | null, startTime: string | null, appointmentStatus: AppointmentStatus | null, calendar: { name: string } | null }> | null, opportunities: Array<{ name: string | null, monetaryValue: number | null, status: OpportunityStatus | null, pipeline: { name: string | null } | null, stage: { name: string | null } | null }> | null, conversations: { nodes: Array<{ channel: ConversationChannel | null, lastMessageBody: string | null, messages: { nodes: Array<{ direction: MessageDirection | null, type: MessageType | null, body: string | null, dateAdded: string | null }> } | null }> } | null }> } };

export type SearchContactsQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type SearchContactsQuery = { contacts: { totalCount: number | null, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, name: string | null, email: string | null, tags: Array<string>, dateAdded: string | null }> } };

export type ContactCreateRefusedMutationVariables = Exact<{ [key: string]: never; }>;


export type ContactCreateRefusedMutation = { contactCreate: { contact: { id: string, name: string | null, email: string | null } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }> } };

export type ContactsChangedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type ContactsChangedSubscription = { contactsChanged: { kind: ChangeKind, id: string, changedFields: Array<string>, occurredAt: string, source: ChangeSource, node: { id: string, name: string | null, email: string | null, tags: Array<string> } } };

export type CalendarEventsChangedSubscriptionVariables = Exact<{
  calendarId: string | number;
  from: string;
  to: string;
}>;


export type CalendarEventsChangedSubscription = { calendarEventsChanged: { kind: ChangeKind, id: string, source: ChangeSource, node: { id: string, title: string | null, startTime: string | null, endTime: string | null, appointmentStatus: AppointmentStatus | null, calendarId: string | null, contact: { id: string, name: string | null } | null } } };

export type ContactCreateMutationVariables = Exact<{
  input: ContactCreateInput;
}>;


export type ContactCreateMutation = { contactCreate: { contact: { id: string, name: string | null, email: string | null, phone: string | null, source: string | null, dateAdded: string | null, dateUpdated: string | null } | null, userErrors: Array<{ field: Array<string> | null, message: string }> } };

export type ContactTasksChangedSubscriptionVariables = Exact<{
  contactId: string | number;
}>;


export type ContactTasksChangedSubscription = { contactTasksChanged: { kind: ChangeKind, id: string, source: ChangeSource, node: { id: string, contactId: string | null, title: string | null, dueDate: string | null, completed: boolean } } };

export type DashboardContactsChangedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type DashboardContactsChangedSubscription = { contactsChanged: { kind: ChangeKind, id: string, source: ChangeSource, changedFields: Array<string>, occurredAt: string, node: { id: string, name: string | null, email: string | null, phone: string | null, source: string | null, dateAdded: string | null, dateUpdated: string | null } } };

export type DashboardQueryVariables = Exact<{
  todayStart: string;
  todayEnd: string;
}>;


export type DashboardQuery = { currentLocation: { id: string, name: string | null, timezone: string | null, rateBudget: { burstLimit: number, burstWindowSeconds: number, usedInBurstWindow: number, dailyLimit: number, usedToday: number, queuedInteractive: number, queuedBackground: number } | null } | null, contacts: { totalCount: number | null, nodes: Array<{ id: string, name: string | null, email: string | null, phone: string | null, source: string | null, dateAdded: string | null, dateUpdated: string | null, tasks: Array<{ id: string, contactId: string | null, title: string | null, dueDate: string | null, completed: boolean }> | null }> }, pipelines: { nodes: Array<{ id: string, name: string | null, stages: Array<{ id: string, name: string | null, position: number | null }> }> }, opportunities: { totalCount: number | null, nodes: Array<{ id: string, name: string | null, monetaryValue: number | null, status: OpportunityStatus | null, pipelineId: string | null, stageId: string | null, updatedAt: string | null }> }, calendars: { nodes: Array<{ id: string, name: string, events: { nodes: Array<{ id: string, title: string | null, startTime: string | null, endTime: string | null, appointmentStatus: AppointmentStatus | null, calendarId: string | null, contact: { id: string, name: string | null } | null }> } | null }> } };

export type ContactRowFragment = { id: string, name: string | null, email: string | null, phone: string | null, source: string | null, dateAdded: string | null, dateUpdated: string | null };

export type TaskRowFragment = { id: string, contactId: string | null, title: string | null, dueDate: string | null, completed: boolean };

export type AppointmentRowFragment = { id: string, title: string | null, startTime: string | null, endTime: string | null, appointmentStatus: AppointmentStatus | null, calendarId: string | null, contact: { id: string, name: string | null } | null };

export type OpportunityRowFragment = { id: string, name: string | null, monetaryValue: number | null, status: OpportunityStatus | null, pipelineId: string | null, stageId: string | null, updatedAt: string | null };

export type RateBudgetFieldsFragment = { burstLimit: number, burstWindowSeconds: number, usedInBurstWindow: number, dailyLimit: number, usedToday: number, queuedInteractive: number, queuedBackground: number };

export type OpportunitiesChangedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type OpportunitiesChangedSubscription = { opportunitiesChanged: { kind: ChangeKind, id: string, source: ChangeSource, changedFields: Array<string>, node: { id: string, name: string | null, monetaryValue: number | null, status: OpportunityStatus | null, pipelineId: string | null, stageId: string | null, updatedAt: string | null } } };

export type RateBudgetQueryVariables = Exact<{ [key: string]: never; }>;


export type RateBudgetQuery = { currentLocation: { id: string, rateBudget: { burstLimit: number, burstWindowSeconds: number, usedInBurstWindow: number, dailyLimit: number, usedToday: number, queuedInteractive: number, queuedBackground: number } | null } | null };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const ContactRowFragmentDoc = new TypedDocumentString(`
    fragment ContactRow on Contact {
  id
  name
  email
  phone
  source
  dateAdded
  dateUpdated
}
    `, {"fragmentName":"ContactRow"}) as unknown as TypedDocumentString<ContactRowFragment, unknown>;
export const TaskRowFragmentDoc = new TypedDocumentString(`
    fragment TaskRow on Task {
  id
  contactId
  title
  dueDate
  completed
}
    `, {"fragmentName":"TaskRow"}) as unknown as TypedDocumentString<TaskRowFragment, unknown>;
export const AppointmentRowFragmentDoc = new TypedDocumentString(`
    fragment AppointmentRow on Appointment {
  id
  title
  startTime
  endTime
  appointmentStatus
  calendarId
  contact {
    id
    name
  }
}
    `, {"fragmentName":"AppointmentRow"}) as unknown as TypedDocumentString<AppointmentRowFragment, unknown>;
export const OpportunityRowFragmentDoc = new TypedDocumentString(`
    fragment OpportunityRow on Opportunity {
  id
  name
  monetaryValue
  status
  pipelineId
  stageId
  updatedAt
}
    `, {"fragmentName":"OpportunityRow"}) as unknown as TypedDocumentString<OpportunityRowFragment, unknown>;
export const RateBudgetFieldsFragmentDoc = new TypedDocumentString(`
    fragment RateBudgetFields on RateBudget {
  burstLimit
  burstWindowSeconds
  usedInBurstWindow
  dailyLimit
  usedToday
  queuedInteractive
  queuedBackground
}
    `, {"fragmentName":"RateBudgetFields"}) as unknown as TypedDocumentString<RateBudgetFieldsFragment, unknown>;
export const ContactWithEverythingDocument = new TypedDocumentString(`
    query ContactWithEverything {
  contacts(first: 1) {
    nodes {
      id
      name
      email
      phone
      tags
      dateAdded
      business {
        name
        website
      }
      assignedUser {
        name
        email
      }
      customFields {
        value
        field {
          name
          fieldKey
        }
      }
      tasks {
        title
        dueDate
        completed
      }
      notes {
        body
        dateAdded
        user {
          name
        }
      }
      appointments {
        title
        startTime
        appointmentStatus
        calendar {
          name
        }
      }
      opportunities {
        name
        monetaryValue
        status
        pipeline {
          name
        }
        stage {
          name
        }
      }
      conversations(first: 3) {
        nodes {
          channel
          lastMessageBody
          messages(first: 3) {
            nodes {
              direction
              type
              body
              dateAdded
            }
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ContactWithEverythingQuery, ContactWithEverythingQueryVariables>;
export const SearchContactsDocument = new TypedDocumentString(`
    query SearchContacts($after: String) {
  contacts(
    first: 5
    after: $after
    filter: {tags: ["customer"], hasEmail: true}
    sort: [{field: DATE_ADDED, direction: DESC}]
  ) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      id
      name
      email
      tags
      dateAdded
    }
  }
}
    `) as unknown as TypedDocumentString<SearchContactsQuery, SearchContactsQueryVariables>;
export const ContactCreateRefusedDocument = new TypedDocumentString(`
    mutation ContactCreateRefused {
  contactCreate(input: {firstName: "Ada", email: "not-an-email", tags: [" "]}) {
    contact {
      id
      name
      email
    }
    userErrors {
      field
      message
      code
    }
  }
}
    `) as unknown as TypedDocumentString<ContactCreateRefusedMutation, ContactCreateRefusedMutationVariables>;
export const ContactsChangedDocument = new TypedDocumentString(`
    subscription ContactsChanged {
  contactsChanged {
    kind
    id
    changedFields
    occurredAt
    source
    node {
      id
      name
      email
      tags
    }
  }
}
    `) as unknown as TypedDocumentString<ContactsChangedSubscription, ContactsChangedSubscriptionVariables>;
export const CalendarEventsChangedDocument = new TypedDocumentString(`
    subscription CalendarEventsChanged($calendarId: ID!, $from: DateTime!, $to: DateTime!) {
  calendarEventsChanged(calendarId: $calendarId, from: $from, to: $to) {
    kind
    id
    source
    node {
      ...AppointmentRow
    }
  }
}
    fragment AppointmentRow on Appointment {
  id
  title
  startTime
  endTime
  appointmentStatus
  calendarId
  contact {
    id
    name
  }
}`) as unknown as TypedDocumentString<CalendarEventsChangedSubscription, CalendarEventsChangedSubscriptionVariables>;
export const ContactCreateDocument = new TypedDocumentString(`
    mutation ContactCreate($input: ContactCreateInput!) {
  contactCreate(input: $input) {
    contact {
      ...ContactRow
    }
    userErrors {
      field
      message
    }
  }
}
    fragment ContactRow on Contact {
  id
  name
  email
  phone
  source
  dateAdded
  dateUpdated
}`) as unknown as TypedDocumentString<ContactCreateMutation, ContactCreateMutationVariables>;
export const ContactTasksChangedDocument = new TypedDocumentString(`
    subscription ContactTasksChanged($contactId: ID!) {
  contactTasksChanged(contactId: $contactId) {
    kind
    id
    source
    node {
      ...TaskRow
    }
  }
}
    fragment TaskRow on Task {
  id
  contactId
  title
  dueDate
  completed
}`) as unknown as TypedDocumentString<ContactTasksChangedSubscription, ContactTasksChangedSubscriptionVariables>;
export const DashboardContactsChangedDocument = new TypedDocumentString(`
    subscription DashboardContactsChanged {
  contactsChanged {
    kind
    id
    source
    changedFields
    occurredAt
    node {
      ...ContactRow
    }
  }
}
    fragment ContactRow on Contact {
  id
  name
  email
  phone
  source
  dateAdded
  dateUpdated
}`) as unknown as TypedDocumentString<DashboardContactsChangedSubscription, DashboardContactsChangedSubscriptionVariables>;
export const DashboardDocument = new TypedDocumentString(`
    query Dashboard($todayStart: DateTime!, $todayEnd: DateTime!) {
  currentLocation {
    id
    name
    timezone
    rateBudget {
      ...RateBudgetFields
    }
  }
  contacts(first: 15, sort: [{field: DATE_UPDATED, direction: DESC}]) {
    totalCount
    nodes {
      ...ContactRow
      tasks {
        ...TaskRow
      }
    }
  }
  pipelines(first: 10) {
    nodes {
      id
      name
      stages {
        id
        name
        position
      }
    }
  }
  opportunities(first: 100, filter: {status: OPEN}, sort: UPDATED_AT_DESC) {
    totalCount
    nodes {
      ...OpportunityRow
    }
  }
  calendars(first: 10) {
    nodes {
      id
      name
      events(startTime: $todayStart, endTime: $todayEnd, first: 10) {
        nodes {
          ...AppointmentRow
        }
      }
    }
  }
}
    fragment ContactRow on Contact {
  id
  name
  email
  phone
  source
  dateAdded
  dateUpdated
}
fragment TaskRow on Task {
  id
  contactId
  title
  dueDate
  completed
}
fragment AppointmentRow on Appointment {
  id
  title
  startTime
  endTime
  appointmentStatus
  calendarId
  contact {
    id
    name
  }
}
fragment OpportunityRow on Opportunity {
  id
  name
  monetaryValue
  status
  pipelineId
  stageId
  updatedAt
}
fragment RateBudgetFields on RateBudget {
  burstLimit
  burstWindowSeconds
  usedInBurstWindow
  dailyLimit
  usedToday
  queuedInteractive
  queuedBackground
}`) as unknown as TypedDocumentString<DashboardQuery, DashboardQueryVariables>;
export const OpportunitiesChangedDocument = new TypedDocumentString(`
    subscription OpportunitiesChanged {
  opportunitiesChanged {
    kind
    id
    source
    changedFields
    node {
      ...OpportunityRow
    }
  }
}
    fragment OpportunityRow on Opportunity {
  id
  name
  monetaryValue
  status
  pipelineId
  stageId
  updatedAt
}`) as unknown as TypedDocumentString<OpportunitiesChangedSubscription, OpportunitiesChangedSubscriptionVariables>;
export const RateBudgetDocument = new TypedDocumentString(`
    query RateBudget {
  currentLocation {
    id
    rateBudget {
      ...RateBudgetFields
    }
  }
}
    fragment RateBudgetFields on RateBudget {
  burstLimit
  burstWindowSeconds
  usedInBurstWindow
  dailyLimit
  usedToday
  queuedInteractive
  queuedBackground
}`) as unknown as TypedDocumentString<RateBudgetQuery, RateBudgetQueryVariables>;