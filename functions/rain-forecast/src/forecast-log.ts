import type { ObjectStore } from '@serverless-ml/model-store';

/** Writes one record per forecast. */
export interface ForecastLog {
  write(requestId: string, at: Date, record: unknown): Promise<void>;
}

/** `forecasts/YYYY/MM/DD/<request-id>.json` (UTC date of the request): one prefix per day for listing and lifecycle rules. */
export function forecastLogKey(requestId: string, at: Date): string {
  const day = at.toISOString().slice(0, 10).replaceAll('-', '/');
  // Request ids are UUIDs; anything else is made safe for a key rather than trusted.
  const id = requestId.replace(/[^A-Za-z0-9_-]/g, '_') || 'unknown';
  return `forecasts/${day}/${id}.json`;
}

/** Forecast records as JSON objects in a bucket. */
export class S3ForecastLog implements ForecastLog {
  constructor(private readonly objects: ObjectStore) {}

  async write(requestId: string, at: Date, record: unknown): Promise<void> {
    await this.objects.put(forecastLogKey(requestId, at), JSON.stringify(record, null, 2), 'application/json');
  }
}
