// Types of tables.mjs, for the tests that import it.
export declare function resourceTable(resources: readonly { apiVersion: string; kind: string; definition: string; scope?: string }[]): Record<string, Record<string, [string, string]>>;
export declare function shapeTable(definitions: Record<string, object>): Record<string, Record<string, unknown>>;
export declare function listSemantics(schema: Record<string, unknown>): { l: 'map'; k: string[] } | { l: 'set' | 'atomic' };
