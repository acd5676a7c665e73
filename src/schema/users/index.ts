// The users domain: types, queries and mutations are imported here, one line each.
export {};
