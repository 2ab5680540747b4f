import Taro from '@tarojs/taro'
import { defineComponent, h, inject, onMounted, shallowRef, Teleport } from 'vue'
import { Button, Text, View } from 'probe-elements'
import { log, say } from './log'

const AGREE = 'agreePrivacyAuthorization'

/** The page's own render-function component: buttons with each spelling of the open-type and the agree listener. */
export const Probe = defineComponent({
  name: 'Probe',
  setup() {
    const target = shallowRef<unknown>(null)
    say('inject:' + inject('probe', 'none'))
    say('env:' + process.env.TARO_ENV + ':' + process.env.NODE_ENV)
    onMounted(() => {
      const instance = Taro.getCurrentInstance()
      const id = (instance.page as { $taroPath?: string } | null)?.$taroPath
      const root = id ? document.getElementById(id) : null
      say('mounted:' + id + ':' + (root ? 'root' : 'no-root') + ':onShowKey=' + instance.router?.onShow)
      target.value = root
    })
    return () =>
      h(View, { class: 'probe' }, [
        h(Text, { id: 'log' }, log.lines.join('|')),
        h(Button, { id: 'agree-camelprop-lowerlistener', class: 'tp-agree-button probe-class', openType: AGREE, onAgreeprivacyauthorization: () => say('agree:lower') }, 'A'),
        h(Button, { id: 'agree-camelprop-camellistener', openType: AGREE, onAgreePrivacyAuthorization: () => say('agree:camel') }, 'B'),
        h(Button, { id: 'agree-kebabprop-lowerlistener', 'open-type': AGREE, onAgreeprivacyauthorization: () => say('agree:kebabprop') }, 'C'),
        h(Button, { id: 'tap-ontap', onTap: () => say('tap:onTap') }, 'D'),
        h(Button, { id: 'tap-onclick', onClick: () => say('tap:onClick') }, 'E'),
        target.value ? h(Teleport, { to: target.value }, [h(View, { id: 'teleported', class: 'probe-teleported' }, 'teleported-into-root')]) : null,
      ])
  },
})
