/* eslint-disable */
import * as types from './graphql.js';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query ContactWithEverything {\n  contacts(first: 1) {\n    nodes {\n      id\n      name\n      email\n      phone\n      tags\n      dateAdded\n      business {\n        name\n        website\n      }\n      assignedUser {\n        name\n        email\n      }\n      customFields {\n        value\n        field {\n          name\n          fieldKey\n        }\n      }\n      tasks {\n        title\n        dueDate\n        completed\n      }\n      notes {\n        body\n        dateAdded\n        user {\n          name\n        }\n      }\n      appointments {\n        title\n        startTime\n        appointmentStatus\n        calendar {\n          name\n        }\n      }\n      opportunities {\n        name\n        monetaryValue\n        status\n        pipeline {\n          name\n        }\n        stage {\n          name\n        }\n      }\n      conversations(first: 3) {\n        nodes {\n          channel\n          lastMessageBody\n          messages(first: 3) {\n            nodes {\n              direction\n              type\n              body\n              dateAdded\n            }\n          }\n        }\n      }\n    }\n  }\n}": typeof types.ContactWithEverythingDocument,
    "query SearchContacts($after: String) {\n  contacts(\n    first: 5\n    after: $after\n    filter: {tags: [\"customer\"], hasEmail: true}\n    sort: [{field: DATE_ADDED, direction: DESC}]\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      name\n      email\n      tags\n      dateAdded\n    }\n  }\n}": typeof types.SearchContactsDocument,
    "mutation ContactCreateRefused {\n  contactCreate(input: {firstName: \"Ada\", email: \"not-an-email\", tags: [\" \"]}) {\n    contact {\n      id\n      name\n      email\n    }\n    userErrors {\n      field\n      message\n      code\n    }\n  }\n}": typeof types.ContactCreateRefusedDocument,
    "subscription ContactsChanged {\n  contactsChanged {\n    kind\n    id\n    changedFields\n    occurredAt\n    source\n    node {\n      id\n      name\n      email\n      tags\n    }\n  }\n}": typeof types.ContactsChangedDocument,
    "subscription CalendarEventsChanged($calendarId: ID!, $from: DateTime!, $to: DateTime!) {\n  calendarEventsChanged(calendarId: $calendarId, from: $from, to: $to) {\n    kind\n    id\n    source\n    node {\n      ...AppointmentRow\n    }\n  }\n}": typeof types.CalendarEventsChangedDocument,
    "mutation ContactCreate($input: ContactCreateInput!) {\n  contactCreate(input: $input) {\n    contact {\n      ...ContactRow\n    }\n    userErrors {\n      field\n      message\n    }\n  }\n}": typeof types.ContactCreateDocument,
    "subscription ContactTasksChanged($contactId: ID!) {\n  contactTasksChanged(contactId: $contactId) {\n    kind\n    id\n    source\n    node {\n      ...TaskRow\n    }\n  }\n}": typeof types.ContactTasksChangedDocument,
    "subscription DashboardContactsChanged {\n  contactsChanged {\n    kind\n    id\n    source\n    changedFields\n    occurredAt\n    node {\n      ...ContactRow\n    }\n  }\n}": typeof types.DashboardContactsChangedDocument,
    "query Dashboard($todayStart: DateTime!, $todayEnd: DateTime!) {\n  currentLocation {\n    id\n    name\n    timezone\n    rateBudget {\n      ...RateBudgetFields\n    }\n  }\n  contacts(first: 15, sort: [{field: DATE_UPDATED, direction: DESC}]) {\n    totalCount\n    nodes {\n      ...ContactRow\n      tasks {\n        ...TaskRow\n      }\n    }\n  }\n  pipelines(first: 10) {\n    nodes {\n      id\n      name\n      stages {\n        id\n        name\n        position\n      }\n    }\n  }\n  opportunities(first: 100, filter: {status: OPEN}, sort: UPDATED_AT_DESC) {\n    totalCount\n    nodes {\n      ...OpportunityRow\n    }\n  }\n  calendars(first: 10) {\n    nodes {\n      id\n      name\n      events(startTime: $todayStart, endTime: $todayEnd, first: 10) {\n        nodes {\n          ...AppointmentRow\n        }\n      }\n    }\n  }\n}": typeof types.DashboardDocument,
    "fragment ContactRow on Contact {\n  id\n  name\n  email\n  phone\n  source\n  dateAdded\n  dateUpdated\n}\n\nfragment TaskRow on Task {\n  id\n  contactId\n  title\n  dueDate\n  completed\n}\n\nfragment AppointmentRow on Appointment {\n  id\n  title\n  startTime\n  endTime\n  appointmentStatus\n  calendarId\n  contact {\n    id\n    name\n  }\n}\n\nfragment OpportunityRow on Opportunity {\n  id\n  name\n  monetaryValue\n  status\n  pipelineId\n  stageId\n  updatedAt\n}\n\nfragment RateBudgetFields on RateBudget {\n  burstLimit\n  burstWindowSeconds\n  usedInBurstWindow\n  dailyLimit\n  usedToday\n  queuedInteractive\n  queuedBackground\n}": typeof types.ContactRowFragmentDoc,
    "subscription OpportunitiesChanged {\n  opportunitiesChanged {\n    kind\n    id\n    source\n    changedFields\n    node {\n      ...OpportunityRow\n    }\n  }\n}": typeof types.OpportunitiesChangedDocument,
    "query RateBudget {\n  currentLocation {\n    id\n    rateBudget {\n      ...RateBudgetFields\n    }\n  }\n}": typeof types.RateBudgetDocument,
};
const documents: Documents = {
    "query ContactWithEverything {\n  contacts(first: 1) {\n    nodes {\n      id\n      name\n      email\n      phone\n      tags\n      dateAdded\n      business {\n        name\n        website\n      }\n      assignedUser {\n        name\n        email\n      }\n      customFields {\n        value\n        field {\n          name\n          fieldKey\n        }\n      }\n      tasks {\n        title\n        dueDate\n        completed\n      }\n      notes {\n        body\n        dateAdded\n        user {\n          name\n        }\n      }\n      appointments {\n        title\n        startTime\n        appointmentStatus\n        calendar {\n          name\n        }\n      }\n      opportunities {\n        name\n        monetaryValue\n        status\n        pipeline {\n          name\n        }\n        stage {\n          name\n        }\n      }\n      conversations(first: 3) {\n        nodes {\n          channel\n          lastMessageBody\n          messages(first: 3) {\n            nodes {\n              direction\n              type\n              body\n              dateAdded\n            }\n          }\n        }\n      }\n    }\n  }\n}": types.ContactWithEverythingDocument,
    "query SearchContacts($after: String) {\n  contacts(\n    first: 5\n    after: $after\n    filter: {tags: [\"customer\"], hasEmail: true}\n    sort: [{field: DATE_ADDED, direction: DESC}]\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      name\n      email\n      tags\n      dateAdded\n    }\n  }\n}": types.SearchContactsDocument,
    "mutation ContactCreateRefused {\n  contactCreate(input: {firstName: \"Ada\", email: \"not-an-email\", tags: [\" \"]}) {\n    contact {\n      id\n      name\n      email\n    }\n    userErrors {\n      field\n      message\n      code\n    }\n  }\n}": types.ContactCreateRefusedDocument,
    "subscription ContactsChanged {\n  contactsChanged {\n    kind\n    id\n    changedFields\n    occurredAt\n    source\n    node {\n      id\n      name\n      email\n      tags\n    }\n  }\n}": types.ContactsChangedDocument,
    "subscription CalendarEventsChanged($calendarId: ID!, $from: DateTime!, $to: DateTime!) {\n  calendarEventsChanged(calendarId: $calendarId, from: $from, to: $to) {\n    kind\n    id\n    source\n    node {\n      ...AppointmentRow\n    }\n  }\n}": types.CalendarEventsChangedDocument,
    "mutation ContactCreate($input: ContactCreateInput!) {\n  contactCreate(input: $input) {\n    contact {\n      ...ContactRow\n    }\n    userErrors {\n      field\n      message\n    }\n  }\n}": types.ContactCreateDocument,
    "subscription ContactTasksChanged($contactId: ID!) {\n  contactTasksChanged(contactId: $contactId) {\n    kind\n    id\n    source\n    node {\n      ...TaskRow\n    }\n  }\n}": types.ContactTasksChangedDocument,
    "subscription DashboardContactsChanged {\n  contactsChanged {\n    kind\n    id\n    source\n    changedFields\n    occurredAt\n    node {\n      ...ContactRow\n    }\n  }\n}": types.DashboardContactsChangedDocument,
    "query Dashboard($todayStart: DateTime!, $todayEnd: DateTime!) {\n  currentLocation {\n    id\n    name\n    timezone\n    rateBudget {\n      ...RateBudgetFields\n    }\n  }\n  contacts(first: 15, sort: [{field: DATE_UPDATED, direction: DESC}]) {\n    totalCount\n    nodes {\n      ...ContactRow\n      tasks {\n        ...TaskRow\n      }\n    }\n  }\n  pipelines(first: 10) {\n    nodes {\n      id\n      name\n      stages {\n        id\n        name\n        position\n      }\n    }\n  }\n  opportunities(first: 100, filter: {status: OPEN}, sort: UPDATED_AT_DESC) {\n    totalCount\n    nodes {\n      ...OpportunityRow\n    }\n  }\n  calendars(first: 10) {\n    nodes {\n      id\n      name\n      events(startTime: $todayStart, endTime: $todayEnd, first: 10) {\n        nodes {\n          ...AppointmentRow\n        }\n      }\n    }\n  }\n}": types.DashboardDocument,
    "fragment ContactRow on Contact {\n  id\n  name\n  email\n  phone\n  source\n  dateAdded\n  dateUpdated\n}\n\nfragment TaskRow on Task {\n  id\n  contactId\n  title\n  dueDate\n  completed\n}\n\nfragment AppointmentRow on Appointment {\n  id\n  title\n  startTime\n  endTime\n  appointmentStatus\n  calendarId\n  contact {\n    id\n    name\n  }\n}\n\nfragment OpportunityRow on Opportunity {\n  id\n  name\n  monetaryValue\n  status\n  pipelineId\n  stageId\n  updatedAt\n}\n\nfragment RateBudgetFields on RateBudget {\n  burstLimit\n  burstWindowSeconds\n  usedInBurstWindow\n  dailyLimit\n  usedToday\n  queuedInteractive\n  queuedBackground\n}": types.ContactRowFragmentDoc,
    "subscription OpportunitiesChanged {\n  opportunitiesChanged {\n    kind\n    id\n    source\n    changedFields\n    node {\n      ...OpportunityRow\n    }\n  }\n}": types.OpportunitiesChangedDocument,
    "query RateBudget {\n  currentLocation {\n    id\n    rateBudget {\n      ...RateBudgetFields\n    }\n  }\n}": types.RateBudgetDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ContactWithEverything {\n  contacts(first: 1) {\n    nodes {\n      id\n      name\n      email\n      phone\n      tags\n      dateAdded\n      business {\n        name\n        website\n      }\n      assignedUser {\n        name\n        email\n      }\n      customFields {\n        value\n        field {\n          name\n          fieldKey\n        }\n      }\n      tasks {\n        title\n        dueDate\n        completed\n      }\n      notes {\n        body\n        dateAdded\n        user {\n          name\n        }\n      }\n      appointments {\n        title\n        startTime\n        appointmentStatus\n        calendar {\n          name\n        }\n      }\n      opportunities {\n        name\n        monetaryValue\n        status\n        pipeline {\n          name\n        }\n        stage {\n          name\n        }\n      }\n      conversations(first: 3) {\n        nodes {\n          channel\n          lastMessageBody\n          messages(first: 3) {\n            nodes {\n              direction\n              type\n              body\n              dateAdded\n            }\n          }\n        }\n      }\n    }\n  }\n}"): typeof import('./graphql.js').ContactWithEverythingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SearchContacts($after: String) {\n  contacts(\n    first: 5\n    after: $after\n    filter: {tags: [\"customer\"], hasEmail: true}\n    sort: [{field: DATE_ADDED, direction: DESC}]\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      name\n      email\n      tags\n      dateAdded\n    }\n  }\n}"): typeof import('./graphql.js').SearchContactsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ContactCreateRefused {\n  contactCreate(input: {firstName: \"Ada\", email: \"not-an-email\", tags: [\" \"]}) {\n    contact {\n      id\n      name\n      email\n    }\n    userErrors {\n      field\n      message\n      code\n    }\n  }\n}"): typeof import('./graphql.js').ContactCreateRefusedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription ContactsChanged {\n  contactsChanged {\n    kind\n    id\n    changedFields\n    occurredAt\n    source\n    node {\n      id\n      name\n      email\n      tags\n    }\n  }\n}"): typeof import('./graphql.js').ContactsChangedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription CalendarEventsChanged($calendarId: ID!, $from: DateTime!, $to: DateTime!) {\n  calendarEventsChanged(calendarId: $calendarId, from: $from, to: $to) {\n    kind\n    id\n    source\n    node {\n      ...AppointmentRow\n    }\n  }\n}"): typeof import('./graphql.js').CalendarEventsChangedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ContactCreate($input: ContactCreateInput!) {\n  contactCreate(input: $input) {\n    contact {\n      ...ContactRow\n    }\n    userErrors {\n      field\n      message\n    }\n  }\n}"): typeof import('./graphql.js').ContactCreateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription ContactTasksChanged($contactId: ID!) {\n  contactTasksChanged(contactId: $contactId) {\n    kind\n    id\n    source\n    node {\n      ...TaskRow\n    }\n  }\n}"): typeof import('./graphql.js').ContactTasksChangedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription DashboardContactsChanged {\n  contactsChanged {\n    kind\n    id\n    source\n    changedFields\n    occurredAt\n    node {\n      ...ContactRow\n    }\n  }\n}"): typeof import('./graphql.js').DashboardContactsChangedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Dashboard($todayStart: DateTime!, $todayEnd: DateTime!) {\n  currentLocation {\n    id\n    name\n    timezone\n    rateBudget {\n      ...RateBudgetFields\n    }\n  }\n  contacts(first: 15, sort: [{field: DATE_UPDATED, direction: DESC}]) {\n    totalCount\n    nodes {\n      ...ContactRow\n      tasks {\n        ...TaskRow\n      }\n    }\n  }\n  pipelines(first: 10) {\n    nodes {\n      id\n      name\n      stages {\n        id\n        name\n        position\n      }\n    }\n  }\n  opportunities(first: 100, filter: {status: OPEN}, sort: UPDATED_AT_DESC) {\n    totalCount\n    nodes {\n      ...OpportunityRow\n    }\n  }\n  calendars(first: 10) {\n    nodes {\n      id\n      name\n      events(startTime: $todayStart, endTime: $todayEnd, first: 10) {\n        nodes {\n          ...AppointmentRow\n        }\n      }\n    }\n  }\n}"): typeof import('./graphql.js').DashboardDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment ContactRow on Contact {\n  id\n  name\n  email\n  phone\n  source\n  dateAdded\n  dateUpdated\n}\n\nfragment TaskRow on Task {\n  id\n  contactId\n  title\n  dueDate\n  completed\n}\n\nfragment AppointmentRow on Appointment {\n  id\n  title\n  startTime\n  endTime\n  appointmentStatus\n  calendarId\n  contact {\n    id\n    name\n  }\n}\n\nfragment OpportunityRow on Opportunity {\n  id\n  name\n  monetaryValue\n  status\n  pipelineId\n  stageId\n  updatedAt\n}\n\nfragment RateBudgetFields on RateBudget {\n  burstLimit\n  burstWindowSeconds\n  usedInBurstWindow\n  dailyLimit\n  usedToday\n  queuedInteractive\n  queuedBackground\n}"): typeof import('./graphql.js').ContactRowFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription OpportunitiesChanged {\n  opportunitiesChanged {\n    kind\n    id\n    source\n    changedFields\n    node {\n      ...OpportunityRow\n    }\n  }\n}"): typeof import('./graphql.js').OpportunitiesChangedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RateBudget {\n  currentLocation {\n    id\n    rateBudget {\n      ...RateBudgetFields\n    }\n  }\n}"): typeof import('./graphql.js').RateBudgetDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
