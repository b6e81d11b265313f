import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { UpstreamError } from '@serverless-ml/errors';
import type { ResolvedPlace } from '../geocode';
import { OpenMeteoWeather } from './open-meteo';

const seattle: ResolvedPlace = {
  name: 'Seattle',
  country: 'US',
  population: 684451,
  latitude: 47.60621,
  longitude: -122.33207,
  match: 'city',
};

// The shape /v1/forecast documents for daily variables with timezone=auto, past_days=7, forecast_days=1.
const answer = {
  latitude: 47.595562,
  longitude: -122.32443,
  generationtime_ms: 0.0903606414794922,
  utc_offset_seconds: -25200,
  timezone: 'America/Los_Angeles',
  timezone_abbreviation: 'GMT-7',
  elevation: 56,
  daily_units: {
    time: 'iso8601',
    precipitation_sum: 'mm',
    temperature_2m_max: '°C',
    temperature_2m_min: '°C',
    wind_speed_10m_max: 'km/h',
  },
  daily: {
    time: [
      '2026-05-01',
      '2026-05-02',
      '2026-05-03',
      '2026-05-04',
      '2026-05-05',
      '2026-05-06',
      '2026-05-07',
      '2026-05-08',
    ],
    precipitation_sum: [0, 2.4, null, 0.3, 0, 0, 5.1, 1.2],
    temperature_2m_max: [16.2, 13.9, 14.1, 15.5, 18, 19.3, 14.4, 13.8],
    temperature_2m_min: [8.1, 9, 8.8, 7.6, 8.4, 10.1, 9.7, 8.9],
    wind_speed_10m_max: [10.8, 18, 14.4, 7.2, 9.4, 11.2, 21.6, 14.4],
  },
};

type Reply = (req: IncomingMessage, res: ServerResponse) => void;
let server: Server;
let reply: Reply;
let requests: URL[];
let baseUrl: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(new URL(req.url ?? '/', 'http://localhost'));
    reply(req, res);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  server.close();
});
beforeEach(() => {
  requests = [];
});

const json =
  (status: number, body: unknown): Reply =>
  (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };
const weather = (timeoutMs = 1000) => new OpenMeteoWeather({ baseUrl, timeoutMs });

describe('OpenMeteoWeather', () => {
  it('asks for the four daily variables, local time and the past week', async () => {
    reply = json(200, answer);
    await weather().report({ place: seattle });
    expect(requests[0].pathname).toBe('/v1/forecast');
    expect(Object.fromEntries(requests[0].searchParams)).toEqual({
      latitude: '47.6062',
      longitude: '-122.3321',
      daily: 'precipitation_sum,temperature_2m_max,temperature_2m_min,wind_speed_10m_max',
      timezone: 'auto',
      past_days: '7',
      forecast_days: '1',
    });
  });

  it('returns today (the last day) and the previous days newest first, wind in m/s, gaps skipped', async () => {
    reply = json(200, answer);
    const report = await weather().report({ place: seattle });
    expect(report.source).toBe('open-meteo');
    expect(report.today).toEqual({ date: '2026-05-08', precipitation: 1.2, temp_max: 13.8, temp_min: 8.9, wind: 4 });
    expect(report.previous.map((d) => d.date)).toEqual([
      '2026-05-07',
      '2026-05-06',
      '2026-05-05',
      '2026-05-04',
      '2026-05-02',
      '2026-05-01',
    ]);
    expect(report.previous[0].wind).toBe(6);
  });

  it('returns 503 naming the timeout when Open-Meteo is slow', async () => {
    reply = (req, res) => {
      setTimeout(() => json(200, answer)(req, res), 2000).unref();
    };
    const started = Date.now();
    const report = weather(200).report({ place: seattle });
    await expect(report).rejects.toThrow(UpstreamError);
    await expect(report).rejects.toThrow('Open-Meteo did not answer within 200 ms');
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it("returns 503 with Open-Meteo's reason for an error answer", async () => {
    reply = json(400, { error: true, reason: 'Parameter past_days must be between 0 and 92' });
    await expect(weather().report({ place: seattle })).rejects.toThrow(
      'Open-Meteo answered 400: Parameter past_days must be between 0 and 92',
    );
  });

  it('returns 503 for a 500 that is not JSON', async () => {
    reply = (_req, res) => res.writeHead(500, { 'content-type': 'text/html' }).end('<h1>Internal Server Error</h1>');
    await expect(weather().report({ place: seattle })).rejects.toThrow(
      'Open-Meteo answered 500 with something that is not JSON',
    );
  });

  it('returns 503 for JSON of the wrong shape', async () => {
    reply = json(200, { ...answer, daily: { time: answer.daily.time } });
    await expect(weather().report({ place: seattle })).rejects.toThrow(/unexpected shape: daily\.precipitation_sum/);
  });

  it('returns 503 when today has no data', async () => {
    const precipitation_sum = [...answer.daily.precipitation_sum.slice(0, -1), null];
    reply = json(200, { ...answer, daily: { ...answer.daily, precipitation_sum } });
    await expect(weather().report({ place: seattle })).rejects.toThrow(/no complete weather for today/);
  });

  it('returns 503 when nothing listens', async () => {
    const closed = new OpenMeteoWeather({ baseUrl: 'http://127.0.0.1:1', timeoutMs: 1000 });
    await expect(closed.report({ place: seattle })).rejects.toThrow(
      /could not reach Open-Meteo at http:\/\/127\.0\.0\.1:1/,
    );
  });
});
