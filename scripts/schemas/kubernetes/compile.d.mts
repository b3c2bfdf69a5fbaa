// Types of compile.mjs, for the tests that import it.
export declare const PACKAGE_PREFIXES: readonly RegExp[];
export declare function moduleOf(definition: string): string;
export declare function compileModules(schemas: Record<string, object>): Map<string, string>;
export declare function dropUnusedSchemaConstants(source: string): string;
export declare function compact(source: string): string;
