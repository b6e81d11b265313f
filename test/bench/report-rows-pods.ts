import type { Row } from './report-row';

const perS = (v: number) => `${v.toFixed(0)} objects/s`;
const OBJECTS_TARGET = { min: 500, text: '≥ 500 objects/s' };

/** Pods of many small objects: 20,000 forecast-like records saved to a zip and loaded back (packages/pods/src/bench-small-pods.ts). */
export const SMALL_PODS_ROWS: Row[] = [
  {
    path: ['pods', 'small_objects'],
    label: 'pods, small objects: records of ~2.5 KB',
    show: (v, r) => `${v} (${r.pods.small_state_mb ?? '?'} MB)`,
    reference: '—',
  },
  {
    path: ['pods', 'small_objects_per_s', 'save'],
    label: 'pods, small objects: save to zip',
    show: perS,
    target: OBJECTS_TARGET,
    reference: '—',
  },
  {
    // A save's reads alone (GetObject at the save's concurrency, no hash, no zip): when the save is
    // close to it, the AWS SDK and s3rver set the rate, not the pod code.
    path: ['pods', 'small_get_floor_per_s'],
    label: 'pods, small objects: GetObject alone (save floor)',
    show: perS,
    reference: '—',
  },
  {
    path: ['pods', 'small_objects_per_s', 'load'],
    label: 'pods, small objects: verify + load from zip',
    show: perS,
    target: OBJECTS_TARGET,
    reference: '—',
  },
  {
    // A load's writes alone (PutObject from memory into an empty s3rver, no zip, no hashing).
    path: ['pods', 'small_put_floor_per_s'],
    label: 'pods, small objects: PutObject alone (load floor)',
    show: perS,
    reference: '—',
  },
  {
    // s3rver stores an object as two files. On ext4 without a journal, files deleted in the last
    // 1-6 minutes make each new one cost ~1-2 ms instead of ~0.1: the bench waits that out.
    path: ['pods', 'small_disk_creates_per_s', 'before_load'],
    label: 'pods, small objects: empty files the disk created, before / after the load (waited for it)',
    show: (v, r) => {
      const disk = r.pods.small_disk_creates_per_s;
      const after = disk && typeof disk === 'object' && !Array.isArray(disk) ? disk.after_load : null;
      return `${v} / ${after} files/s (waited ${r.pods.small_disk_wait_s ?? '?'} s)`;
    },
    reference: '—',
  },
  {
    path: ['pods', 'small_peak_rss_mb'],
    label: 'pods, small objects: peak RSS of save/load',
    show: (v) => `${v.toFixed(0)} MB`,
    target: { max: 200, text: '≤ 200 MB' },
    reference: '—',
  },
  {
    // Where the time goes: the pod process (mostly the AWS SDK) and s3rver share the machine's cores.
    path: ['pods', 'small_cpu_ms_per_object', 'save_pod'],
    label: 'pods, small objects: CPU per object, pod process / s3rver',
    show: (v, r) => {
      const cpu = r.pods.small_cpu_ms_per_object;
      const at = (k: string) => (cpu && typeof cpu === 'object' && !Array.isArray(cpu) ? cpu[k] : null);
      return (
        `save ${v} / ${at('save_s3rver')} ms, GetObject alone ${at('get_pod')} / ${at('get_s3rver')} ms, ` +
        `load ${at('load_pod')} / ${at('load_s3rver')} ms, PutObject alone ${at('put_pod')} / ${at('put_s3rver')} ms`
      );
    },
    reference: '—',
  },
];
