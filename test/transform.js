/**
 * Jest's TypeScript transform: esbuild strips the types, file by file; the type check is
 * `tsc --noEmit`, which `npm test` runs first. ts-jest did the same job (transpile only, as
 * tsconfig has `isolatedModules`) through the TypeScript compiler, loaded again in every worker:
 * on the cold cache of a fresh clone, test/core plus one integration suite took 27 s with it and
 * 17 s with esbuild. `isolatedModules` keeps every file safe to compile alone.
 */
const crypto = require('node:crypto')
const fs = require('node:fs')
const path = require('node:path')
const esbuild = require('esbuild')

// The compiler options esbuild honours (class-field semantics from the target, decorators) come from the project's tsconfig, as in tsc.
const tsconfigRaw = fs.readFileSync(path.join(__dirname, '..', 'tsconfig.json'), 'utf8')
const self = crypto.createHash('sha256').update(fs.readFileSync(__filename)).update(esbuild.version).update(tsconfigRaw).digest('hex')

module.exports = {
  process(source, file) {
    const { code, map } = esbuild.transformSync(source, {
      loader: path.extname(file).slice(1),
      format: 'cjs',
      target: 'node20',
      jsx: 'automatic',
      // Jest's module registry serves require, not Node's ESM loader: import() becomes a require.
      supported: { 'dynamic-import': false },
      sourcemap: 'external',
      sourcefile: file,
      tsconfigRaw,
      sourcesContent: false,
    })
    return { code, map }
  },
  getCacheKey: (source, file) => crypto.createHash('sha256').update(self).update(file).update(source).digest('hex'),
}
