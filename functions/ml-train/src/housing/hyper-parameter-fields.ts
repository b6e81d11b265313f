import * as z from 'zod/mini';

/** zod/mini fields with defaults, shared by the four algorithms' hyper-parameter schemas. */
export const wholeNumber = (fallback: number, min = 1, max = Number.MAX_SAFE_INTEGER) =>
  z._default(
    z
      .int({ error: 'must be a whole number' })
      .check(z.gte(min, { error: `must be at least ${min}` }), z.lte(max, { error: `must be at most ${max}` })),
    fallback,
  );

export const positiveNumber = (fallback: number) =>
  z._default(z.number({ error: 'must be a number' }).check(z.positive({ error: 'must be greater than 0' })), fallback);

export const nonNegativeNumber = (fallback: number) =>
  z._default(z.number({ error: 'must be a number' }).check(z.gte(0, { error: 'must be at least 0' })), fallback);

/** A share in (0, 1]. */
export const fraction = (fallback: number) =>
  z._default(
    z
      .number({ error: 'must be a number' })
      .check(z.positive({ error: 'must be greater than 0' }), z.lte(1, { error: 'must be at most 1' })),
    fallback,
  );

export const flag = (fallback: boolean) => z._default(z.boolean({ error: 'must be true or false' }), fallback);
