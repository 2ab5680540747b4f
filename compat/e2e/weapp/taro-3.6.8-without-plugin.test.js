// The weapp build of the matrix entry of this file's name made without taro-privacy/plugin
// (Taro 3.6.8's Button template lacks the agree event: the tap is lost).
require('./flows').withoutPlugin('taro-3.6.8')
