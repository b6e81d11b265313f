import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** What the serverless variables of a definition resolve to locally (`${aws:region}`, `${sls:stage}`, …). */
export interface DeployVariables {
  region: string;
  accountId: string;
  service: string;
  stage: string;
}

/** A Task state that calls a Lambda function by its plain ARN. */
export interface LambdaTask {
  state: string;
  arn: string;
  /** The function name in the ARN (`serverless-ml-dev-ml-train`). */
  functionName: string;
}

const LAMBDA_ARN = /^arn:aws:lambda:[^:]+:\d{12}:function:([A-Za-z0-9_-]+)$/;

/** Replaces the serverless variables the definition may use; any other `${…}` is an error naming it. */
export function substituteVariables(text: string, vars: DeployVariables): string {
  const values: Record<string, string> = {
    'aws:region': vars.region,
    'aws:accountId': vars.accountId,
    'self:service': vars.service,
    'sls:stage': vars.stage,
  };
  return text.replace(/\$\{([^}]*)\}/g, (whole, name: string) => {
    const value = values[name.trim()];
    if (value === undefined) {
      throw new Error(`the local runner cannot resolve ${whole}: only ${Object.keys(values).join(', ')} are known`);
    }
    return value;
  });
}

/** Resolves the variables in every string of a parsed definition (comments are gone, as for serverless). */
function substituteDeep(value: unknown, vars: DeployVariables): unknown {
  if (typeof value === 'string') return substituteVariables(value, vars);
  if (Array.isArray(value)) return value.map((item) => substituteDeep(item, vars));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, substituteDeep(item, vars)]));
}

/** Reads a state machine's YAML (or JSON) file with its serverless variables resolved. */
export function loadStateMachine(path: string, vars: DeployVariables): Record<string, unknown> {
  const definition = substituteDeep(parse(readFileSync(path, 'utf8')), vars);
  if (typeof definition !== 'object' || definition === null || Array.isArray(definition)) {
    throw new Error(`${path} is not a state machine definition (an object with StartAt and States)`);
  }
  return { ...definition };
}

/** Every Task state of a definition's top level whose Resource is a Lambda ARN. */
export function lambdaTasks(definition: Record<string, unknown>): LambdaTask[] {
  const states = definition.States;
  if (typeof states !== 'object' || states === null) return [];
  const tasks: LambdaTask[] = [];
  for (const [state, body] of Object.entries(states)) {
    const resource: unknown = body?.Type === 'Task' ? body.Resource : undefined;
    const match = typeof resource === 'string' ? LAMBDA_ARN.exec(resource) : null;
    if (typeof resource === 'string' && match) tasks.push({ state, arn: resource, functionName: match[1] });
  }
  return tasks;
}
