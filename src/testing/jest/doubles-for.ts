/**
 * Which `@tarojs/components` doubles an app's jest tests get, from what the app has installed:
 * the React doubles for a React app, plain tags for a Vue app. A Taro Vue app has React too
 * (npm installs it for `@tarojs/components-react`, which Taro's h5 platform brings, as a
 * peer) but never react-dom, the renderer every React app (and its tests) has.
 */
export function doublesFor(installed: (name: string) => boolean): 'react' | 'tags' {
  if (installed('react-dom')) return 'react'
  return installed('vue') ? 'tags' : 'react'
}
