import type { CallMeter, GhlClient, Priority } from '../client.js';
import type { GhlCredential } from '../credentials.js';

/** Everything an endpoint function needs to make a call on someone's behalf. */
export interface GhlCallContext {
  client: GhlClient;
  credential: GhlCredential;
  priority?: Priority;
  meter?: CallMeter;
}
