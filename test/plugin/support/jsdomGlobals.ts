// jsdom lacks some globals a browser (and the plugin bundle) has; lend Node's.
import { webcrypto } from "node:crypto";
import { TextDecoder, TextEncoder } from "node:util";

Object.assign(globalThis, { TextEncoder, TextDecoder });
if (!globalThis.crypto?.subtle) Object.defineProperty(globalThis, "crypto", { value: webcrypto });
