// tsc has already compiled src/ to .build/ (JS) and dist/types (declarations);
// rollup only bundles each entry into ESM and CJS with shared chunks.
const external = (id) => /^(react|react-dom|@tarojs\/)/.test(id)

const input = {
  index: '.build/index.js',
  core: '.build/core/index.js',
  testing: '.build/testing/index.js',
}

export default [
  { format: 'es', ext: 'mjs' },
  { format: 'cjs', ext: 'cjs' },
].map(({ format, ext }) => ({
  input,
  external,
  output: {
    dir: 'dist',
    format,
    entryFileNames: `[name].${ext}`,
    chunkFileNames: `chunks/[name]-[hash].${ext}`,
    exports: 'named',
  },
}))
