import { useRef, useState } from 'preact/hooks';
import { type ApiError, postApi } from '../api';
import { ErrorNotice } from '../notices';
import { asApiError } from '../use-api';
import type { Job } from './job';
import {
  asJobModel,
  buildJobRequest,
  DEFAULT_JOB_FORM,
  HOUSING_ALGORITHMS,
  HYPER_PARAMETER_EXAMPLES,
  JOB_MODEL_NAMES,
  JOB_MODELS,
  type JobForm,
} from './job-request';

type Sending =
  | { state: 'idle' }
  | { state: 'busy' }
  | { state: 'invalid'; field: 'seed' | 'hyperParameters'; message: string }
  | { state: 'failed'; error: ApiError };

/** The start-a-job form: checks what it can (seed, JSON) before `POST /jobs`, then hands the job on. */
export function StartJobForm({ onStarted }: { onStarted: (job: Job) => void }) {
  const [form, setForm] = useState<JobForm>(DEFAULT_JOB_FORM);
  const [sending, setSending] = useState<Sending>({ state: 'idle' });
  const seed = useRef<HTMLInputElement>(null);
  const hyper = useRef<HTMLTextAreaElement>(null);
  const set = <K extends keyof JobForm>(name: K, value: JobForm[K]) => setForm((f) => ({ ...f, [name]: value }));
  const takes = JOB_MODELS[form.model];
  const invalid = (field: 'seed' | 'hyperParameters') => sending.state === 'invalid' && sending.field === field;

  const submit = async (e: Event) => {
    e.preventDefault();
    const request = buildJobRequest(form);
    if (!request.ok) {
      setSending({ state: 'invalid', field: request.field, message: request.message });
      (request.field === 'seed' ? seed : hyper).current?.focus();
      return;
    }
    setSending({ state: 'busy' });
    try {
      onStarted(await postApi<Job>('jobs', request.body));
      setSending({ state: 'idle' });
    } catch (error) {
      setSending({ state: 'failed', error: asApiError(error) });
    }
  };

  return (
    <form class="form card" onSubmit={submit} noValidate>
      <h2>Start a training job</h2>
      <div class="row">
        <label class="field">
          <span>Model</span>
          <select name="model" value={form.model} onChange={(e) => set('model', asJobModel(e.currentTarget.value))}>
            {JOB_MODEL_NAMES.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </label>
        {takes.algorithm && (
          <label class="field">
            <span>Algorithm</span>
            <select name="algorithm" value={form.algorithm} onChange={(e) => set('algorithm', e.currentTarget.value)}>
              {HOUSING_ALGORITHMS.map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </select>
          </label>
        )}
        {takes.seed && (
          <label class="field narrow">
            <span>Seed (optional)</span>
            <input
              ref={seed}
              name="seed"
              inputMode="numeric"
              value={form.seed}
              aria-invalid={invalid('seed') || undefined}
              aria-describedby={invalid('seed') ? 'job-form-problem' : undefined}
              onInput={(e) => set('seed', e.currentTarget.value)}
            />
          </label>
        )}
        <label class="field">
          <span>Promote the new version</span>
          <select
            name="promote"
            value={form.promote}
            onChange={(e) => set('promote', e.currentTarget.value === 'always' ? 'always' : 'if-better')}
          >
            <option value="if-better">if better than the promoted one</option>
            <option value="always">always</option>
          </select>
        </label>
      </div>
      {takes.hyperParameters && (
        <label class="field">
          <span>Hyper-parameters (JSON object, optional)</span>
          <textarea
            ref={hyper}
            name="hyperParameters"
            rows={3}
            spellcheck={false}
            placeholder={HYPER_PARAMETER_EXAMPLES[form.model === 'housing' ? form.algorithm : form.model]}
            value={form.hyperParameters}
            aria-invalid={invalid('hyperParameters') || undefined}
            aria-describedby={invalid('hyperParameters') ? 'job-form-problem' : undefined}
            onInput={(e) => set('hyperParameters', e.currentTarget.value)}
          />
        </label>
      )}
      {sending.state === 'invalid' && (
        <p id="job-form-problem" class="notice error" role="alert">
          {sending.message}
        </p>
      )}
      {sending.state === 'failed' && <ErrorNotice error={sending.error} what="POST /jobs" />}
      <button type="submit" disabled={sending.state === 'busy'}>
        {sending.state === 'busy' ? 'Starting…' : 'Start job'}
      </button>
    </form>
  );
}
