import { lambdaTasks } from './load-state-machine';

const arn = (fn: string) => `arn:aws:lambda:us-east-1:123456789012:function:${fn}`;
const task = (fn: string, more: Record<string, unknown> = {}) => ({
  Type: 'Task',
  Resource: arn(fn),
  End: true,
  ...more,
});

describe('lambdaTasks', () => {
  it('finds the Tasks inside Map (ItemProcessor or Iterator) and Parallel states, after the top level', () => {
    const definition = {
      StartAt: 'A',
      States: {
        A: task('a', { End: undefined, Next: 'M' }),
        M: { Type: 'Map', ItemProcessor: { StartAt: 'Inner', States: { Inner: task('inner') } }, Next: 'P' },
        P: {
          Type: 'Parallel',
          Branches: [{ StartAt: 'B1', States: { B1: task('b1') } }],
          Next: 'Old',
        },
        Old: { Type: 'Map', Iterator: { StartAt: 'It', States: { It: task('it') } }, End: true },
      },
    };
    expect(lambdaTasks(definition).map((t) => [t.state, t.functionName])).toEqual([
      ['A', 'a'],
      ['Inner', 'inner'],
      ['B1', 'b1'],
      ['It', 'it'],
    ]);
  });

  it('refuses one state name for two functions: the local handlers are keyed by name', () => {
    const definition = {
      StartAt: 'Work',
      States: {
        Work: task('a', { End: undefined, Next: 'M' }),
        M: { Type: 'Map', ItemProcessor: { StartAt: 'Work', States: { Work: task('b') } }, End: true },
      },
    };
    expect(() => lambdaTasks(definition)).toThrow('two Task states are named Work');
  });
});
