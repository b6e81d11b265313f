import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  asArray,
  type CfnResource,
  type CfnTemplate,
  findFunction,
  type IamStatement,
  readTemplate,
  resourcesOfType,
  roleStatements,
  zipEntryNames,
} from './serverless-package/package-output';
import { type PackagedVariants, packageVariants } from './serverless-package/package-variants';
import type { SlsRun } from './serverless-package/run-sls';

// Packages the service the way `pnpm package` does (esbuild, the real ort-packaging.cjs, the
// real osls) and checks what would be deployed. LocalStack is either absent or a small stub.

const FUNCTIONS = {
  'ml-train': 'serverless-ml-local-ml-train',
  'ml-predict': 'serverless-ml-local-ml-predict',
  'rain-forecast': 'serverless-ml-local-rain-forecast',
  'nearest-store': 'serverless-ml-local-nearest-store',
  invocations: 'serverless-ml-local-invocations',
};
const ROUTES = [
  ['POST /digits/predict', 'ml-predict'],
  ['GET /rain-forecast', 'rain-forecast'],
  ['GET /stores/nearest', 'nearest-store'],
  ['POST /endpoints/{name}/invocations', 'invocations'],
  ['GET /ping', 'invocations'],
] as const;
// Files esbuild plugins write next to one function's handler; no other zip may carry them.
const ASSETS = {
  'ml-train': 'functions/ml-train/src/libsvm.wasm',
  'rain-forecast': 'functions/rain-forecast/src/cities.gaz',
} as const;
// rain-forecast carries its packed gazetteer (5 MB, 2.6 MB zipped): the others stay under 1 MB.
const MAX_ZIP_BYTES: Record<string, number> = { 'rain-forecast': 3_500_000 };
const DATA_BUCKET = 'serverless-ml-local-data';
const MODEL_BUCKET = 'serverless-ml-local-models';
const ORT_MODULES = 'layers/onnxruntime/build/x86_64/nodejs/node_modules';
const ORT_BINDING = `${ORT_MODULES}/onnxruntime-node/bin/napi-v6/linux/x64/onnxruntime_binding.node`;
const BUNDLED_LOG = 'ONNX Runtime is bundled into each function';
const LAYER_LOG = 'ONNX Runtime is attached as the onnxruntime layer';

interface PrintedConfig {
  layers?: Record<string, { compatibleRuntimes?: string[] }>;
  functions: Record<string, { layers?: unknown[]; environment?: Record<string, string> }>;
}

let variants: PackagedVariants;
let runs: PackagedVariants['runs'];
let bundleDir: string;
let layerDir: string;
let bundleTemplate: CfnTemplate;
let layerTemplate: CfnTemplate;

/** Shows the command's output in the failure diff when the exit code is wrong. */
function expectExit(run: SlsRun, expected: 'success' | 'failure'): void {
  const succeeded = run.code === 0;
  // The diff shows only `succeeded`: say what the command printed (its end) when that is wrong.
  const tail = succeeded === (expected === 'success') ? '' : run.output.slice(-3000);
  expect({ succeeded, code: run.code, tail }).toEqual({ succeeded: expected === 'success', code: run.code, tail: '' });
}

function printed(run: SlsRun): PrintedConfig {
  expectExit(run, 'success');
  return JSON.parse(run.stdout);
}

beforeAll(async () => {
  variants = await packageVariants();
  ({ runs, bundleDir, layerDir } = variants);
  expectExit(runs.bundle, 'success');
  expectExit(runs.layer, 'success');
  bundleTemplate = readTemplate(bundleDir);
  layerTemplate = readTemplate(layerDir);
}, 600_000);

afterAll(() => variants?.cleanup());

