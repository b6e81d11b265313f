// @middy/* packages are ESM-only (their `exports` have only an `import` condition), which
// jest's CommonJS resolver cannot see. Resolve them as ESM; swc then compiles them to CJS.
// vega-canvas's `node` build top-level-awaits an optional `canvas`, which CommonJS cannot hold: take
// its browser build (no canvas: text widths estimated), as the function bundles do.
module.exports = (request, options) => {
  if (request === 'vega-canvas')
    return options.defaultResolver(request, { ...options, conditions: ['import', 'default'] });
  return options.defaultResolver(
    request,
    request.startsWith('@middy/') ? { ...options, conditions: ['import', 'node', 'default'] } : options,
  );
};
