// Style files under jest (`import './index.scss'`): nothing to load.
export default {}
