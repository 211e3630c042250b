// The npm `jsonld` package ships no types; this declares the part the tests use.
declare module 'jsonld' {
  export interface RemoteDocument {
    contextUrl: string | null;
    documentUrl: string;
    document: unknown;
  }
  export interface ExpandOptions {
    documentLoader?: (url: string) => Promise<RemoteDocument>;
    safe?: boolean;
    base?: string | null;
  }
  const jsonld: {
    expand(input: unknown, options?: ExpandOptions): Promise<unknown[]>;
  };
  export default jsonld;
}
