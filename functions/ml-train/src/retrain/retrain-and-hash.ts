// Retrains models from local data, in memory, and prints one JSON line per event with the
// sha256 of the model.onnx ml-train would publish: compare it with a published metadata.json's
// `onnx.sha256`, or with another machine's run.
//   cd functions/ml-train && npx tsx src/retrain/retrain-and-hash.ts '{"model":"rain","seed":7}' '{"model":"stores"}'
// Events are ml-train's (`{}` is digits); datasets are read from ../../data (or $DATA_DIR).
import { readProvenance } from '../provenance';
import { localDataDir } from './local-data-dir';
import { retrainInMemory } from './retrain-in-memory';

async function main(events: string[]) {
  const dataDir = localDataDir();
  const provenance = readProvenance(process.env);
  for (const event of events.length > 0 ? events : ['{}']) {
    const { model, sha256, metadata } = await retrainInMemory(JSON.parse(event), {
      dataDir,
      provenance,
      log: (message) => process.stderr.write(`[retrain] ${message}\n`),
    });
    process.stdout.write(`${JSON.stringify({ event: JSON.parse(event), model, sha256, metadata })}\n`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
