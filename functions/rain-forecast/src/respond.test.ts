import { forecastResponse, prefersHtml } from './respond';
import { sampleForecast } from './sample-forecast.fixture';

describe('prefersHtml', () => {
  it.each([
    [undefined, false],
    ['*/*', false],
    ['application/json', false],
    ['text/html', true],
    ['text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', true],
    ['application/json, text/html;q=0.5', false],
    ['text/*;q=0.9, application/json;q=0.8', true],
    ['text/html;q=0, */*', false],
  ])('Accept %s → HTML %s', (accept, html) => {
    expect(prefersHtml(accept)).toBe(html);
  });
});

describe('forecastResponse', () => {
  it('answers JSON by default, varying on Accept', () => {
    const res = forecastResponse(sampleForecast, undefined);
    expect(res.headers).toMatchObject({ 'content-type': 'application/json', vary: 'accept' });
    expect(JSON.parse(res.body)).toEqual(sampleForecast);
  });

  it('answers HTML to a browser, with a policy that forbids scripts', () => {
    const res = forecastResponse(sampleForecast, 'text/html,application/xhtml+xml,*/*;q=0.8');
    expect(res.headers).toMatchObject({
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
    });
    expect(res.body).toMatch(/^<!doctype html>/);
  });
});
