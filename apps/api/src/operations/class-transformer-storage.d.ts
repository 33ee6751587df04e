/** class-transformer's metadata store, at the path its CommonJS build serves it (the package maps no subpaths). */
declare module 'class-transformer/cjs/storage' {
  export { defaultMetadataStorage } from 'class-transformer/types/storage';
}
