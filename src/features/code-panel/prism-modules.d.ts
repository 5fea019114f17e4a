/*
 * @types/prismjs types only the `prismjs` entry, which bundles four languages we do not need.
 * We import the core and one grammar instead, so these declarations map the core to the same
 * types and let the grammar be a side-effect import.
 */
declare module 'prismjs/components/prism-core' {
  import * as Prism from 'prismjs';
  export default Prism;
}

declare module 'prismjs/components/prism-python';
