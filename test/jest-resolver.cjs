// @middy/* packages are ESM-only (their `exports` have only an `import` condition), which
// jest's CommonJS resolver cannot see. Resolve them as ESM; swc then compiles them to CJS.
module.exports = (request, options) =>
  options.defaultResolver(
    request,
    request.startsWith('@middy/') ? { ...options, conditions: ['import', 'node', 'default'] } : options,
  );