describe('sls package --stage local with no LocalStack running', () => {
  it('exits 0 instead of hanging on a watcher or an endpoint (killed at 240 s)', () => {
    expectExit(runs.bundle, 'success');
  });

  it('chooses the bundled variant and says so in its log', () => {
    expect(runs.bundle.output).toContain(BUNDLED_LOG);
    expect(runs.bundle.output).not.toContain(LAYER_LOG);
  });

  it("leaves nothing in the OS temp folder (serverless-esbuild's zip staging folders, one per function, are removed)", () => {
    for (const dir of variants.packagingTmpDirs) expect(readdirSync(dir)).toEqual([]);
  });
});

describe('bundled variant: CloudFormation template', () => {
  it.each(Object.entries(FUNCTIONS))('deploys %s as %s on nodejs22.x x86_64 with its handler', (name, functionName) => {
    const [, fn] = findFunction(bundleTemplate, functionName);
    expect(fn.Properties).toMatchObject({
      Runtime: 'nodejs22.x',
      Handler: `functions/${name}/src/handler.handler`,
      Architectures: ['x86_64'],
    });
  });

  it.each(Object.values(FUNCTIONS))('attaches no layer to %s', (functionName) => {
    const [, fn] = findFunction(bundleTemplate, functionName);
    expect(fn.Properties.Layers ?? []).toEqual([]);
    expect(resourcesOfType(bundleTemplate, 'AWS::Lambda::LayerVersion')).toEqual({});
  });

  it.each(Object.values(FUNCTIONS))('points %s at the bundled ONNX Runtime and the project buckets', (functionName) => {
    const [, fn] = findFunction(bundleTemplate, functionName);
    expect(fn.Properties.Environment.Variables).toMatchObject({
      ORT_MODULE_DIR: `/var/task/${ORT_MODULES}`,
      DATA_BUCKET,
      MODEL_BUCKET,
    });
  });

  it.each(ROUTES)('routes %s to %s through the HTTP API', (routeKey, name) => {
    const [predictId] = findFunction(bundleTemplate, FUNCTIONS[name]);
    const routes = Object.values(resourcesOfType(bundleTemplate, 'AWS::ApiGatewayV2::Route'));
    const route = routes.find((r) => r.Properties.RouteKey === routeKey);
    expect(route).toBeDefined();
    const integrations = resourcesOfType(bundleTemplate, 'AWS::ApiGatewayV2::Integration');
    const [integrationId] = Object.entries(integrations).find(
      ([, integration]) => integration.Properties.IntegrationUri?.['Fn::GetAtt']?.[0] === predictId,
    ) ?? ['none'];
    expect(JSON.stringify(route?.Properties.Target)).toContain(`{"Ref":"${integrationId}"}`);
  });

  it('creates the data and model buckets with their stage names', () => {
    expect(bundleTemplate.Resources.DataBucket).toMatchObject({
      Type: 'AWS::S3::Bucket',
      Properties: { BucketName: DATA_BUCKET },
    });
    expect(bundleTemplate.Resources.ModelBucket).toMatchObject({
      Type: 'AWS::S3::Bucket',
      Properties: { BucketName: MODEL_BUCKET },
    });
  });

  it('lets functions write only models, forecast logs, job records and batch outputs, never the datasets', () => {
    const writes = roleStatements(bundleTemplate).filter((s) =>
      asArray(s.Action).some(
        (action) => action.startsWith('s3:') && action !== 's3:GetObject' && action !== 's3:ListBucket',
      ),
    );
    expect(writes.flatMap((s) => asArray(s.Action))).toEqual(['s3:PutObject', 's3:PutObject']);
    expect(writes.flatMap((s) => asArray(s.Resource))).toEqual([
      `arn:aws:s3:::${MODEL_BUCKET}/models/*`,
      `arn:aws:s3:::${MODEL_BUCKET}/forecasts/*`,
      `arn:aws:s3:::${MODEL_BUCKET}/jobs/*`,
      `arn:aws:s3:::${DATA_BUCKET}/batch/*`,
    ]);
  });

  it('grants S3 access to the two project buckets only', () => {
    const allowed = [
      DATA_BUCKET,
      `${DATA_BUCKET}/*`,
      MODEL_BUCKET,
      `${MODEL_BUCKET}/*`,
      `${MODEL_BUCKET}/models/*`,
      `${MODEL_BUCKET}/forecasts/*`,
      `${MODEL_BUCKET}/jobs/*`,
      `${DATA_BUCKET}/batch/*`,
    ].map((r) => `arn:aws:s3:::${r}`);
    const statements = roleStatements(bundleTemplate);
    const s3 = statements.filter((s) => asArray(s.Action).some((action) => /^s3:|^\*$/.test(action)));
    const actions = s3.flatMap((s) => asArray(s.Action));
    const resources = s3.flatMap((s) => asArray(s.Resource));
    expect(actions).toEqual(expect.arrayContaining(['s3:GetObject', 's3:PutObject', 's3:ListBucket']));
    expect(actions.filter((action) => action === '*' || action === 's3:*')).toEqual([]);
    expect(resources.filter((resource) => typeof resource !== 'string' || !allowed.includes(resource))).toEqual([]);
    expect(new Set(resources)).toEqual(new Set(allowed));
  });
});

