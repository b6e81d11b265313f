import { parseRoute, routeHref } from './router';

describe('parseRoute', () => {
  it('opens the drawing page for an empty hash', () => {
    expect(parseRoute('')).toEqual({ page: 'draw' });
    expect(parseRoute('#/')).toEqual({ page: 'draw' });
  });

  it('reads every page and a model name, and round-trips with routeHref', () => {
    for (const hash of [
      '#/draw',
      '#/models',
      '#/rain',
      '#/stores',
      '#/api',
      '#/jobs',
      '#/models/digits',
      '#/jobs/20261201-142341-f28de6',
    ]) {
      expect(routeHref(parseRoute(hash))).toBe(hash);
    }
    expect(parseRoute('#/models/housing/')).toEqual({ page: 'model', name: 'housing' });
  });

  it('reads a job id', () => {
    expect(parseRoute('#/jobs/20261201-142341-f28de6/')).toEqual({ page: 'job', id: '20261201-142341-f28de6' });
  });

  it('answers not-found for anything else', () => {
    expect(parseRoute('#/jobs/a/b')).toEqual({ page: 'not-found', path: 'jobs/a/b' });
    expect(parseRoute('#/models/a/b')).toEqual({ page: 'not-found', path: 'models/a/b' });
  });
});
