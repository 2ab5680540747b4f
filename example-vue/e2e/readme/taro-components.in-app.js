// Copied into the fresh app (not part of the docs) and run there by its jest with the docs'
// config: a Vue component that renders Taro's components imported from @tarojs/components
// (as the binding does, and as an app may) works under the preset, although the app has
// React installed (the peer of Taro's h5 components): the imports are plain tags, and a click
// is a tap.
const { mount } = require('@vue/test-utils')
const { defineComponent, h, ref } = require('vue')
const { Button, View } = require('@tarojs/components')

test('@tarojs/components under jest in a Vue app: plain tags; a click is a tap', async () => {
  const taps = ref(0)
  const Page = defineComponent({
    setup: () => () => h(View, { class: 'page' }, [h(Button, { class: 'go', onTap: () => taps.value++ }, '继续')]),
  })
  const wrapper = mount(Page, { attachTo: document.body })

  expect(wrapper.html()).toBe('<view class="page"><button class="go">继续</button></view>')
  await wrapper.find('.go').trigger('click')
  expect(taps.value).toBe(1)
  wrapper.unmount()
})
