/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'jsdom',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts?(x)'],
  setupFilesAfterEnv: ['<rootDir>/__tests__/setup/console.ts'],
  transform: {
    '^.+\\.tsx?$': [
      'ts-jest',
      { tsconfig: { jsx: 'react-jsx', module: 'CommonJS', moduleResolution: 'Node10', isolatedModules: true } },
    ],
  },
  // The real @tarojs/taro is an ESM runtime that cannot load under jest: the doubles the
  // package ships (`preset: 'taro-privacy/testing'`), from source.
  moduleNameMapper: {
    '^@tarojs/taro$': '<rootDir>/src/testing/jest/taro.ts',
    '^@tarojs/components$': '<rootDir>/src/testing/jest/components-react.tsx',
  },
}
