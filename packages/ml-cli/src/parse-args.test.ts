import { parseCommand, UsageError } from './parse-args';

const target = { endpoint: undefined, bucket: undefined, stage: undefined, aws: false };

describe('parseCommand', () => {
  it('parses each models command with its model reference', () => {
    expect(parseCommand(['models', 'list'])).toEqual({ kind: 'list', json: false, target });
    expect(parseCommand(['models', 'show', 'digits', '--json'])).toEqual({
      kind: 'show',
      name: 'digits',
      json: true,
      target,
    });
    expect(parseCommand(['models', 'show', 'digits@v1'])).toMatchObject({ name: 'digits', version: 'v1' });
    expect(parseCommand(['models', 'promote', 'rain@v2'])).toMatchObject({
      kind: 'promote',
      name: 'rain',
      version: 'v2',
    });
    expect(parseCommand(['models', 'rollback', 'stores'])).toMatchObject({ kind: 'rollback', name: 'stores' });
  });

  it('reads the target options', () => {
    const parsed = parseCommand(['models', 'list', '--endpoint', 'http://s3:1', '--bucket', 'b', '--stage', 'x']);
    expect(parsed).toMatchObject({ target: { endpoint: 'http://s3:1', bucket: 'b', stage: 'x', aws: false } });
    expect(parseCommand(['models', 'list', '--aws'])).toMatchObject({ target: { aws: true } });
  });

  it('answers help for no arguments or --help', () => {
    expect(parseCommand([])).toEqual({ kind: 'help' });
    expect(parseCommand(['models', 'list', '-h'])).toEqual({ kind: 'help' });
  });

  it.each([
    [['model', 'list'], /unknown command "model"/],
    [['models'], /models needs a command/],
    [['models', 'delete', 'digits'], /unknown models command "delete"/],
    [['models', 'promote', 'digits'], /promote needs a version: digits@<version>/],
    [['models', 'promote'], /promote needs a model, e.g. digits@<version>/],
    [['models', 'rollback', 'digits@v1'], /rollback takes a model name only/],
    [['models', 'show', 'digits@'], /"digits@" is not <name>@<version>/],
    [['models', 'list', 'digits'], /list takes no model/],
    [['models', 'list', '--colour'], /Unknown option '--colour'/],
    [['models', 'list', '--aws', '--endpoint', 'http://x'], /either --aws or --endpoint/],
  ])('refuses %j with a usage error naming the problem', (argv, message) => {
    expect(() => parseCommand(argv)).toThrow(UsageError);
    expect(() => parseCommand(argv)).toThrow(message);
  });
});
