import type { Row } from './report-row';

const perS = (v: number) => `${Math.round(v).toLocaleString('en-US')} rows/s`;

/** Batch scoring through POST /batch on the embedded stack (batch-phase.ts). */
export const BATCH_ROWS: Row[] = [
  {
    path: ['batch', 'rows_per_s_1'],
    label: 'batch scoring, housing gbm: 1 shard at a time',
    show: (v, r) =>
      `${perS(v)} (${Number(r.batch.rows ?? 0).toLocaleString('en-US')} rows, ${r.batch.shards ?? '?'} shards)`,
    reference: '—',
  },
  {
    path: ['batch', 'rows_per_s_2'],
    label: 'batch scoring, housing gbm: 2 shards at a time',
    show: perS,
    reference: '—',
  },
  {
    // Two serverless-offline workers on a 2-core machine: at best ×2, less what s3rver and the runner take.
    path: ['batch', 'scaling_2_over_1'],
    label: 'batch scoring: 2 shards at a time ÷ 1',
    show: (v, r) => `×${v.toFixed(2)} (load ${JSON.stringify(r.batch.load_avg_1m)})`,
    target: { min: 1.3, text: '≥ ×1.3' },
    reference: '—',
  },
];
