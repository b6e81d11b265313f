import { createHash } from 'node:crypto';
import { AppError, ValidationError } from '@serverless-ml/errors';
import { type InvokeDeps, invokeModel } from '@serverless-ml/invocations';
import type { CsvObjects } from './csv-object';
import { readOwnedRows } from './read-owned-rows';
import { type BatchPart, partKey, type ShardTask } from './schema';

export interface ShardDeps extends InvokeDeps {
  objects: CsvObjects;
  /** Writes a part to the data bucket. */
  putPart(key: string, body: Uint8Array): Promise<void>;
}

/** `text`'s lines in chunks of at most `maxLines` lines, each with its byte offset in `text`. */
function* lineChunks(text: string, maxLines: number): Generator<{ chunk: string; at: number }> {
  let from = 0;
  let at = 0;
  while (from < text.length) {
    let end = from;
    for (let lines = 0; lines < maxLines && end < text.length; lines++) {
      const lf = text.indexOf('\n', end);
      end = lf < 0 ? text.length : lf + 1;
    }
    const chunk = text.slice(from, end);
    yield { chunk, at };
    at += Buffer.byteLength(chunk);
    from = end;
  }
}

/** A chunk's 400 says where in the object: its row numbers count from the chunk's first byte. */
function located(error: unknown, task: ShardTask, byte: number): unknown {
  if (!(error instanceof AppError) || error.statusCode >= 500) return error;
  const where = `s3://${task.input.bucket}/${task.input.key}, shard ${task.shard.index}, the rows from byte ${byte}`;
  return new ValidationError(`${where}: ${error.message}`, error.details, error);
}

/**
 * The Map's per-shard step: reads the rows whose first byte lies in the shard's range, scores them
 * with the pinned version exactly as `POST /endpoints/{model}/invocations` with `Accept: text/csv`
 * would (same parser, same ONNX Runtime session, same CSV answer; at most `maxRows` rows per call),
 * and writes the answers as `batch/<runId>/part-<index>.csv`, one line per row, in row order.
 */
export async function scoreShard(task: ShardTask, deps: ShardDeps): Promise<BatchPart> {
  const { input, shard } = task;
  const { bytes, begin } = await readOwnedRows(deps.objects, input.key, { ...shard, ...input });
  const text = new TextDecoder().decode(bytes);
  const answers: string[] = [];
  let rows = 0;
  for (const { chunk, at } of lineChunks(text, deps.maxRows)) {
    // Blank lines are no rows (csvRecords skips them); a chunk of only blank lines is no call.
    if (chunk.trim() === '') continue;
    const invocation = { kind: 'invoke' as const, model: task.model, version: task.version };
    try {
      const { answer } = await invokeModel({ ...invocation, body: chunk, format: 'csv', answer: 'csv' }, deps);
      answers.push(answer.body);
      rows += answer.body.split('\n').length - 1;
    } catch (error) {
      throw located(error, task, begin + at);
    }
  }
  const part = new TextEncoder().encode(answers.join(''));
  const key = partKey(task.runId, shard.index);
  await deps.putPart(key, part);
  const sha256 = createHash('sha256').update(part).digest('hex');
  return { index: shard.index, key, rows, bytes: part.length, sha256, start: shard.start, end: shard.end };
}
