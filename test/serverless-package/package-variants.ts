import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../support/free-port';
import { startLocalStackStub } from './localstack-stub';
import { runSls, SERVICE_DIR, type SlsRun } from './run-sls';

export type VariantName =
  | 'bundle'
  | 'layer'
  | 'autoPro'
  | 'autoCommunity'
  | 'autoMiniStack'
  | 'prod'
  | 'deploy'
  | 'deployBundle'
  | 'invalid';

/** Every `sls` command the packaging tests look at, with where the two packagings landed. */
export interface PackagedVariants {
  runs: Record<VariantName, SlsRun>;
  bundleDir: string;
  layerDir: string;
  /** The OS temp folders (TMPDIR) the two packagings ran with: what they left there. */
  packagingTmpDirs: string[];
  cleanup: () => Promise<void>;
}

/**
 * Builds the layer, then runs: the bundled and the layer packaging (one after the other: esbuild
 * is the heavy part), and beside them `sls print` under ort=auto against LocalStack and MiniStack stubs, a
 * deploy with no LocalStack and a packaging with an invalid `ort` param.
 */
export async function packageVariants(): Promise<PackagedVariants> {
  // The bundled variant copies the layer's build/ folder and the layer variant uploads its zip.
  await promisify(execFile)('npx', ['tsx', 'layers/onnxruntime/build-layer.ts'], {
    cwd: SERVICE_DIR,
    timeout: 240_000,
  });
  const tempDirs: string[] = [];
  const tempDir = (name: string) => {
    tempDirs.push(mkdtempSync(path.join(tmpdir(), `sls-package-${name}-`)));
    return tempDirs[tempDirs.length - 1];
  };
  // serverless-esbuild work folders of their own, so runs never share or delete each other's builds.
  const workFolder = (name: string) => {
    const folder = `.esbuild-package-test-${process.pid}-${name}`;
    tempDirs.push(path.join(SERVICE_DIR, folder));
    return folder;
  };
  const [pro, community, mini] = await Promise.all(['pro', 'community', 'ministack'].map(startLocalStackStub));
  const cleanup = async () => {
    await Promise.all([pro.close(), community.close(), mini.close()]);
    for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  };
  try {
    const nobody = String(await freePort());
    const [bundleDir, layerDir] = [tempDir('bundle'), tempDir('layer')];
    const packagingTmpDirs = [tempDir('bundle-tmp'), tempDir('layer-tmp')];
    const local = ['--stage', 'local'];
    const print = ['print', '--format', 'json'];
    const packagings = (async () => {
      // A hang (a leftover watcher, an unanswered endpoint) is killed at 240 s and fails the test (ten functions to bundle, 2 cores);
      // how long it takes otherwise depends on the six sls runs beside it, so it is not timed.
      const bundle = await runSls(
        ['package', ...local, '--package', bundleDir],
        { LOCALSTACK_PORT: nobody, ESBUILD_WORK_FOLDER: workFolder('bundle'), TMPDIR: packagingTmpDirs[0] },
        240_000,
      );
      const layer = await runSls(['package', ...local, '--param=ort=layer', '--package', layerDir], {
        LOCALSTACK_PORT: String(pro.port),
        ESBUILD_WORK_FOLDER: workFolder('layer'),
        TMPDIR: packagingTmpDirs[1],
      });
      return { bundle, layer };
    })();
    const [autoPro, autoCommunity, autoMiniStack, prod, deploy, deployBundle, invalid] = await Promise.all([
      runSls([...print, ...local], { LOCALSTACK_PORT: String(pro.port) }),
      runSls([...print, ...local], { LOCALSTACK_PORT: String(community.port) }),
      runSls([...print, ...local], { LOCALSTACK_PORT: String(mini.port) }),
      // Pointed at a community LocalStack: still choosing the layer shows that it was not asked.
      runSls([...print, '--stage', 'prod'], { LOCALSTACK_PORT: String(community.port) }),
      runSls(['deploy', ...local], { LOCALSTACK_PORT: nobody, ESBUILD_WORK_FOLDER: workFolder('deploy') }, 60_000),
      runSls(
        ['deploy', ...local, '--param=ort=bundle'],
        { LOCALSTACK_PORT: nobody, ESBUILD_WORK_FOLDER: workFolder('deployBundle') },
        60_000,
      ),
      runSls(['package', ...local, '--param=ort=foo', '--package', tempDir('invalid')], {
        LOCALSTACK_PORT: nobody,
        ESBUILD_WORK_FOLDER: workFolder('invalid'),
      }),
    ]);
    const runs = { ...(await packagings), autoPro, autoCommunity, autoMiniStack, prod, deploy, deployBundle, invalid };
    return { runs, bundleDir, layerDir, packagingTmpDirs, cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