describe('the training pipeline and the jobs API', () => {
  const ACCOUNT = '123456789012'; // SERVERLESS_ML_ACCOUNT_ID in run-sls.ts
  const lambdaArn = (fn: string) => `arn:aws:lambda:us-east-1:${ACCOUNT}:function:serverless-ml-local-${fn}`;
  const STEPS = ['training-validate', 'ml-train', 'training-evaluate', 'training-promote'];
  const MACHINE = `arn:aws:states:us-east-1:${ACCOUNT}:stateMachine:serverless-ml-local-training`;
  const machine = () => {
    const machines = Object.values(resourcesOfType(bundleTemplate, 'AWS::StepFunctions::StateMachine'));
    const names = machines.map((m) => m.Properties.StateMachineName).sort();
    expect(names).toEqual(['serverless-ml-local-batch-scoring', 'serverless-ml-local-training']);
    return machines.find((m) => m.Properties.StateMachineName === 'serverless-ml-local-training') as CfnResource;
  };

  it('deploys statemachines/training.asl.yml with its Tasks calling the four functions by plain ARN', () => {
    const { Properties } = machine();
    expect(Properties.StateMachineName).toBe('serverless-ml-local-training');
    const definition = JSON.parse(Properties.DefinitionString);
    const tasks = Object.values(definition.States as Record<string, { Type: string; Resource?: string }>)
      .filter((state) => state.Type === 'Task')
      .map((state) => state.Resource);
    expect(tasks).toEqual(STEPS.map(lambdaArn));
    expect(definition.TimeoutSeconds).toBe(1200);
  });

  it("lets the state machine's role invoke those four functions and nothing else", () => {
    const roleId = machine().Properties.RoleArn?.['Fn::GetAtt']?.[0];
    const role = bundleTemplate.Resources[roleId];
    const statements: IamStatement[] = role.Properties.Policies.flatMap(
      (policy: { PolicyDocument: { Statement: IamStatement[] } }) => policy.PolicyDocument.Statement,
    );
    expect(statements.flatMap((s) => asArray(s.Action))).toEqual(['lambda:InvokeFunction']);
    const resources = statements.flatMap((s) => asArray(s.Resource)).map((r) => JSON.stringify(r));
    const expected = STEPS.flatMap((fn) => [
      JSON.stringify(lambdaArn(fn)),
      // biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation's Fn::Sub placeholder
      JSON.stringify({ 'Fn::Sub': ['${functionArn}:*', { functionArn: lambdaArn(fn) }] }),
    ]);
    expect(resources.sort()).toEqual(expected.sort());
  });

  it('lets the functions start, read and stop executions of the two state machines only', () => {
    const states = roleStatements(bundleTemplate).filter((s) => asArray(s.Action).some((a) => a.startsWith('states:')));
    const BATCH = `arn:aws:states:us-east-1:${ACCOUNT}:stateMachine:serverless-ml-local-batch-scoring`;
    expect(states.map((s) => [asArray(s.Action), s.Resource])).toEqual([
      [['states:StartExecution'], MACHINE],
      [
        ['states:DescribeExecution', 'states:GetExecutionHistory', 'states:StopExecution'],
        `arn:aws:states:us-east-1:${ACCOUNT}:execution:serverless-ml-local-training:*`,
      ],
      [['states:StartExecution'], BATCH],
      [
        ['states:DescribeExecution'],
        `arn:aws:states:us-east-1:${ACCOUNT}:execution:serverless-ml-local-batch-scoring:*`,
      ],
    ]);
  });

  it.each(['POST /jobs', 'GET /jobs', 'GET /jobs/{id}', 'DELETE /jobs/{id}'])(
    'routes %s to the jobs function',
    (routeKey) => {
      const [jobsId, jobs] = findFunction(bundleTemplate, 'serverless-ml-local-jobs');
      expect(jobs.Properties.Environment.Variables.TRAINING_STATE_MACHINE_ARN).toBe(MACHINE);
      const route = Object.values(resourcesOfType(bundleTemplate, 'AWS::ApiGatewayV2::Route')).find(
        (r) => r.Properties.RouteKey === routeKey,
      );
      const [integrationId] = Object.entries(resourcesOfType(bundleTemplate, 'AWS::ApiGatewayV2::Integration')).find(
        ([, integration]) => integration.Properties.IntegrationUri?.['Fn::GetAtt']?.[0] === jobsId,
      ) ?? ['none'];
      expect(JSON.stringify(route?.Properties.Target)).toContain(`{"Ref":"${integrationId}"}`);
    },
  );

  it.each(['jobs', 'training-validate', 'training-evaluate', 'training-promote'])(
    '%s.zip holds its handler and no ONNX Runtime files',
    async (name) => {
      const entries = await zipEntryNames(bundleDir, `${name}.zip`);
      const handler =
        name === 'jobs'
          ? 'functions/jobs/src/handler.js'
          : `functions/training-pipeline/src/${name.replace('training-', '')}-handler.js`;
      expect(entries).toContain(handler);
      expect(entries.filter((entry) => /onnxruntime|\.node$|\.so(\.\d+)*$|\.wasm$|\.gaz$/.test(entry))).toEqual([]);
    },
  );
});

