import { createClient, type Client } from 'graphql-ws';
import type { TypedDocumentString } from './documents.js';

/**
 * A small typed client over one graphql-ws connection: queries, mutations and subscriptions all
 * travel on the same socket, and graphql-ws reconnects (re-subscribing) if it drops.
 */
export interface DashboardClient {
  request<R, V>(document: TypedDocumentString<R, V>, variables: V): Promise<R>;
  /** Calls `onData` for every event; returns the function that ends the subscription. */
  subscribe<R, V>(document: TypedDocumentString<R, V>, variables: V, onData: (data: R) => void, onError?: (error: unknown) => void): () => void;
  onStatus(listener: (status: 'connecting' | 'live' | 'offline') => void): void;
  dispose(): Promise<void>;
}

export function createDashboardClient(url: string, connectionParams: Record<string, string> = {}): DashboardClient {
  const listeners: ((status: 'connecting' | 'live' | 'offline') => void)[] = [];
  const emit = (status: 'connecting' | 'live' | 'offline') => listeners.forEach((l) => l(status));
  const client: Client = createClient({
    url,
    connectionParams,
    lazy: false,
    retryAttempts: Infinity,
    shouldRetry: () => true,
    on: { connecting: () => emit('connecting'), connected: () => emit('live'), closed: () => emit('offline') },
  });
  return {
    request(document, variables) {
      return new Promise((resolve, reject) => {
        let result: unknown;
        client.subscribe(
          { query: document.toString(), variables: variables as Record<string, unknown> },
          {
            next: (value) => {
              if (value.errors?.length) reject(new Error(value.errors.map((e) => e.message).join('; ')));
              else result = value.data;
            },
            error: reject,
            complete: () => resolve(result as never),
          },
        );
      });
    },
    subscribe(document, variables, onData, onError) {
      return client.subscribe(
        { query: document.toString(), variables: variables as Record<string, unknown> },
        {
          next: (value) => {
            if (value.errors?.length) onError?.(value.errors);
            else if (value.data) onData(value.data as never);
          },
          error: (err) => onError?.(err),
          complete: () => undefined,
        },
      );
    },
    onStatus(listener) {
      listeners.push(listener);
    },
    dispose: () => client.dispose() as Promise<void>,
  };
}
