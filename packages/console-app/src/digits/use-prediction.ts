import { useEffect, useState } from 'preact/hooks';
import type { ApiError } from '../api';
import { postApi } from '../api';
import { asApiError } from '../use-api';

/** `POST /digits/predict`'s answer for one image. */
export interface DigitPrediction {
  modelVersion: string;
  classes: number[];
  predictions: { label: number; scores: number[] }[];
}

export type PredictionState =
  | { state: 'idle' }
  | { state: 'pending'; last?: DigitPrediction }
  | { state: 'done'; result: DigitPrediction; image: string }
  | { state: 'failed'; error: ApiError };

/** Waits this long after the last stroke change: one request per pause, not one per pointer move. */
const DEBOUNCE_MS = 150;

/** Predicts `image` (64 values) as it changes, debounced; a newer image cancels the older request. */
export function usePrediction(image: number[] | undefined): PredictionState {
  const [prediction, setPrediction] = useState<PredictionState>({ state: 'idle' });
  const key = image?.join(',');
  useEffect(() => {
    if (!image) {
      setPrediction({ state: 'idle' });
      return;
    }
    setPrediction((p) => ({
      state: 'pending',
      last: p.state === 'done' ? p.result : p.state === 'pending' ? p.last : undefined,
    }));
    const controller = new AbortController();
    const timer = setTimeout(() => {
      postApi<DigitPrediction>('digits/predict', { images: [image] }, { signal: controller.signal }).then(
        (result) => setPrediction({ state: 'done', result, image: image.join(',') }),
        (error: unknown) => {
          if (!controller.signal.aborted) setPrediction({ state: 'failed', error: asApiError(error) });
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [key]); // the image by value (its key), not by array identity
  return prediction;
}
