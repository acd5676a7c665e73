import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/env.js';

describe('loadConfig', () => {
  it('runs on embedded defaults with nothing set: simulator mode, port 4000', () => {
    const config = loadConfig({});
    expect(config.mode).toBe('simulator');
    expect(config.port).toBe(4000);
    expect(config.ghl.privateIntegrations).toEqual([]);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('switches to live mode with a base URL, location and private integration token', () => {
    const config = loadConfig({ GHL_BASE_URL: 'http://127.0.0.1:9999/', GHL_LOCATION_ID: 'loc1', GHL_PRIVATE_INTEGRATION_TOKEN: 'pit-x' });
    expect(config.mode).toBe('live');
    expect(config.ghl.baseUrl).toBe('http://127.0.0.1:9999');
    expect(config.ghl.privateIntegrations).toEqual([{ locationId: 'loc1', token: 'pit-x', scopes: null }]);
  });

  it("turns the embedded simulator's activity on with SIMULATOR_ACTIVITY=true, and refuses anything but true or false", () => {
    expect(loadConfig({}).simulator.activity).toBe(false);
    expect(loadConfig({ SIMULATOR_ACTIVITY: 'true' }).simulator.activity).toBe(true);
    expect(() => loadConfig({ SIMULATOR_ACTIVITY: 'yes' })).toThrow(/SIMULATOR_ACTIVITY/);
  });

  it('fails fast and names the variable that is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ GHL_BASE_URL: 'not a url' })).toThrow(/GHL_BASE_URL/);
  });

  it('names what live mode is missing', () => {
    expect(() => loadConfig({ GHL_MODE: 'live' })).toThrow(/GHL_BASE_URL/);
    expect(() => loadConfig({ GHL_BASE_URL: 'http://127.0.0.1:1' })).toThrow(/GHL_PRIVATE_INTEGRATION_TOKEN.*GHL_CLIENT_ID/);
    expect(() => loadConfig({ GHL_BASE_URL: 'http://127.0.0.1:1', GHL_LOCATION_ID: 'loc' })).toThrow(/GHL_PRIVATE_INTEGRATION_TOKEN is needed too/);
  });

  it('takes private integration tokens per location, each with its declared scopes', () => {
    const config = loadConfig({
      GHL_BASE_URL: 'http://127.0.0.1:1',
      GHL_PRIVATE_INTEGRATIONS: JSON.stringify([{ locationId: 'a', token: 't-a', scopes: ['contacts.readonly'] }, { locationId: 'b', token: 't-b' }]),
    });
    expect(config.ghl.privateIntegrations).toEqual([
      { locationId: 'a', token: 't-a', scopes: ['contacts.readonly'] },
      { locationId: 'b', token: 't-b', scopes: null },
    ]);
    expect(() => loadConfig({ GHL_PRIVATE_INTEGRATIONS: '[{"token":1}]' })).toThrow(/GHL_PRIVATE_INTEGRATIONS/);
  });

  it('accepts OAuth alone in live mode, and requires an encryption key for the file store', () => {
    expect(() => loadConfig({ GHL_BASE_URL: 'http://127.0.0.1:1', GHL_CLIENT_ID: 'c', GHL_CLIENT_SECRET: 's' })).toThrow(/TOKEN_ENCRYPTION_KEY/);
    const config = loadConfig({ GHL_BASE_URL: 'http://127.0.0.1:1', GHL_CLIENT_ID: 'c', GHL_CLIENT_SECRET: 's', TOKEN_ENCRYPTION_KEY: 'k'.repeat(32) });
    expect(config.tokenStore.kind).toBe('sqlite');
  });

  it('parses API keys without echoing a malformed one', () => {
    expect(loadConfig({ GATEWAY_API_KEYS: 'k1=locA, k2=locB' }).apiKeys).toEqual(new Map([['k1', 'locA'], ['k2', 'locB']]));
    expect(() => loadConfig({ GATEWAY_API_KEYS: 'secretkeywithoutlocation' })).toThrow(/GATEWAY_API_KEYS/);
  });

  it('sets request limits with defaults, field suggestions on only in simulator mode, and refuses a bad switch', () => {
    const live = { GHL_BASE_URL: 'https://services.leadconnectorhq.com', GHL_LOCATION_ID: 'loc', GHL_PRIVATE_INTEGRATION_TOKEN: 'pit' };
    expect(loadConfig({}).limits).toEqual({
      maxBodyBytes: 1_048_576,
      maxDepth: 12,
      maxAliases: 30,
      maxTokens: 5_000,
      maxDirectives: 50,
      fieldSuggestions: true,
      introspection: true,
      maxUpstreamCalls: 200,
      maxResultObjects: 5_000,
    });
    expect(loadConfig({}).webhooks.maxBodyBytes).toBe(262_144);
    expect(loadConfig(live).limits.fieldSuggestions).toBe(false);
    expect(loadConfig({ ...live, GRAPHQL_FIELD_SUGGESTIONS: 'true', GRAPHQL_INTROSPECTION: 'false' }).limits).toMatchObject({ fieldSuggestions: true, introspection: false });
    expect(() => loadConfig({ GRAPHQL_INTROSPECTION: 'maybe' })).toThrow(/GRAPHQL_INTROSPECTION/);
    expect(() => loadConfig({ GRAPHQL_MAX_BODY_BYTES: '-1' })).toThrow(/GRAPHQL_MAX_BODY_BYTES/);
  });
});
