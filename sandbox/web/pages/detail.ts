import type { Bootstrap } from "../bootstrap";
import { clear, h, inBackground } from "../dom";
import { cloneRecord, decideSave, type EventRecord } from "../kintone/effects";
import { events } from "../kintone/global";
import { setScreen } from "../kintone/screen";
import { screenApi } from "../rest";
import { t } from "../text";
import { type AppData, loadApp, loadProcess, shownAction, shownState } from "./appData";
import { appHeader, errorBanner, globalHeader } from "./chrome";
import { commentsPane } from "./comments";
import { editUrl, eventType, listUrl, recordLocation } from "./context";
import { restErrorMessages, showForm, valuesToSave } from "./form";
import { availableActions, statusBar } from "./process";
import { recordViewScreen, renderRecord } from "./recordView";

/** The record page: detail, or the edit form when the location says `mode=edit`. */
export async function showRecordPage(boot: Bootstrap, root: HTMLElement): Promise<void> {
  const { recordId, mode } = recordLocation(boot);
  if (!recordId) {
    window.location.href = listUrl(boot);
    return;
  }
  if (mode === "edit") {
    await showForm(boot, root, recordId);
    return;
  }
  await showDetail(boot, root, recordId);
}

/** kintone offers 編集 only to who may edit this record (app and record permissions). */
async function mayEditRecord(boot: Bootstrap, appId: number, recordId: string): Promise<boolean> {
  if (boot.rights?.edit === false) return false;
  const answer = await screenApi<{ rights: Array<{ record: { editable: boolean } }> }>(
    "/k/v1/records/acl/evaluate",
    "GET",
    { app: appId, ids: [recordId] },
  ).catch(() => undefined);
  return answer?.rights[0]?.record.editable ?? true;
}

async function showDetail(boot: Bootstrap, root: HTMLElement, recordId: string): Promise<void> {
  const appId = boot.appId ?? 0;
  const banner = errorBanner();
  let data: AppData;
  let record: EventRecord;
  try {
    [data, record] = await Promise.all([
      loadApp(appId),
      screenApi<{ record: EventRecord }>("/k/v1/record", "GET", { app: appId, id: recordId }).then(
        (a) => a.record,
      ),
    ]);
  } catch (error) {
    clear(root);
    banner.show(restErrorMessages(error).top);
    root.append(globalHeader(boot), h("div", { class: "sb-page" }, banner.element));
    return;
  }
  const [process, editable] = await Promise.all([
    loadProcess(appId),
    mayEditRecord(boot, appId, recordId),
  ]);
  const status = String(
    Object.values(record).find((field) => field.type === "STATUS")?.value ?? "",
  );
  const actions = process.enable ? await availableActions(appId, recordId, process, status) : [];
  const view = renderRecord(data, record, "show");
  const headerMenu = h("div", { class: "sb-record-header-menu" });
  const toolbar = h(
    "div",
    { class: "sb-detail-toolbar" },
    h("a", { class: "sb-button sb-back", href: listUrl(boot) }, t("back")),
    editable
      ? h(
          "a",
          { class: "sb-button sb-edit", href: editUrl(boot, recordId), title: t("editRecord") },
          t("editRecord"),
        )
      : null,
  );
  const bar = process.enable
    ? statusBar(boot, record, actions, process, (action, assignee) => {
        inBackground(proceed(action, assignee));
      })
    : null;

  clear(root);
  root.append(
    globalHeader(boot),
    appHeader(boot, data.app.name),
    h(
      "div",
      { class: `sb-page sb-detail ${boot.mobile ? "sb-mobile-detail" : ""}` },
      toolbar,
      headerMenu,
      bar,
      banner.element,
      view.root,
      commentsPane(appId, recordId, boot.loginUser?.code),
    ),
  );

  const current = record;
  setScreen({
    recordId: () => Number(recordId),
    record: () => cloneRecord(current),
    ...recordViewScreen(view, headerMenu, boot.mobile),
    relatedRecordsTargetAppId: (code) => data.fields[code]?.referenceTable?.relatedApp.app ?? null,
  });

  const showEvent = {
    type: eventType(boot, "detail.show"),
    appId,
    recordId: Number(recordId),
    record: cloneRecord(record),
  };
  await events.dispatch(showEvent.type, showEvent);

  async function proceed(
    action: { name: string; from: string; to: string },
    assignee: string | undefined,
  ): Promise<void> {
    // Named as the user sees them: kintone takes the action in the user's display language.
    const actionName = shownAction(process, action);
    const proceedEvent = {
      type: eventType(boot, "detail.process.proceed"),
      appId,
      recordId: Number(recordId),
      record: cloneRecord(current),
      action: { value: actionName },
      status: { value: shownState(process, status) },
      nextStatus: { value: shownState(process, action.to) },
    };
    const decision = decideSave(current, await events.dispatch(proceedEvent.type, proceedEvent));
    if (!decision.save) {
      banner.show(decision.recordError ? [decision.recordError] : []);
      view.showErrors(decision.fieldErrors);
      return;
    }
    try {
      let revision = current.$revision?.value;
      if (decision.changed) {
        const answer = await screenApi<{ revision: string }>("/k/v1/record", "PUT", {
          app: appId,
          id: recordId,
          record: valuesToSave(data, decision.record),
          revision: revision ?? -1,
        });
        revision = answer.revision;
      }
      await screenApi("/k/v1/record/status", "PUT", {
        app: appId,
        id: recordId,
        action: actionName,
        ...(assignee ? { assignee } : {}),
        revision: revision ?? -1,
      });
    } catch (error) {
      const messages = restErrorMessages(error);
      banner.show(messages.top);
      view.showErrors(messages.fields);
      return;
    }
    await showDetail(boot, root, recordId);
  }
}
