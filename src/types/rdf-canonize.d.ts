// Types for rdf-canonize, which ships none: only the call this project makes.
declare module 'rdf-canonize' {
  const canonize: { canonize(dataset: unknown, options: { algorithm: 'RDFC-1.0' }): Promise<string> };
  export default canonize;
}
