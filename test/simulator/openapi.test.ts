import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileAllSchemas, loadSpecs, matchRoute, normalizeSchema, validateRequest, validateResponse } from '../../src/simulator/openapi.js';

const catalog = JSON.parse(readFileSync(new URL('../../src/ghl/openapi/operations.json', import.meta.url), 'utf8')) as { method: string; path: string }[];

describe('spec loading and routing', () => {
  it('routes every catalog operation to its own spec operation', () => {
    const { byKey } = loadSpecs();
    for (const e of catalog) {
      const op = byKey.get(`${e.method} ${e.path}`);
      expect(op, `${e.method} ${e.path}`).toBeDefined();
      const concrete = e.path.replace(/\{[^}]+\}/g, 'x1');
      // Literal siblings may legitimately win for a concrete "x1"; the template must match itself at least.
      expect(matchRoute(e.method, concrete)).not.toBeNull();
    }
  });

  it('prefers literal segments over parameters and ignores trailing slashes', () => {
    expect(matchRoute('DELETE', '/contacts/c1/campaigns/removeAll')?.template).toBe('/contacts/{contactId}/campaigns/removeAll');
    expect(matchRoute('DELETE', '/contacts/c1/campaigns/k9')?.params).toEqual({ contactId: 'c1', campaignId: 'k9' });
    expect(matchRoute('POST', '/contacts/search')?.template).toBe('/contacts/search');
    expect(matchRoute('GET', '/contacts/search/duplicate')?.template).toBe('/contacts/search/duplicate');
    // No GET /contacts/search exists, so Express would hand "search" to /:contactId.
    expect(matchRoute('GET', '/contacts/search')?.params).toEqual({ contactId: 'search' });
    expect(matchRoute('GET', '/contacts')?.template).toBe('/contacts/');
    expect(matchRoute('GET', '/businesses/')?.template).toBe('/businesses/');
    expect(matchRoute('GET', '/contacts/c1/notes/n1')?.params).toEqual({ contactId: 'c1', id: 'n1' });
    expect(matchRoute('PATCH', '/contacts/c1')).toBeNull();
    expect(matchRoute('GET', '/contacts/a%20b')?.params).toEqual({ contactId: 'a b' });
  });

  it('compiles every parameter, body and response schema of all specs, cross-file refs included', () => {
    expect(compileAllSchemas()).toEqual([]);
  });
});

describe('OpenAPI 3.0 normalization', () => {
  it('turns nullable into a null type, drops $ref siblings and examples, and unties NestJS "object" unions', () => {
    expect(normalizeSchema({ type: 'string', nullable: true, example: 'x' })).toEqual({ type: ['string', 'null'] });
    expect(normalizeSchema({ type: 'string', enum: ['a'], nullable: true })).toEqual({ type: ['string', 'null'], enum: ['a', null] });
    expect(normalizeSchema({ $ref: '#/x', description: 'd', type: 'object' })).toEqual({ $ref: '#/x' });
    expect(normalizeSchema({ type: 'object', example: '1990-09-25', nullable: true })).toEqual({});
    expect(normalizeSchema({ type: 'object', properties: { a: { type: 'number', nullable: true } } })).toEqual({ type: 'object', properties: { a: { type: ['number', 'null'] } } });
  });

  it('accepts dateOfBirth as the string its description documents', () => {
    const res = validateRequest('POST /contacts/', { params: {}, query: {}, headers: { version: '2021-07-28' }, body: { locationId: 'l', dateOfBirth: '1990-09-25' } });
    expect(res.errors).toEqual([]);
  });
});

describe('request and response validation', () => {
  it('validates form bodies of POST /oauth/token, which needs no Version header', () => {
    const bad = validateRequest('POST /oauth/token', { params: {}, query: {}, headers: {}, body: { client_id: 'c', grant_type: 'password' } });
    expect(bad.errors).toEqual(['client_secret should not be empty', 'grant_type must be one of the following values: authorization_code, refresh_token, client_credentials']);
    const good = validateRequest('POST /oauth/token', { params: {}, query: {}, headers: {}, body: { client_id: 'c', client_secret: 's', grant_type: 'refresh_token', refresh_token: 'r' } });
    expect(good.errors).toEqual([]);
  });

  it('coerces query values to the spec types', () => {
    const res = validateRequest('GET /contacts/', { params: {}, query: { locationId: 'l', limit: '15', startAfter: '1603870249758' }, headers: { version: '2021-07-28' }, body: undefined });
    expect(res.errors).toEqual([]);
    expect(res.query).toEqual({ locationId: 'l', limit: 15, startAfter: 1603870249758 });
  });

  it('reports response drift, undeclared statuses and accepts the common error shapes', () => {
    expect(validateResponse('GET', '/contacts/{contactId}', 200, { contact: { id: 'a', tags: 'x' } })).toEqual(['/contact/tags must be array']);
    expect(validateResponse('GET', '/contacts/{contactId}', 204, {})[0]).toMatch(/status 204 is not declared/);
    expect(validateResponse('GET', '/contacts/{contactId}', 401, { statusCode: 401, message: 'Invalid token: access token is invalid', error: 'Unauthorized' })).toEqual([]);
    expect(validateResponse('POST', '/contacts/{contactId}/tasks', 422, { statusCode: 422, message: ['x'], error: 'Unprocessable Entity' })).toEqual([]);
    expect(validateResponse('POST', '/contacts/{contactId}/tasks', 422, { statusCode: 422, message: 'x' })).toEqual(['/message must be array']);
    expect(validateResponse('GET', '/businesses/{businessId}', 200, { business: { id: 'b', name: 'n', locationId: 'l', createdAt: 'yesterday' } })).toEqual(['/business/createdAt must match format "date-time"']);
  });
});
