/**
 * A jsdom page in Node's test environment, for screen tests whose REST calls go to the in-process
 * sandbox: the REST client then uses Node's HTTP (jsdom's XHR would refuse the cross-origin call).
 * Import it first: it lends the page's globals (document, location, element classes, events) to
 * Node's global object, keeping Node's own (and no XMLHttpRequest) except the DOM's Event and
 * CustomEvent, which jsdom's dispatchEvent requires.
 */
import { JSDOM } from "jsdom";

const { window } = new JSDOM("<!doctype html><html><body></body></html>", {
  url: "http://localhost/",
});
const DOM_OWN = new Set(["Event", "CustomEvent"]);
for (const key of Object.getOwnPropertyNames(window)) {
  if ((key in globalThis && !DOM_OWN.has(key)) || key === "XMLHttpRequest" || key.startsWith("_"))
    continue;
  Object.defineProperty(globalThis, key, {
    configurable: true,
    get: () => (window as unknown as Record<string, unknown>)[key],
  });
}
Object.assign(globalThis, { window });
