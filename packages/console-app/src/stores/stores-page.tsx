import { useState } from 'preact/hooks';
import { type ApiError, callApi } from '../api';
import { ErrorNotice } from '../notices';
import { asApiError } from '../use-api';
import { type NearestStores, StoresResult } from './stores-result';

type Answer =
  | { state: 'idle' }
  | { state: 'busy' }
  | { state: 'done'; nearest: NearestStores }
  | { state: 'failed'; error: ApiError };

/** The nearest stores to a latitude/longitude (`GET /stores/nearest`), as a list and a small plot. */
export function StoresPage() {
  const [lat, setLat] = useState('39.153198');
  const [long, setLong] = useState('-77.066176');
  const [k, setK] = useState('5');
  const [answer, setAnswer] = useState<Answer>({ state: 'idle' });

  const submit = async (e: Event) => {
    e.preventDefault();
    setAnswer({ state: 'busy' });
    const query = new URLSearchParams({ lat: lat.trim(), long: long.trim(), k: k.trim() });
    try {
      setAnswer({ state: 'done', nearest: await callApi<NearestStores>(`stores/nearest?${query}`) });
    } catch (error) {
      setAnswer({ state: 'failed', error: asApiError(error) });
    }
  };

  return (
    <>
      <h1 tabIndex={-1}>Nearest stores</h1>
      <p class="lede">
        Exact great-circle nearest neighbours (<code>GET /stores/nearest</code>) over the store catalog (US airports in
        the sample data).
      </p>
      <form class="form" onSubmit={submit}>
        <div class="row">
          <label class="field">
            <span>Latitude (−90…90)</span>
            <input name="lat" inputMode="decimal" required value={lat} onInput={(e) => setLat(e.currentTarget.value)} />
          </label>
          <label class="field">
            <span>Longitude (−180…180)</span>
            <input
              name="long"
              inputMode="decimal"
              required
              value={long}
              onInput={(e) => setLong(e.currentTarget.value)}
            />
          </label>
          <label class="field narrow">
            <span>How many</span>
            <input
              name="k"
              type="number"
              min={1}
              max={50}
              required
              value={k}
              onInput={(e) => setK(e.currentTarget.value)}
            />
          </label>
        </div>
        <button type="submit" disabled={answer.state === 'busy'}>
          Find stores
        </button>
      </form>
      <div aria-live="polite">
        {answer.state === 'busy' && <p class="muted">Searching…</p>}
        {answer.state === 'failed' && <ErrorNotice error={answer.error} what="GET /stores/nearest" />}
        {answer.state === 'done' && <StoresResult nearest={answer.nearest} />}
      </div>
    </>
  );
}
