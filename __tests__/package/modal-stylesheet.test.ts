/**
 * @jest-environment node
 */
// The modal's look ships as a stylesheet (src/ui/modal.css → dist/modal.css), not as
// inline styles: these check what it must hold, and that the ESM build imports it.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const css = readFileSync(join(__dirname, '../../src/ui/modal.css'), 'utf8')
const code = css.replace(/\/\*[\s\S]*?\*\//g, '')
/** Selector → declarations, for every rule. */
const rules = [...code.matchAll(/([^{}]+)\{([^}]*)\}/g)].flatMap(([, selectors, body]) =>
  selectors.split(',').map((selector) => [selector.trim(), body.replace(/\s+/g, ' ').trim()] as const),
)
const declarationsOf = (selector: string) =>
  rules
    .filter(([candidate]) => candidate === selector)
    .map(([, body]) => body)
    .join(' ')

describe('modal stylesheet', () => {
  it('styles the mask by the root class and every other part by its public class inside it, nothing outside it', () => {
    expect(declarationsOf('.tp-modal')).toContain('position: fixed;')
    for (const part of ['panel', 'title', 'body', 'link', 'actions', 'agree', 'disagree']) {
      expect({ part, declarations: declarationsOf(`.tp-modal .tp-${part}`) }).toEqual({ part, declarations: expect.stringMatching(/\S/) })
    }
    expect(rules.map(([selector]) => selector).filter((selector) => !/^\.tp-modal( |$)/.test(selector))).toEqual([])
  })

  it('keeps the panel above the home indicator (bottom safe area)', () => {
    // On its own declaration (cssnano would fold a padding-bottom into the panel's padding,
    // and a platform without env() would then drop the whole padding).
    expect(declarationsOf('.tp-modal .tp-actions')).toContain('margin-bottom: env(safe-area-inset-bottom);')
    expect(code.match(/env\(/g)).toHaveLength(1)
  })

  it('draws neither button with the platform’s grey ::after border', () => {
    for (const button of ['agree', 'disagree']) {
      expect(declarationsOf(`.tp-modal .tp-${button}::after`)).toBe('border: none;')
    }
  })

  it('writes sizes in PX, which Taro’s pxtransform leaves as they are', () => {
    expect(code.match(/\d+px/g)).toBeNull()
  })

  it('is shipped and imported by the ESM builds of the React and Vue entries only (npm run build)', () => {
    const dist = join(__dirname, '../../dist')
    expect(readFileSync(join(dist, 'modal.css'), 'utf8')).toBe(css)
    const importers = readdirSync(dist, { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.[cm]js$/.test(file))
      .filter((file) => /^import '\.\/modal\.css';$/m.test(readFileSync(join(dist, file), 'utf8')))
    expect(importers).toEqual(['index.mjs', 'vue.mjs'])
  })
})
