// aws-local-stepfunctions 3 (its only release line) declares Node ≥ 22 for one API,
// Promise.withResolvers, which @serverless-ml/step-functions-local polyfills on Node 20 before
// loading it (packages/step-functions-local/src/with-resolvers-polyfill.ts; its tests run the
// training pipeline on Node 20). Everything else must support the Node the README asks for:
// .ci/run fails on any other "Unsupported engine".
const NODE_20_WITH_POLYFILL = new Set(['aws-local-stepfunctions']);

module.exports = {
  hooks: {
    readPackage(pkg) {
      if (NODE_20_WITH_POLYFILL.has(pkg.name) && pkg.engines?.node) {
        pkg.engines = { ...pkg.engines, node: '>=20' };
      }
      return pkg;
    },
  },
};
