import type { Bootstrap } from "../../sandbox/web/bootstrap";
import { offeredActions } from "../../sandbox/web/pages/process";

const boot = (me: string) =>
  ({
    page: "show",
    mobile: false,
    lang: "ja",
    pluginConfigs: {},
    loginUser: { code: me },
    users: [
      { code: "staff1", name: "", groups: ["secretariat"] },
      { code: "viewer", name: "", groups: [] },
      { code: "auditor", name: "", groups: ["audit"] },
    ],
  }) as unknown as Bootstrap;

const promote = { name: "繰り上げ", from: "補欠", to: "当選" };
const withdraw = {
  name: "取消",
  from: "補欠",
  to: "対象外",
  executableUser: { entities: [{ entity: { type: "GROUP", code: "audit" } }] },
};
const assignedTo = (...codes: string[]) => ({
  作業者: { type: "STATUS_ASSIGNEE", value: codes.map((code) => ({ code, name: code })) },
});

describe("the status bar's buttons (kintone: assignees only, or everyone without assignees)", () => {
  test("the record's assignee is offered every action, another user none", () => {
    const record = assignedTo("staff1");
    expect(offeredActions(boot("staff1"), record, [promote, withdraw])).toHaveLength(2);
    expect(offeredActions(boot("viewer"), record, [promote, withdraw])).toEqual([]);
  });

  test("without assignees everyone is offered the actions", () => {
    expect(offeredActions(boot("viewer"), assignedTo(), [promote])).toEqual([promote]);
  });

  test("an action 作業者以外でも実行できる is offered to the users it lists", () => {
    expect(offeredActions(boot("auditor"), assignedTo("staff1"), [promote, withdraw])).toEqual([
      withdraw,
    ]);
  });
});
