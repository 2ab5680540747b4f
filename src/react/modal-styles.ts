import type { CSSProperties } from 'react'

export type PrivacyModalPart = 'mask' | 'panel' | 'title' | 'body' | 'link' | 'actions' | 'agree' | 'disagree'

const button: CSSProperties = { flex: 1, margin: '0 12px', fontSize: '16px', borderRadius: '8px' }

export const modalStyles: Record<PrivacyModalPart, CSSProperties> = {
  mask: {
    position: 'fixed',
    top: 0,
    right: 0,
    bottom: 0,
    left: 0,
    zIndex: 9999,
    display: 'flex',
    alignItems: 'flex-end',
    background: 'rgba(0, 0, 0, 0.5)',
  },
  panel: { width: '100%', boxSizing: 'border-box', padding: '24px 20px 32px', background: '#fff', borderRadius: '16px 16px 0 0' },
  title: { marginBottom: '12px', fontSize: '18px', fontWeight: 'bold', textAlign: 'center' },
  body: { marginBottom: '24px', fontSize: '15px', lineHeight: 1.6, color: '#555' },
  link: { color: '#576b95' },
  actions: { display: 'flex' },
  agree: { ...button, color: '#fff', background: '#07c160' },
  disagree: { ...button, color: '#333', background: '#f2f2f2' },
}
