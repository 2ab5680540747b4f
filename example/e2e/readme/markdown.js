// The files and install lines of a README (or a docs page), as a user copies them.

/** A block's first line naming its file: `// src/app.tsx` (scripts, configs) or `<!-- src/pages/index/index.vue -->`. */
const FILE_LINE = [/^\/\/ ([\w./-]+\.[cm]?[jt]sx?)$/, /^<!-- ([\w./-]+\.vue) -->$/]

/**
 * The files of `markdown`: every code block whose first line is just its path (see
 * FILE_LINE), as a map path → content.
 */
function filesIn(markdown) {
  const files = new Map()
  for (const [, code] of markdown.matchAll(/^```[^\n]*\n([\s\S]*?)^```$/gm)) {
    const first = code.split('\n', 1)[0]
    const file = FILE_LINE.map((pattern) => first.match(pattern)).find(Boolean)
    if (file) files.set(file[1], code)
  }
  return files
}

/** The section from `heading` up to the next heading of the same or a higher level. */
function section(markdown, heading) {
  const start = markdown.indexOf(`\n${heading}\n`)
  if (start < 0) throw new Error(`the markdown has no "${heading}"`)
  const level = heading.match(/^#+/)[0].length
  const rest = markdown.slice(start + heading.length + 2)
  const end = rest.search(new RegExp(`^#{1,${level}} `, 'm'))
  return end < 0 ? rest : rest.slice(0, end)
}

/** The section's `npm install --save-dev …` line, as written. */
function installLine(markdown) {
  const line = markdown.match(/^npm install --save-dev (.+)$/m)
  if (!line) throw new Error('the section has no `npm install --save-dev` line')
  return line[0]
}

/** The packages of the section's `npm install --save-dev …` line, as devDependencies. */
function devDependenciesIn(markdown) {
  return Object.fromEntries(
    installLine(markdown)
      .replace(/^npm install --save-dev /, '')
      .split(/\s+/)
      .map((spec) => {
        const at = spec.lastIndexOf('@')
        return at > 0 ? [spec.slice(0, at), spec.slice(at + 1)] : [spec, '*']
      }),
  )
}

/** A section's `src/…` files that are the app (not its tests). */
function appFiles(markdown) {
  return [...filesIn(markdown)].filter(([file]) => file.startsWith('src/') && !file.includes('.test.'))
}

module.exports = { filesIn, section, installLine, devDependenciesIn, appFiles }
