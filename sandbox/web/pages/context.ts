import type { Bootstrap } from "../bootstrap";

/** `app.record.x` on desktop, `mobile.app.record.x` on mobile. */
export function eventType(boot: Bootstrap, name: string): string {
  return boot.mobile ? `mobile.app.record.${name}` : `app.record.${name}`;
}

export function listUrl(boot: Bootstrap): string {
  return boot.mobile ? `/k/m/${boot.appId}/` : `/k/${boot.appId}/`;
}

export function detailUrl(boot: Bootstrap, recordId: string | number): string {
  return boot.mobile
    ? `/k/m/${boot.appId}/show?record=${recordId}`
    : `/k/${boot.appId}/show#record=${recordId}`;
}

export function editUrl(boot: Bootstrap, recordId: string | number): string {
  return boot.mobile
    ? `/k/m/${boot.appId}/show?record=${recordId}#mode=edit`
    : `/k/${boot.appId}/show#record=${recordId}&mode=edit`;
}

export function createUrl(boot: Bootstrap): string {
  return boot.mobile ? `/k/m/${boot.appId}/edit` : `/k/${boot.appId}/edit`;
}

/** The record id and mode of a record page: from the hash (`#record=1&mode=edit`) or the query. */
export function recordLocation(boot: Bootstrap): { recordId: string | undefined; mode: string } {
  const hash = new URLSearchParams(location.hash.replace(/^#/, ""));
  const query = new URLSearchParams(location.search);
  return {
    recordId: hash.get("record") ?? query.get("record") ?? boot.recordId ?? undefined,
    mode: hash.get("mode") ?? query.get("mode") ?? "show",
  };
}