describe('bundled variant: function zips', () => {
  it.each(Object.keys(FUNCTIONS))('%s.zip holds its bundled handler.js', async (name) => {
    expect(await zipEntryNames(bundleDir, `${name}.zip`)).toContain(`functions/${name}/src/handler.js`);
  });

  it('ml-train.zip holds libsvm.wasm next to handler.js, where libsvm-js loads it from', async () => {
    expect(await zipEntryNames(bundleDir, 'ml-train.zip')).toContain('functions/ml-train/src/libsvm.wasm');
  });

  it('rain-forecast.zip holds its packed gazetteer next to handler.js', async () => {
    expect(await zipEntryNames(bundleDir, 'rain-forecast.zip')).toContain('functions/rain-forecast/src/cities.gaz');
  });

  it.each(Object.keys(FUNCTIONS))("%s.zip carries no other function's assets", async (name) => {
    const entries = await zipEntryNames(bundleDir, `${name}.zip`);
    const foreign: string[] = Object.entries(ASSETS)
      .filter(([owner]) => owner !== name)
      .map(([, file]) => file);
    expect(entries.filter((entry) => foreign.includes(entry))).toEqual([]);
  });

  it.each(Object.keys(FUNCTIONS))(
    '%s.zip holds the linux x64 ONNX Runtime binding under ORT_MODULE_DIR',
    async (name) => {
      expect(await zipEntryNames(bundleDir, `${name}.zip`)).toContain(ORT_BINDING);
    },
  );

  it.each(Object.keys(FUNCTIONS))('%s.zip holds no darwin, win32 or arm64 binaries', async (name) => {
    const entries = await zipEntryNames(bundleDir, `${name}.zip`);
    expect(entries.filter((entry) => /darwin|win32|arm64|aarch64/i.test(entry))).toEqual([]);
    const binaries = entries.filter((entry) => /\.(node|so(\.\d+)*|dylib|dll)$/.test(entry));
    expect(binaries.filter((entry) => !entry.includes('/bin/napi-v6/linux/x64/'))).toEqual([]);
  });
});

