// The jest preset's `@tarojs/components`: React doubles in a React app, plain tags in a Vue app,
// judged from what the app has installed (the fresh Vue app of example-vue/e2e/readme has
// react, as the peer of Taro's h5 components, and must still get tags).
import { doublesFor } from '../../src/testing/jest/doubles-for'

const app = (...packages: string[]) => (name: string) => packages.includes(name)

it.each([
  ['a React app', 'react', app('react', 'react-dom')],
  ['a React app with vue in node_modules too', 'react', app('react', 'react-dom', 'vue')],
  ['a Vue app with the h5 platform (react as a peer of @tarojs/components-react, no react-dom)', 'tags', app('vue', 'react')],
  ['a Vue app without the h5 platform', 'tags', app('vue')],
  ['an app with neither (as before)', 'react', app()],
])('%s gets the %s doubles', (_, expected, installed) => {
  expect(doublesFor(installed)).toBe(expected)
})
