import { escapeHtml, renderForecastHtml } from './render-html';
import { sampleForecast as forecast } from './sample-forecast.fixture';

describe('escapeHtml', () => {
  it('escapes the five characters that matter in content and attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
});

describe('renderForecastHtml', () => {
  it('shows the probability, the place, the caveat, the weather and the outcome', () => {
    const page = renderForecastHtml(forecast);
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain('<h1>Rain is likely in Seattle on 2015-06-02: 73%</h1>');
    expect(page).toContain('Seattle, United States of America (47.6062, -122.3321, population 684,451)');
    expect(page).toContain('The model was trained on weather recorded in Seattle (US), 0 km away.');
    expect(page).toContain('<h2>Weather used: recorded in Seattle</h2>');
    expect(page).toContain('<td>2015-05-31</td><td>0</td><td>25</td>');
    expect(page).toContain('it rained, so the forecast was <strong>right</strong>');
  });

  it('escapes every value that comes from data or the request', () => {
    const evil = '<script>alert("x")</script>';
    const page = renderForecastHtml({
      ...forecast,
      place: { ...forecast.place, name: evil, countryName: `O'Brien & <b>` },
      requestId: '"><img src=x onerror=alert(1)>',
      caveat: { ...forecast.caveat, message: evil },
    });
    expect(page).not.toContain('<script>');
    expect(page).not.toContain('<img');
    expect(page).not.toContain('<b>');
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(page).toContain('O&#39;Brien &amp; &lt;b&gt;');
  });

  it('describes a point by its distance from the nearest named city', () => {
    const page = renderForecastHtml({
      ...forecast,
      place: { ...forecast.place, match: 'nearest', distanceKm: 2.5, latitude: 47.6, longitude: -122.3 },
      actual: undefined,
    });
    expect(page).toContain('47.6000, -122.3000 — 2.5 km from Seattle, United States of America');
    expect(page).not.toContain('What happened');
  });
});
