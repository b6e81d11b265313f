export { ensureMiniStack, venvBinaries } from './install-ministack';
export { MINISTACK_VERSION, type MiniStackSettings, miniStackSettings } from './ministack-settings';
export { type RunningMiniStack, startMiniStack } from './start-ministack';
