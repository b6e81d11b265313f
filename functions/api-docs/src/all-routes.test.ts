import { readFileSync } from 'node:fs';
import path from 'node:path';
import { httpApiRoutes, routeKey } from '@serverless-ml/api-spec';
import { parse } from 'yaml';
import { allRoutes } from './all-routes';

const serverlessYml = parse(readFileSync(path.resolve(__dirname, '../../../serverless.yml'), 'utf8'));
const described = allRoutes({ maxImages: 1000, maxK: 50 });

describe('allRoutes', () => {
  it('describes every httpApi route of serverless.yml, and no other', () => {
    const deployed = httpApiRoutes(serverlessYml).map(routeKey).sort();
    // A route added to serverless.yml needs a descriptor in its function's src/api-route.ts (and vice versa).
    expect(described.map(routeKey).sort()).toEqual(deployed);
  });

  it('names the function serverless.yml routes each path to', () => {
    const deployed = new Map(httpApiRoutes(serverlessYml).map((route) => [routeKey(route), route.function]));
    for (const route of described)
      expect([routeKey(route), route.function]).toEqual([routeKey(route), deployed.get(routeKey(route))]);
  });

  it('gives every operation a unique operationId and documents a success and a 400', () => {
    expect(new Set(described.map((route) => route.operationId)).size).toBe(described.length);
    for (const route of described) {
      const statuses = Object.keys(route.responses);
      expect(statuses).toContain('400');
      // 200, or 202 for a route that starts work (POST /jobs).
      expect(statuses.filter((status) => status === '200' || status === '202')).toHaveLength(1);
    }
  });
});
