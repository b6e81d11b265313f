import { useEffect, useRef } from 'preact/hooks';
import { INPUT_SIDE } from './bitmap';
import type { PredictionState } from './use-prediction';

/** The 8×8 values the model is sent, as grey levels (0 white … 16 black). */
export function InputPreview({ image }: { image: number[] }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    const data = ctx.createImageData(INPUT_SIDE, INPUT_SIDE);
    image.forEach((v, i) => {
      const level = Math.round(255 - (v / 16) * 255);
      data.data.set([level, level, level, 255], i * 4);
    });
    ctx.putImageData(data, 0, 0);
  }, [image]);
  return (
    <figure class="input-preview">
      <canvas
        ref={canvas}
        width={INPUT_SIDE}
        height={INPUT_SIDE}
        role="img"
        aria-label={`The model's input, 8 by 8 values: ${image.join(' ')}`}
        data-values={image.join(',')}
      />
      <figcaption>What the model sees (8×8, 0–16)</figcaption>
    </figure>
  );
}

/** The predicted label, the ten classes' one-vs-one votes, and the model version that answered. */
export function PredictionView({ prediction }: { prediction: PredictionState }) {
  const result =
    prediction.state === 'done' ? prediction.result : prediction.state === 'pending' ? prediction.last : undefined;
  const answer = result?.predictions[0];
  const busy = prediction.state === 'pending';
  const most = answer ? Math.max(1, ...answer.scores) : 1;
  return (
    <section
      class="prediction"
      aria-live="polite"
      aria-busy={busy}
      aria-labelledby="prediction-heading"
      data-for={prediction.state === 'done' ? prediction.image : undefined}
    >
      <h2 id="prediction-heading">Prediction</h2>
      {!answer ? (
        <p class="muted">{busy ? 'Asking the model…' : 'Draw a digit to see what the model says.'}</p>
      ) : (
        <>
          <p class="label-line">
            <output id="predicted-label" class="predicted-label">
              {answer.label}
            </output>
            <span class="muted">{busy ? ' updating…' : ''}</span>
          </p>
          <p class="muted small">
            model version <code id="model-version">{result.modelVersion}</code>
          </p>
          <h3 class="small">Votes per class (one-vs-one)</h3>
          <ol class="scores" start={0}>
            {answer.scores.map((score, i) => (
              <li key={result.classes[i] ?? i} class={result.classes[i] === answer.label ? 'winner' : undefined}>
                <span class="score-class">{result.classes[i] ?? i}</span>
                <span class="bar" aria-hidden="true">
                  <span style={{ width: `${(score / most) * 100}%` }} />
                </span>
                <span class="score-value">{score}</span>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
