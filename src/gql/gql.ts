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
};
const documents: Documents = {
    "query ContactWithEverything {\n  contacts(first: 1) {\n    nodes {\n      id\n      name\n      email\n      phone\n      tags\n      dateAdded\n      business {\n        name\n        website\n      }\n      assignedUser {\n        name\n        email\n      }\n      customFields {\n        value\n        field {\n          name\n          fieldKey\n        }\n      }\n      tasks {\n        title\n        dueDate\n        completed\n      }\n      notes {\n        body\n        dateAdded\n        user {\n          name\n        }\n      }\n      appointments {\n        title\n        startTime\n        appointmentStatus\n        calendar {\n          name\n        }\n      }\n      opportunities {\n        name\n        monetaryValue\n        status\n        pipeline {\n          name\n        }\n        stage {\n          name\n        }\n      }\n      conversations(first: 3) {\n        nodes {\n          channel\n          lastMessageBody\n          messages(first: 3) {\n            nodes {\n              direction\n              type\n              body\n              dateAdded\n            }\n          }\n        }\n      }\n    }\n  }\n}": types.ContactWithEverythingDocument,
    "query SearchContacts($after: String) {\n  contacts(\n    first: 5\n    after: $after\n    filter: {tags: [\"customer\"], hasEmail: true}\n    sort: [{field: DATE_ADDED, direction: DESC}]\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      name\n      email\n      tags\n      dateAdded\n    }\n  }\n}": types.SearchContactsDocument,
    "mutation ContactCreateRefused {\n  contactCreate(input: {firstName: \"Ada\", email: \"not-an-email\", tags: [\" \"]}) {\n    contact {\n      id\n      name\n      email\n    }\n    userErrors {\n      field\n      message\n      code\n    }\n  }\n}": types.ContactCreateRefusedDocument,
    "subscription ContactsChanged {\n  contactsChanged {\n    kind\n    id\n    changedFields\n    occurredAt\n    source\n    node {\n      id\n      name\n      email\n      tags\n    }\n  }\n}": types.ContactsChangedDocument,
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


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
