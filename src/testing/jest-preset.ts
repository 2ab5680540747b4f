// The jest preset of the testing kit: `preset: 'taro-privacy/testing'` in jest.config.js
// (jest loads `taro-privacy/testing/jest-preset`). Paths point at the shipped doubles.
import { join } from 'node:path'

const preset = {
  // Components render into a DOM; miniprogram-simulate (taro-privacy/testing/weapp) needs one too.
  testEnvironment: 'jsdom',
  moduleNameMapper: {
    '^@tarojs/taro$': join(__dirname, 'jest/taro.cjs'),
    '^@tarojs/components$': join(__dirname, 'jest/components.cjs'),
    '\\.(css|scss|sass|less|styl)$': join(__dirname, 'jest/style.cjs'),
  },
  // The compiled app (`taro build` output) runs as built: transforming it would only slow the tests down.
  transformIgnorePatterns: ['/node_modules/', '<rootDir>/dist/'],
}

export default preset