describe('layer variant (--param="ort=layer")', () => {
  it('says in its log that ONNX Runtime comes from the layer', () => {
    expect(runs.layer.output).toContain(LAYER_LOG);
  });

  it('declares the onnxruntime layer for nodejs22.x from the built zip', () => {
    expect(layerTemplate.Resources.OnnxruntimeLambdaLayer).toMatchObject({
      Type: 'AWS::Lambda::LayerVersion',
      Properties: { LayerName: 'onnxruntime', CompatibleRuntimes: ['nodejs22.x'], CompatibleArchitectures: ['x86_64'] },
    });
    expect(layerTemplate.Resources.OnnxruntimeLambdaLayer.Properties.Content.S3Key).toMatch(
      /\/onnxruntime-x86_64\.zip$/,
    );
  });

  it.each(Object.values(FUNCTIONS))('attaches the layer to %s instead of bundling it', (functionName) => {
    const [, fn] = findFunction(layerTemplate, functionName);
    expect(fn.Properties.Layers).toEqual([{ Ref: 'OnnxruntimeLambdaLayer' }]);
    expect(fn.Properties.Environment.Variables).not.toHaveProperty('ORT_MODULE_DIR');
  });

  it.each(Object.keys(FUNCTIONS))('%s.zip holds no ONNX Runtime files and stays small', async (name) => {
    const entries = await zipEntryNames(layerDir, `${name}.zip`);
    expect(entries).toContain(`functions/${name}/src/handler.js`);
    expect(entries.filter((entry) => /onnxruntime|\.node$|\.so(\.\d+)*$/.test(entry))).toEqual([]);
    expect(statSync(path.join(layerDir, `${name}.zip`)).size).toBeLessThanOrEqual(MAX_ZIP_BYTES[name] ?? 1_000_000);
  });
});

