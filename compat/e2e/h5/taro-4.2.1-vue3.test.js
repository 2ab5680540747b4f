// The H5 flows on the Vue 3 compat app (../../app-vue) built with the matrix entry of this file's name.
require('./flows')('taro-4.2.1-vue3')
