import { parseRoute, routeHref } from './router';

describe('parseRoute', () => {
  it('opens the drawing page for an empty hash', () => {
    expect(parseRoute('')).toEqual({ page: 'draw' });
    expect(parseRoute('#/')).toEqual({ page: 'draw' });
  });

  it('reads every page and a model name, and round-trips with routeHref', () => {
    for (const hash of ['#/draw', '#/models', '#/rain', '#/stores', '#/api', '#/models/digits']) {
      expect(routeHref(parseRoute(hash))).toBe(hash);
    }
    expect(parseRoute('#/models/housing/')).toEqual({ page: 'model', name: 'housing' });
  });

  it('answers not-found for anything else, the jobs page included (not built yet)', () => {
    expect(parseRoute('#/jobs')).toEqual({ page: 'not-found', path: 'jobs' });
    expect(parseRoute('#/models/a/b')).toEqual({ page: 'not-found', path: 'models/a/b' });
  });
});
