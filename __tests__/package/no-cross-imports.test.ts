/**
 * @jest-environment node
 */
// The React entry never loads Vue and the Vue entry never loads React: checked on the built
// files (npm run build), following every chunk an entry imports, in both formats.
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'

const dist = join(__dirname, '../../dist')

/** Every bare module an entry file loads, through the chunks it imports. */
function packagesLoadedBy(entry: string): string[] {
  const seen = new Set<string>()
  const packages = new Set<string>()
  const visit = (file: string) => {
    if (seen.has(file)) return
    seen.add(file)
    const code = readFileSync(file, 'utf8')
    for (const [, specifier] of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\(\s*)['"]([^'"]+)['"]/g)) {
      if (specifier.startsWith('.')) {
        if (!specifier.endsWith('.css')) visit(resolve(dirname(file), specifier))
      } else packages.add(specifier)
    }
  }
  visit(join(dist, entry))
  return [...packages].sort()
}

it('finds the built entries (npm run build)', () => {
  for (const entry of ['index.mjs', 'index.cjs', 'vue.mjs', 'vue.cjs', 'core.mjs', 'core.cjs']) expect(existsSync(join(dist, entry))).toBe(true)
})

it.each(['vue.mjs', 'vue.cjs'])('%s loads Vue and Taro, never React', (entry) => {
  expect(packagesLoadedBy(entry)).toEqual(['@tarojs/components', '@tarojs/taro', 'vue'])
})

it.each(['index.mjs', 'index.cjs'])('%s loads React and Taro, never Vue', (entry) => {
  expect(packagesLoadedBy(entry)).toEqual(['@tarojs/components', '@tarojs/taro', 'react', 'react-dom'])
})

it.each(['core.mjs', 'core.cjs'])('%s loads neither framework', (entry) => {
  expect(packagesLoadedBy(entry)).toEqual([])
})
