/** What `GET /rain-forecast` answers (the fields the console shows). */
export interface RainForecast {
  probability: number;
  rainTomorrow: boolean;
  forecastFor: string;
  place: {
    name: string;
    country: string;
    countryName?: string;
    latitude: number;
    longitude: number;
    match?: string;
    distanceKm?: number;
  };
  observations: {
    source: string;
    today: { date: string; precipitation: number; temp_max: number; temp_min: number; wind: number };
  };
  actual?: { date: string; precipitation: number; rained: boolean; forecastWasRight: boolean };
  modelVersion: string;
  caveat: { level: string; message: string };
}

/** The probability as a headline, the place, the caveat, and what really happened on a replayed day. */
export function RainResult({ forecast }: { forecast: RainForecast }) {
  const { place, observations, actual } = forecast;
  const today = observations.today;
  return (
    <section class="card result" aria-labelledby="rain-result">
      <h2 id="rain-result">
        <span id="rain-probability">{Math.round(forecast.probability * 100)}%</span> chance of rain on{' '}
        {forecast.forecastFor}
      </h2>
      <p>
        {forecast.rainTomorrow ? 'Rain is more likely than not.' : 'Dry is more likely than rain.'} Place:{' '}
        <strong>
          {place.name}, {place.countryName ?? place.country}
        </strong>
        {place.match === 'nearest' && place.distanceKm !== undefined
          ? ` (nearest city, ${place.distanceKm.toFixed(1)} km)`
          : ''}
        .
      </p>
      <p class={`caveat ${forecast.caveat.level}`}>{forecast.caveat.message}</p>
      <dl class="facts">
        <dt>weather used</dt>
        <dd>
          {today.date} ({observations.source}): {today.precipitation} mm, {today.temp_min}–{today.temp_max} °C, wind{' '}
          {today.wind} m/s
        </dd>
        {actual && (
          <>
            <dt>what happened</dt>
            <dd>
              {actual.rained ? `it rained (${actual.precipitation} mm)` : 'it stayed dry'}: the forecast was{' '}
              {actual.forecastWasRight ? 'right' : 'wrong'}
            </dd>
          </>
        )}
        <dt>model version</dt>
        <dd>
          <code>{forecast.modelVersion}</code>
        </dd>
      </dl>
    </section>
  );
}