describe('model-registry: no ONNX Runtime in either variant, its own least-privilege role', () => {
  const name = 'serverless-ml-local-model-registry';

  it.each([
    'GET /models',
    'GET /models/{name}',
    'GET /models/{name}/versions/{version}/plots/{file}',
    'POST /models/{name}/promote',
    'POST /models/{name}/rollback',
  ])('routes %s to model-registry', (routeKey) => {
    const [registryId] = findFunction(bundleTemplate, name);
    const route = Object.values(resourcesOfType(bundleTemplate, 'AWS::ApiGatewayV2::Route')).find(
      (r) => r.Properties.RouteKey === routeKey,
    );
    const [integrationId] = Object.entries(resourcesOfType(bundleTemplate, 'AWS::ApiGatewayV2::Integration')).find(
      ([, integration]) => integration.Properties.IntegrationUri?.['Fn::GetAtt']?.[0] === registryId,
    ) ?? ['none'];
    expect(JSON.stringify(route?.Properties.Target)).toContain(`{"Ref":"${integrationId}"}`);
  });

  it('runs under its own role that writes only the pointers (models/*/latest.json) and reads the model bucket', () => {
    const [, fn] = findFunction(bundleTemplate, name);
    expect(fn.Properties.Role).toEqual({ 'Fn::GetAtt': ['ModelRegistryRole', 'Arn'] });
    const role = bundleTemplate.Resources.ModelRegistryRole;
    const statements: IamStatement[] = role.Properties.Policies.flatMap(
      (policy: { PolicyDocument: { Statement: IamStatement[] } }) => policy.PolicyDocument.Statement,
    );
    const s3 = statements.filter((st) => asArray(st.Action).some((action) => action.startsWith('s3:')));
    expect(s3.map((st) => [asArray(st.Action), asArray(st.Resource)])).toEqual([
      [['s3:ListBucket'], [`arn:aws:s3:::${MODEL_BUCKET}`]],
      [['s3:GetObject'], [`arn:aws:s3:::${MODEL_BUCKET}/*`]],
      [['s3:PutObject'], [`arn:aws:s3:::${MODEL_BUCKET}/models/*/latest.json`]],
    ]);
  });

  it('attaches no layer and sets no ORT_MODULE_DIR', () => {
    for (const template of [bundleTemplate, layerTemplate]) {
      const [, fn] = findFunction(template, name);
      expect(fn.Properties.Layers ?? []).toEqual([]);
      expect(fn.Properties.Environment.Variables).not.toHaveProperty('ORT_MODULE_DIR');
    }
  });

  it.each([
    ['bundled', () => bundleDir],
    ['layer', () => layerDir],
  ])('model-registry.zip (%s) holds its handler, no ONNX Runtime files, and stays small', async (_variant, dir) => {
    const entries = await zipEntryNames(dir(), 'model-registry.zip');
    expect(entries).toContain('functions/model-registry/src/handler.js');
    expect(entries.filter((entry) => /onnxruntime|\.node$|\.so(\.\d+)*$|\.wasm$|\.gaz$/.test(entry))).toEqual([]);
    expect(statSync(path.join(dir(), 'model-registry.zip')).size).toBeLessThanOrEqual(1_000_000);
  });
});

describe('web-console: the console at / on the same API, no ONNX Runtime', () => {
  const name = 'serverless-ml-local-web-console';

  it.each(['GET /', 'GET /assets/{file}'])('routes %s to web-console', (routeKey) => {
    const [consoleId] = findFunction(bundleTemplate, name);
    const route = Object.values(resourcesOfType(bundleTemplate, 'AWS::ApiGatewayV2::Route')).find(
      (r) => r.Properties.RouteKey === routeKey,
    );
    const [integrationId] = Object.entries(resourcesOfType(bundleTemplate, 'AWS::ApiGatewayV2::Integration')).find(
      ([, integration]) => integration.Properties.IntegrationUri?.['Fn::GetAtt']?.[0] === consoleId,
    ) ?? ['none'];
    expect(JSON.stringify(route?.Properties.Target)).toContain(`{"Ref":"${integrationId}"}`);
  });

  it.each([
    ['bundled', () => bundleDir],
    ['layer', () => layerDir],
  ])('web-console.zip (%s) holds its handler (the built console inside), nothing of ONNX Runtime', async (_v, dir) => {
    const entries = await zipEntryNames(dir(), 'web-console.zip');
    expect(entries).toContain('functions/web-console/src/handler.js');
    expect(entries.filter((entry) => /onnxruntime|\.node$|\.so(\.\d+)*$|\.wasm$|\.gaz$/.test(entry))).toEqual([]);
    expect(statSync(path.join(dir(), 'web-console.zip')).size).toBeLessThanOrEqual(200_000);
  });
});

