import type { Bootstrap } from "../bootstrap";

/** `app.record.x` on desktop, `mobile.app.record.x` on mobile. */
export function eventType(boot: Bootstrap, name: string): string {
  return boot.mobile ? `mobile.app.record.${name}` : `app.record.${name}`;
}

/** The app's pages: `/k/1/`, `/k/m/1/`, and in a guest space `/k/guest/7/1/`, `/k/m/guest/7/1/`. */
export function appBase(boot: Bootstrap, mobile = boot.mobile): string {
  const guest = boot.guestSpaceId ? `/guest/${boot.guestSpaceId}` : "";
  return `${mobile ? "/k/m" : "/k"}${guest}/${boot.appId}/`;
}

export function listUrl(boot: Bootstrap): string {
  return appBase(boot);
}

export function detailUrl(boot: Bootstrap, recordId: string | number): string {
  return boot.mobile
    ? `${appBase(boot)}show?record=${recordId}`
    : `${appBase(boot)}show#record=${recordId}`;
}

export function editUrl(boot: Bootstrap, recordId: string | number): string {
  return boot.mobile
    ? `${appBase(boot)}show?record=${recordId}#mode=edit`
    : `${appBase(boot)}show#record=${recordId}&mode=edit`;
}

export function createUrl(boot: Bootstrap): string {
  return `${appBase(boot)}edit`;
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
