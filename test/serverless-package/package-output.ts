import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readZipEntries } from '../../layers/onnxruntime/read-zip';

/** The parts of a CloudFormation resource these tests look at. */
export interface CfnResource {
  Type: string;
  // biome-ignore lint/suspicious/noExplicitAny: template JSON is checked by the assertions themselves
  Properties: Record<string, any>;
}

export interface CfnTemplate {
  Resources: Record<string, CfnResource>;
}

export interface IamStatement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
}

/** Reads the template `sls package` wrote for an update (the one `sls deploy` would apply). */
export function readTemplate(packageDir: string): CfnTemplate {
  return JSON.parse(readFileSync(path.join(packageDir, 'cloudformation-template-update-stack.json'), 'utf8'));
}

/** The resources of one type, keyed by logical id. */
export function resourcesOfType(template: CfnTemplate, type: string): Record<string, CfnResource> {
  return Object.fromEntries(Object.entries(template.Resources).filter(([, resource]) => resource.Type === type));
}

/** The logical id and resource of the Lambda function deployed under `functionName`. */
export function findFunction(template: CfnTemplate, functionName: string): [string, CfnResource] {
  const hit = Object.entries(resourcesOfType(template, 'AWS::Lambda::Function')).find(
    ([, fn]) => fn.Properties.FunctionName === functionName,
  );
  if (!hit) throw new Error(`No AWS::Lambda::Function named ${functionName} in the template`);
  return hit;
}

/** Every statement of the functions' shared execution role. */
export function roleStatements(template: CfnTemplate): IamStatement[] {
  const role = template.Resources.IamRoleLambdaExecution;
  if (!role) throw new Error('No IamRoleLambdaExecution in the template');
  return role.Properties.Policies.flatMap(
    (policy: { PolicyDocument: { Statement: IamStatement[] } }) => policy.PolicyDocument.Statement,
  );
}

/** Entry names of a zip in the package folder (e.g. `ml-train.zip`). */
export async function zipEntryNames(packageDir: string, zipName: string): Promise<string[]> {
  const entries = await readZipEntries(path.join(packageDir, zipName));
  return entries.map((entry) => entry.name);
}

export function asArray<T>(value: T | T[]): T[] {
  return Array.isArray(value) ? value : [value];
}
