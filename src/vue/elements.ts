// The Taro components the Vue binding renders, as tags for `h()`. A render function is not
// compiled by Taro's template compiler: on mini-programs Taro's runtime takes the plain
// names, on h5 the tags are Taro's web components (`taro-<name>-core`).
const tag = (name: string) => (process.env.TARO_ENV === 'h5' ? 'taro-' + name + '-core' : name)

export const VIEW = tag('view')
export const TEXT = tag('text')
export const BUTTON = tag('button')
