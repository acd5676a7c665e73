// The dashboard's `.graphql` documents are bundled as text (esbuild `text` loader; see ../bundle.ts).
declare module '*.graphql' {
  const source: string;
  export default source;
}
