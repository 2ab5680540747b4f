import type { PropsWithChildren } from 'react'
import { useEffect } from 'react'
import { store } from './privacy'

export default function App({ children }: PropsWithChildren) {
  useEffect(() => store.mount(), [])
  return children
}
