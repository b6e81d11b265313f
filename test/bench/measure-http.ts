import { median, percentile, round, timeRuns } from './stats';

export interface HttpFigures {
  digits_predict_p50_ms: number;
  digits_predict_p99_ms: number;
  digits_predict_runs: number;
}

/**
 * POST /digits/predict with one image through serverless-offline's API Gateway, warm: the
 * whole local request path (HTTP, event mapping, handler, ONNX Runtime, JSON).
 */
export async function measureHttp(
  httpUrl: string,
  image: number[],
  runs: number,
  warmup: number,
): Promise<HttpFigures> {
  const body = JSON.stringify({ images: [image] });
  const post = async () => {
    const res = await fetch(`${httpUrl}/digits/predict`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`POST /digits/predict answered ${res.status}: ${text.slice(0, 300)}`);
  };
  const samples = await timeRuns(post, runs, warmup);
  return {
    digits_predict_p50_ms: round(median(samples), 2),
    digits_predict_p99_ms: round(percentile(samples, 99), 2),
    digits_predict_runs: runs,
  };
}
