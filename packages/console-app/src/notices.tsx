import type { ApiError } from './api';

/** An API error as the API said it: type, status and message. */
export function ErrorNotice({ error, what }: { error: ApiError; what: string }) {
  return (
    <div class="notice error" role="alert">
      <strong>{what} failed</strong>
      {error.status ? ` (${error.status} ${error.type})` : ` (${error.type})`}: {error.message}
    </div>
  );
}

/** A polite "loading" line for screen readers and eyes. */
export function Loading({ what }: { what: string }) {
  return (
    <p class="muted" role="status">
      Loading {what}…
    </p>
  );
}
