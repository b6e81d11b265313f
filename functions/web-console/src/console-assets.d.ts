// Resolved at bundle time by ../esbuild-console-assets.cjs: the console, built by esbuild.
declare module 'console-assets' {
  const files: { path: string; body: string; contentType: string }[];
  export default files;
}
