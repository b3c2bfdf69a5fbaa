// Types of strict.mjs, for the tests that import it.
export declare const REF: 'k8sRef';
export declare const REF_OR_NULL: 'k8sRefOrNull';
export declare const INT_OR_STRING: 'k8sIntOrString';
export declare const QUANTITY_KEYWORD: 'k8sQuantity';
export declare const CLOSED: 'k8sClosed';
export declare const BASE64_KEYWORD: 'k8sBase64';
export declare const REQUIRED: 'k8sRequired';
export declare const INT32_KEYWORD: 'k8sInt32';
export declare const INT64_KEYWORD: 'k8sInt64';
export declare const INT_RANGES: Record<'k8sInt32' | 'k8sInt64', { min: number; max: number }>;
export declare const QUANTITY_PATTERN: string;
export declare const BASE64_PATTERN: string;
export declare function strictSchemas(definitions: Record<string, object>): { schemas: Record<string, Record<string, unknown>>; leaves: Set<string> };
