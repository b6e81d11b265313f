import * as z from 'zod/mini';

// Plain decimal notation only: no hex (`0x10`), no `NaN` or `Infinity`, no thousands separators.
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const WHOLE = /^[+-]?\d+$/;

/** A number parameter's bounds (inclusive), the unit its messages print and whether it must be whole. */
export interface NumberRule {
  min: number;
  max: number;
  unit?: string;
  whole?: boolean;
}

/**
 * Each numberParam schema's rule, so an API description can say "a number from min to max" where
 * the schema itself only says "text or a number" (its transform does the checking).
 */
export const numberParamRules = z.registry<NumberRule>();

/** A value as messages show it: text quoted and cut at 40 characters, anything else as is. */
export function shown(value: unknown): string {
  return typeof value === 'string' ? `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"` : String(value);
}

/** The number a parameter holds, or why it holds none: the message after the parameter's name. */
export function readNumber(value: string | number, rule: NumberRule): number | { problem: string } {
  const what = rule.whole ? 'a whole number' : 'a number';
  if (typeof value === 'string' && !(rule.whole ? WHOLE : DECIMAL).test(value)) {
    return { problem: `must be ${what}, got ${shown(value)}` };
  }
  const number = Number(value);
  // 1e999 is decimal notation but overflows to Infinity (JSON.parse turns -1e309 into -Infinity too).
  if (!Number.isFinite(number)) return { problem: `must be a finite number, got ${shown(value)}` };
  if (rule.whole && !Number.isInteger(number)) return { problem: `must be ${what}, got ${shown(value)}` };
  if (number < rule.min || number > rule.max) {
    return { problem: `must be between ${rule.min} and ${rule.max}${rule.unit ?? ''}, got ${number}` };
  }
  return number;
}

/**
 * A zod schema for a number parameter: decimal text (a query string) or a JSON number (a direct
 * invocation), finite and within the rule's bounds; its messages name the problem and the value.
 */
export function numberParam(rule: NumberRule) {
  const schema = z.pipe(
    z.union([z.number(), z.string()], {
      error: (issue) => {
        if (issue.input === undefined) return 'is required';
        // z.number() refuses NaN and ±Infinity before readNumber sees them.
        if (typeof issue.input === 'number') return `must be a finite number, got ${issue.input}`;
        return `must be ${rule.whole ? 'a whole number' : 'a number'}, got ${typeof issue.input}`;
      },
    }),
    z.transform((value: string | number, ctx) => {
      const read = readNumber(value, rule);
      if (typeof read === 'number') return read;
      ctx.issues.push({ code: 'custom', input: value, message: read.problem });
      return Number.NaN;
    }),
  );
  return schema.register(numberParamRules, rule);
}
