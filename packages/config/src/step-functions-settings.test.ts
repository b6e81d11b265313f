import { loadStepFunctionsSettings } from './step-functions-settings';

const ARN = 'arn:aws:states:us-east-1:000000000000:stateMachine:serverless-ml-dev-training';

describe('loadStepFunctionsSettings', () => {
  it('uses AWS itself when nothing points elsewhere', () => {
    expect(loadStepFunctionsSettings('MACHINE', { MACHINE: ARN })).toEqual({ stateMachineArn: ARN });
  });

  it("uses the embedded stack's runner offline, with made-up credentials to sign with", () => {
    const env = { MACHINE: ARN, IS_OFFLINE: 'true', EMBEDDED_STEPFUNCTIONS_PORT: '4242' };
    expect(loadStepFunctionsSettings('MACHINE', env)).toEqual({
      stateMachineArn: ARN,
      endpoint: 'http://127.0.0.1:4242',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
  });

  it("prefers an explicit endpoint, then the emulator's, and keeps the function's own credentials there", () => {
    const emulator = { MACHINE: ARN, IS_OFFLINE: 'true', LOCALSTACK_HOSTNAME: 'emu', EDGE_PORT: '4566' };
    expect(loadStepFunctionsSettings('MACHINE', emulator)).toEqual({
      stateMachineArn: ARN,
      endpoint: 'http://emu:4566',
    });
    const explicit = { ...emulator, AWS_ENDPOINT_URL_SFN: 'http://sfn:1' };
    expect(loadStepFunctionsSettings('MACHINE', explicit).endpoint).toBe('http://sfn:1');
  });

  it('fails at cold start naming a missing or malformed ARN', () => {
    expect(() => loadStepFunctionsSettings('MACHINE', {})).toThrow(/MACHINE/);
    expect(() => loadStepFunctionsSettings('MACHINE', { MACHINE: 'training' })).toThrow(
      /MACHINE: must be a state machine ARN/,
    );
  });
});
