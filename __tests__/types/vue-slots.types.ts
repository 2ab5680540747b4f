// Compiled by `npm run typecheck` (tsc), never run: the slot props of the Vue components as a
// template sees them (vue-tsc types `<template #content="{ Link }">` from `$slots`).
import type { FunctionalComponent } from 'vue'
import type { PrivacyGate } from '../../src/core/types'
import { PrivacyModal, PrivacyModalPortal } from '../../src/vue'

type ModalSlots = InstanceType<typeof PrivacyModal>['$slots']
type PortalSlots = InstanceType<typeof PrivacyModalPortal>['$slots']
type PropsOf<S> = S extends (...args: infer A) => unknown ? A[0] : never

// A slot's props are there whenever the slot renders: `#content="{ Link }"` destructures them.
export const modalLink = (props: PropsOf<ModalSlots['content']>): FunctionalComponent => props.Link
export const modalGate = (props: PropsOf<ModalSlots['body']>): PrivacyGate => props.gate
export const modalContractName = (props: PropsOf<ModalSlots['link']>): string => props.contract.name
export const portalLink = (props: PropsOf<PortalSlots['content']>): FunctionalComponent => props.Link
// Slots without props are called with none; every slot is optional.
export const title = (slots: ModalSlots): unknown => slots.title && slots.title()
export const portalDefault = (slots: PortalSlots): unknown => slots.default && slots.default()
