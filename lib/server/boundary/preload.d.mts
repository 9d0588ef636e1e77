import type { IncomingMessage } from 'node:http';
export declare const PEER_HEADER: 'x-kp-peer-address';
export declare function stampPeer(req: IncomingMessage): void;
export declare function installPreload(): void;
