/**
 * Counts every setData of each page from its first render on (pass `onPageOpen` to
 * launchWeapp), and measures windows of that log: `const measure = window()`, act,
 * then `measure()` gives the calls and bytes since.
 */
function setDataLog() {
  const log = []
  return {
    onPageOpen({ instance }) {
      const setData = instance.setData
      instance.setData = function (data, callback) {
        log.push(Buffer.byteLength(JSON.stringify(data)))
        return setData.call(this, data, callback)
      }
    },
    window(start = log.length) {
      return () => {
        const calls = log.slice(start)
        return { calls: calls.length, bytes: calls.reduce((sum, bytes) => sum + bytes, 0) }
      }
    },
  }
}

module.exports = { setDataLog }
