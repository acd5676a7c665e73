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

  it('fails fast and names the variable that is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ GHL_BASE_URL: 'not a url' })).toThrow(/GHL_BASE_URL/);
  });

  it('names every missing variable for live mode', () => {
    expect(() => loadConfig({ GHL_MODE: 'live' })).toThrow(/GHL_BASE_URL, GHL_LOCATION_ID, GHL_PRIVATE_INTEGRATION_TOKEN/);
  });

  it('parses API keys without echoing a malformed one', () => {
    expect(loadConfig({ GATEWAY_API_KEYS: 'k1=locA, k2=locB' }).apiKeys).toEqual(new Map([['k1', 'locA'], ['k2', 'locB']]));
    expect(() => loadConfig({ GATEWAY_API_KEYS: 'secretkeywithoutlocation' })).toThrow(/GATEWAY_API_KEYS/);
  });
});
