import type { Bootstrap, DirectoryUser } from "../bootstrap";
import { h } from "../dom";
import type { EventRecord } from "../kintone/effects";
import { screenApi } from "../rest";
import { t } from "../text";
import { type ProcessSettings, shownAction, shownState } from "./appData";

type Action = NonNullable<ProcessSettings["actions"]>[number];

function quote(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

/** Actions from the record's status whose condition the record meets (checked by the server's query engine). */
export async function availableActions(
  appId: number,
  recordId: string,
  process: ProcessSettings,
  status: string,
): Promise<Action[]> {
  const candidates = (process.actions ?? []).filter((action) => action.from === status);
  const checks = await Promise.all(
    candidates.map(async (action) => {
      if (!action.filterCond) return true;
      const answer = await screenApi<{ records: unknown[] }>("/k/v1/records", "GET", {
        app: appId,
        query: `$id = ${quote(recordId)} and (${action.filterCond})`,
        fields: ["$id"],
      }).catch(() => ({ records: [{}] }));
      return answer.records.length > 0;
    }),
  );
  return candidates.filter((_, i) => checks[i]);
}

/** Users who may be chosen as the next status's assignee, when kintone would let the user choose. */
export function assigneeCandidates(
  process: ProcessSettings,
  nextStatus: string,
  record: EventRecord,
  users: DirectoryUser[],
): DirectoryUser[] {
  const state = Object.values(process.states ?? {}).find((each) => each.name === nextStatus);
  const assignee = state?.assignee;
  if (!assignee || assignee.type !== "ONE") return [];
  const codes = new Set<string>();
  for (const { entity } of assignee.entities) {
    if (entity.type === "USER" && entity.code) codes.add(entity.code);
    if (entity.type === "GROUP" && entity.code) {
      for (const user of users) if (user.groups.includes(entity.code)) codes.add(user.code);
    }
    if (entity.type === "CREATOR") {
      const creator = Object.values(record).find((field) => field.type === "CREATOR")?.value as
        { code?: string } | undefined;
      if (creator?.code) codes.add(creator.code);
    }
    if (entity.type === "FIELD_ENTITY" && entity.code) {
      const value = record[entity.code]?.value;
      const chosen = Array.isArray(value) ? value : [];
      chosen.filter((each) => each?.code).forEach((each) => codes.add(String(each.code)));
    }
  }
  return users.filter((user) => codes.has(user.code));
}

/**
 * The actions whose buttons kintone shows this user: all of them to the record's assignees (or to
 * everyone when the record has none), and to others only those marked "作業者以外でも実行できる"
 * that list them.
 */
export function offeredActions(boot: Bootstrap, record: EventRecord, actions: Action[]): Action[] {
  const assignees = Object.values(record).find((field) => field.type === "STATUS_ASSIGNEE")?.value;
  const me = boot.loginUser?.code;
  const mayAct =
    !Array.isArray(assignees) ||
    assignees.length === 0 ||
    assignees.some((each) => each?.code === me);
  const myGroups = boot.users.find((user) => user.code === me)?.groups ?? [];
  const mayRunAnyway = (action: Action) =>
    (action.executableUser?.entities ?? []).some(
      ({ entity }) =>
        (entity.type === "USER" && entity.code === me) ||
        ((entity.type === "GROUP" || entity.type === "ORGANIZATION") &&
          myGroups.includes(entity.code ?? "")),
    );
  return actions.filter((action) => mayAct || mayRunAnyway(action));
}

/** kintone's status bar: the current status, the assignees and one button per available action. */
export function statusBar(
  boot: Bootstrap,
  record: EventRecord,
  actions: Action[],
  process: ProcessSettings,
  onAction: (action: Action, assignee: string | undefined) => void,
): HTMLElement {
  const status = String(
    Object.values(record).find((field) => field.type === "STATUS")?.value ?? "",
  );
  const assignees = Object.values(record).find((field) => field.type === "STATUS_ASSIGNEE")?.value;
  const names = Array.isArray(assignees)
    ? assignees.map((each) => String(each?.name ?? each?.code ?? ""))
    : [];
  const offered = offeredActions(boot, record, actions);
  const chooser = h("div", { class: "sb-assignee-chooser" });
  chooser.hidden = true;
  const bar = h(
    "div",
    { class: "sb-status-bar" },
    h("span", { class: "sb-status-label" }, t("status")),
    h("span", { class: "sb-status-value" }, shownState(process, status)),
    names.length
      ? h("span", { class: "sb-status-assignees" }, `${t("assignee")}: ${names.join(", ")}`)
      : null,
    h(
      "span",
      { class: "sb-status-actions" },
      ...offered.map((action) =>
        h(
          "button",
          {
            type: "button",
            class: "sb-button sb-action",
            dataset: { action: shownAction(process, action) },
            on: {
              click: () => {
                const candidates = assigneeCandidates(process, action.to, record, boot.users);
                if (candidates.length <= 1) {
                  onAction(action, candidates[0]?.code);
                  return;
                }
                showChooser(chooser, candidates, (code) => onAction(action, code));
              },
            },
          },
          shownAction(process, action),
        ),
      ),
    ),
  );
  return h("div", {}, bar, chooser);
}

function showChooser(
  chooser: HTMLElement,
  candidates: DirectoryUser[],
  choose: (code: string) => void,
): void {
  chooser.textContent = "";
  const select = h(
    "select",
    { class: "sb-input sb-assignee-select", name: "assignee" },
    ...candidates.map((user) => h("option", { value: user.code }, user.name)),
  );
  chooser.append(
    h("label", {}, t("chooseAssignee"), " ", select),
    h(
      "button",
      {
        type: "button",
        class: "sb-button sb-button-primary sb-assignee-ok",
        on: {
          click: () => {
            chooser.hidden = true;
            choose(select.value);
          },
        },
      },
      t("proceed"),
    ),
    h(
      "button",
      { type: "button", class: "sb-button", on: { click: () => (chooser.hidden = true) } },
      t("cancel"),
    ),
  );
  chooser.hidden = false;
}
