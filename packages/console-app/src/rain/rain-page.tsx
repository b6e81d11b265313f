import { useState } from 'preact/hooks';
import { type ApiError, callApi } from '../api';
import { ErrorNotice } from '../notices';
import { asApiError } from '../use-api';
import { DEFAULT_RAIN_FORM, type RainForm, rainQuery } from './rain-query';
import { type RainForecast, RainResult } from './rain-result';

type Answer =
  | { state: 'idle' }
  | { state: 'busy' }
  | { state: 'done'; forecast: RainForecast }
  | { state: 'failed'; error: ApiError };

interface FieldProps {
  form: RainForm;
  set: (name: keyof RainForm, value: string) => void;
  name: keyof RainForm;
  label: string;
  /** A decimal number: the phone shows its number keyboard. */
  decimal?: boolean;
  pattern?: string;
}

function Field({ form, set, name, label, decimal, pattern }: FieldProps) {
  return (
    <label class="field">
      <span>{label}</span>
      <input
        name={name}
        value={form[name]}
        required={name !== 'country'}
        inputMode={decimal ? 'decimal' : undefined}
        pattern={pattern}
        onInput={(e) => set(name, e.currentTarget.value)}
      />
    </label>
  );
}

/** Will it rain tomorrow? A city or a point, today's weather or a recorded day → `GET /rain-forecast`. */
export function RainPage() {
  const [form, setForm] = useState<RainForm>(DEFAULT_RAIN_FORM);
  const [answer, setAnswer] = useState<Answer>({ state: 'idle' });
  const set = (name: keyof RainForm, value: string) => setForm((f) => ({ ...f, [name]: value }));
  const number = { decimal: true, set, form };

  const submit = async (e: Event) => {
    e.preventDefault();
    setAnswer({ state: 'busy' });
    try {
      setAnswer({ state: 'done', forecast: await callApi<RainForecast>(rainQuery(form)) });
    } catch (error) {
      setAnswer({ state: 'failed', error: asApiError(error) });
    }
  };
  const choice = (name: 'place' | 'weather', value: string, label: string) => (
    <label>
      <input type="radio" name={name} value={value} checked={form[name] === value} onChange={() => set(name, value)} />
      {label}
    </label>
  );

  return (
    <>
      <h1 tabIndex={-1}>Rain tomorrow</h1>
      <p class="lede">
        The rain model (<code>GET /rain-forecast</code>) gives the probability of rain tomorrow from today's weather.
        The embedded stack has no live weather service: replay a recorded day (Seattle or New York, 2012–2015) or type
        today's.
      </p>
      <form class="form" onSubmit={submit}>
        <fieldset>
          <legend>Place</legend>
          <div class="choices">
            {choice('place', 'city', 'City')}
            {choice('place', 'point', 'Latitude / longitude')}
          </div>
          {form.place === 'city' ? (
            <div class="row">
              <Field form={form} set={set} name="city" label="City" />
              <Field form={form} set={set} name="country" label="Country (optional)" />
            </div>
          ) : (
            <div class="row">
              <Field {...number} name="lat" label="Latitude (−90…90)" />
              <Field {...number} name="long" label="Longitude (−180…180)" />
            </div>
          )}
        </fieldset>
        <fieldset>
          <legend>Today's weather</legend>
          <div class="choices">
            {choice('weather', 'date', 'A recorded day')}
            {choice('weather', 'observed', 'Observations')}
          </div>
          {form.weather === 'date' ? (
            <Field form={form} set={set} name="date" label="Date (YYYY-MM-DD)" pattern="\d{4}-\d{2}-\d{2}" />
          ) : (
            <div class="row">
              <Field {...number} name="precipitation" label="Precipitation (mm)" />
              <Field {...number} name="temp_max" label="Max temperature (°C)" />
              <Field {...number} name="temp_min" label="Min temperature (°C)" />
              <Field {...number} name="wind" label="Wind (m/s)" />
            </div>
          )}
        </fieldset>
        <button type="submit" disabled={answer.state === 'busy'}>
          Forecast
        </button>
      </form>
      <div aria-live="polite">
        {answer.state === 'busy' && <p class="muted">Asking the model…</p>}
        {answer.state === 'failed' && <ErrorNotice error={answer.error} what="GET /rain-forecast" />}
        {answer.state === 'done' && <RainResult forecast={answer.forecast} />}
      </div>
    </>
  );
}
