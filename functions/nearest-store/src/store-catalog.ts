import '@serverless-ml/config';
import * as z from 'zod/mini';

/** One store of the catalog, as ml-train wrote it and as the API answers it. */
export const storeSchema = z.object({
  id: z.string(),
  name: z.string(),
  address: z.string(),
  latitude: z.number().check(z.gte(-90), z.lte(90)),
  longitude: z.number().check(z.gte(-180), z.lte(180)),
  /** The catalog's other columns (e.g. `state`), as ml-train kept them; absent when it had none. */
  extra: z.optional(z.record(z.string(), z.string())),
});

/** One store of the catalog, as answered. */
export type Store = z.infer<typeof storeSchema>;

const catalogSchema = z.array(storeSchema).check(z.minLength(1));

/** Parses a model version's `stores.json` (the catalog rows in model index order). */
export function parseStoreCatalog(bytes: Uint8Array): Store[] {
  const result = catalogSchema.safeParse(JSON.parse(Buffer.from(bytes).toString('utf8')));
  if (result.success) return result.data;
  const [issue] = result.error.issues;
  throw new Error(`stores.json is not a store catalog: [${issue.path.join('.')}] ${issue.message}`);
}
