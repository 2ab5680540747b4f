import { View } from '@tarojs/components'
import type { PropsWithChildren, ReactNode } from 'react'

export function Card({ title, text, children }: PropsWithChildren<{ title: string; text?: ReactNode }>) {
  return (
    <View className="card">
      <View className="card__title">{title}</View>
      {text ? <View className="card__text">{text}</View> : null}
      {children}
    </View>
  )
}
