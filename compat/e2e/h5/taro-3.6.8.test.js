// The H5 flows on the compat app built with the matrix entry of this file's name.
require('./flows')('taro-3.6.8')
