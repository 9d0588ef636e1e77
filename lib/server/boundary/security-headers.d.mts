export declare const SECURITY_HEADERS: Record<string, string>;
export declare const API_CSP: string;
