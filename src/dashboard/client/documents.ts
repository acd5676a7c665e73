import CalendarEventsChangedSource from '../documents/CalendarEventsChanged.graphql';
import ContactCreateSource from '../documents/ContactCreate.graphql';
import ContactsChangedSource from '../documents/ContactsChanged.graphql';
import ContactTasksChangedSource from '../documents/ContactTasksChanged.graphql';
import DashboardSource from '../documents/Dashboard.graphql';
import FragmentsSource from '../documents/Fragments.graphql';
import OpportunitiesChangedSource from '../documents/OpportunitiesChanged.graphql';
import RateBudgetSource from '../documents/RateBudget.graphql';
import { withFragments } from './fragments.js';

/**
 * The dashboard's typed documents. The result and variable types are written by hand for now,
 * in the shape GraphQL Code Generator's client preset emits with `documentMode: 'string'`
 * (`TypedDocumentString`): when codegen generates them from `src/dashboard/documents/*.graphql`,
 * this file is replaced by an import of the generated module and nothing else changes.
 */

/** A document as text that carries its result and variable types (codegen's `TypedDocumentString`). */
export class TypedDocumentString<TResult, TVariables> extends String {
  declare readonly __apiType?: (variables: TVariables) => TResult;
}

type ChangeKind = 'CREATED' | 'UPDATED' | 'DELETED';
type ChangeSource = 'POLL' | 'WEBHOOK' | 'MUTATION';

export interface ContactRow {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  source: string | null;
  dateAdded: string | null;
  dateUpdated: string | null;
}
export interface TaskRow {
  id: string;
  contactId: string | null;
  title: string | null;
  dueDate: string | null;
  completed: boolean;
}
export interface AppointmentRow {
  id: string;
  title: string | null;
  startTime: string | null;
  endTime: string | null;
  appointmentStatus: string | null;
  calendarId: string | null;
  contact: { id: string; name: string | null } | null;
}
export interface OpportunityRow {
  id: string;
  name: string | null;
  monetaryValue: number | null;
  status: 'OPEN' | 'WON' | 'LOST' | 'ABANDONED' | null;
  pipelineId: string | null;
  stageId: string | null;
  updatedAt: string | null;
}
export interface RateBudgetFields {
  burstLimit: number;
  burstWindowSeconds: number;
  usedInBurstWindow: number;
  dailyLimit: number;
  usedToday: number;
  queuedInteractive: number;
  queuedBackground: number;
}

export interface DashboardQuery {
  currentLocation: { id: string; name: string | null; timezone: string | null; rateBudget: RateBudgetFields | null } | null;
  contacts: { totalCount: number | null; nodes: (ContactRow & { tasks: TaskRow[] })[] };
  pipelines: { nodes: { id: string; name: string | null; stages: { id: string; name: string | null; position: number | null }[] }[] };
  opportunities: { totalCount: number | null; nodes: OpportunityRow[] };
  calendars: { nodes: { id: string; name: string; events: { nodes: AppointmentRow[] } }[] };
}
export interface DashboardQueryVariables {
  todayStart: string;
  todayEnd: string;
}
export interface RateBudgetQuery {
  currentLocation: { id: string; rateBudget: RateBudgetFields | null } | null;
}
export interface ContactsChangedSubscription {
  contactsChanged: { kind: ChangeKind; id: string; source: ChangeSource; changedFields: string[]; occurredAt: string; node: ContactRow };
}
export interface ContactTasksChangedSubscription {
  contactTasksChanged: { kind: ChangeKind; id: string; source: ChangeSource; node: TaskRow };
}
export interface CalendarEventsChangedSubscription {
  calendarEventsChanged: { kind: ChangeKind; id: string; source: ChangeSource; node: AppointmentRow };
}
export interface OpportunitiesChangedSubscription {
  opportunitiesChanged: { kind: ChangeKind; id: string; source: ChangeSource; changedFields: string[]; node: OpportunityRow };
}
export interface ContactCreateMutation {
  contactCreate: { contact: ContactRow | null; userErrors: { field: string[] | null; message: string }[] };
}

const typed = <R, V>(source: string) => new TypedDocumentString<R, V>(withFragments(source, FragmentsSource));

export const DashboardDocument = typed<DashboardQuery, DashboardQueryVariables>(DashboardSource);
export const RateBudgetDocument = typed<RateBudgetQuery, Record<string, never>>(RateBudgetSource);
export const ContactsChangedDocument = typed<ContactsChangedSubscription, Record<string, never>>(ContactsChangedSource);
export const ContactTasksChangedDocument = typed<ContactTasksChangedSubscription, { contactId: string }>(ContactTasksChangedSource);
export const CalendarEventsChangedDocument = typed<CalendarEventsChangedSubscription, { calendarId: string; from: string; to: string }>(CalendarEventsChangedSource);
export const OpportunitiesChangedDocument = typed<OpportunitiesChangedSubscription, Record<string, never>>(OpportunitiesChangedSource);
export const ContactCreateDocument = typed<ContactCreateMutation, { input: { firstName?: string; lastName?: string; email?: string; phone?: string } }>(ContactCreateSource);
