import { HighLevel } from '@gohighlevel/api-client';

type Config = ConstructorParameters<typeof HighLevel>[0];

/**
 * An official SDK client that talks to `baseUrl` instead of GHL. The SDK's `HighLevel.BASE_URL`
 * is a private static in its typings, so the public way is its shared axios instance:
 * `getHttpClient().defaults.baseURL`. Every service, OAuth included, sends through that instance.
 */
export function sdkClient(baseUrl: string, config: Config): HighLevel {
  const sdk = new HighLevel(config);
  sdk.getHttpClient().defaults.baseURL = baseUrl;
  return sdk;
}