describe('api-docs: GET /openapi.json, no ONNX Runtime in either variant', () => {
  const name = 'serverless-ml-local-api-docs';

  it('routes GET /openapi.json to api-docs and attaches no layer', () => {
    const [docsId] = findFunction(bundleTemplate, name);
    const route = Object.values(resourcesOfType(bundleTemplate, 'AWS::ApiGatewayV2::Route')).find(
      (r) => r.Properties.RouteKey === 'GET /openapi.json',
    );
    const [integrationId] = Object.entries(resourcesOfType(bundleTemplate, 'AWS::ApiGatewayV2::Integration')).find(
      ([, integration]) => integration.Properties.IntegrationUri?.['Fn::GetAtt']?.[0] === docsId,
    ) ?? ['none'];
    expect(JSON.stringify(route?.Properties.Target)).toContain(`{"Ref":"${integrationId}"}`);
    for (const template of [bundleTemplate, layerTemplate]) {
      expect(findFunction(template, name)[1].Properties.Layers ?? []).toEqual([]);
    }
  });

  it.each([
    ['bundled', () => bundleDir],
    ['layer', () => layerDir],
  ])('api-docs.zip (%s) holds its handler, no ONNX Runtime files, and stays small', async (_variant, dir) => {
    const entries = await zipEntryNames(dir(), 'api-docs.zip');
    expect(entries).toContain('functions/api-docs/src/handler.js');
    expect(entries.filter((entry) => /onnxruntime|\.node$|\.so(\.\d+)*$|\.wasm$|\.gaz$/.test(entry))).toEqual([]);
    expect(statSync(path.join(dir(), 'api-docs.zip')).size).toBeLessThanOrEqual(1_000_000);
  });
});

describe('ort=auto (the default)', () => {
  it('uses the layer when LocalStack reports the pro edition', () => {
    const config = printed(runs.autoPro);
    expect(runs.autoPro.stderr).toContain(LAYER_LOG);
    expect(config.layers?.onnxruntime?.compatibleRuntimes).toEqual(['nodejs22.x']);
    expect(config.functions['ml-predict'].layers).toEqual([{ Ref: 'OnnxruntimeLambdaLayer' }]);
  });

  it('bundles when LocalStack reports the community edition, which runs no layers', () => {
    const config = printed(runs.autoCommunity);
    expect(runs.autoCommunity.stderr).toContain(BUNDLED_LOG);
    expect(config.layers ?? {}).toEqual({});
    expect(config.functions['ml-predict'].layers).toEqual([]);
    expect(config.functions['ml-predict'].environment).toHaveProperty('ORT_MODULE_DIR');
  });

  it('uses the layer when MiniStack answers (its /_localstack/info is a 404), which runs layers on the host', () => {
    const config = printed(runs.autoMiniStack);
    expect(runs.autoMiniStack.stderr).toContain(`${LAYER_LOG} (MiniStack 1.5.33 (light edition) runs Lambda layers`);
    expect(config.functions['ml-predict'].layers).toEqual([{ Ref: 'OnnxruntimeLambdaLayer' }]);
    expect(config.functions['ml-predict'].environment ?? {}).not.toHaveProperty('ORT_MODULE_DIR');
  });

  it('uses the layer on a non-local stage without asking LocalStack', () => {
    const config = printed(runs.prod);
    expect(runs.prod.stderr).toContain(`${LAYER_LOG} (stage "prod" deploys to AWS`);
    expect(config.functions['ml-train'].layers).toEqual([{ Ref: 'OnnxruntimeLambdaLayer' }]);
  });
});

describe('failures', () => {
  it('sls deploy --stage local with no LocalStack fails fast and says how to start one', () => {
    expectExit(runs.deploy, 'failure');
    expect(runs.deploy.elapsedMs).toBeLessThan(20_000);
    expect(runs.deploy.output).toMatch(/No emulator \(MiniStack or LocalStack\) is running at http:\/\/localhost:\d+/);
    expect(runs.deploy.output).toContain('pnpm emulator');
    expect(runs.deploy.output).toContain('pnpm start');
  });

  it('fails a deploy fast with the same advice when the packaging is forced', () => {
    expectExit(runs.deployBundle, 'failure');
    expect(runs.deployBundle.elapsedMs).toBeLessThan(20_000);
    expect(runs.deployBundle.output).toMatch(/No emulator \(MiniStack or LocalStack\) is running/);
  });

  it('rejects --param="ort=foo" naming the param and its allowed values', () => {
    expectExit(runs.invalid, 'failure');
    expect(runs.invalid.output).toContain('param "ort" must be auto, layer or bundle (got "foo")');
  });
});
