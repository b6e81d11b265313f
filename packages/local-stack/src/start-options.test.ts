import { startOptions } from './start-options';

describe('startOptions', () => {
  it('serves what is promoted by default', () => {
    expect(startOptions([], {})).toEqual({ retrain: false });
    expect(startOptions([], { RETRAIN: '0' })).toEqual({ retrain: false });
  });

  it('retrains with --retrain (pnpm start --retrain or pnpm start -- --retrain) or RETRAIN=1', () => {
    expect(startOptions(['--retrain'], {})).toEqual({ retrain: true });
    expect(startOptions(['--', '--retrain'], {})).toEqual({ retrain: true });
    expect(startOptions([], { RETRAIN: '1' })).toEqual({ retrain: true });
    expect(startOptions([], { RETRAIN: 'true' })).toEqual({ retrain: true });
  });

  it('refuses an argument or a RETRAIN value it does not know, naming it', () => {
    expect(() => startOptions(['--retrian'], {})).toThrow(
      'unknown argument --retrian: pnpm start takes only --retrain',
    );
    expect(() => startOptions([], { RETRAIN: 'please' })).toThrow('RETRAIN must be 1 or 0 (true/false), got "please"');
  });
});
