import { setFlagsFromString } from 'node:v8';

/**
 * Process settings for a command whose only job is a pod (`pnpm pod`, the bench's child). Nearly
 * all it allocates is per-request garbage (S3 requests and their bodies), and V8 let the heap grow to 4× the
 * live set before collecting it (live ~50 MB, RSS 270 MB for 20,000 objects). Growing by 30%
 * instead kept RSS under 190 MB for the same CPU. Only read at each garbage collection, so it is
 * safe to set at run time; not set by library callers (`pnpm start` loads pods in its own process).
 */
export function tunePodProcess(): void {
  setFlagsFromString('--heap-growing-percent=30');
  // The SDK's notice that Node 20 support ends in 2027 would precede every command's output.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
}
