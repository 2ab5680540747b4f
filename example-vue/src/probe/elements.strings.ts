// Plain string tags, no import of @tarojs/components.
export const Button = 'button'
export const Text = 'text'
export const View = 'view'
