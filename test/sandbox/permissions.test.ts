/**
 * App, record and field permissions as kintone documents them (cybozu.dev: update-app-permissions,
 * update-record-permissions, update-field-permissions, evaluate-record-permissions).
 */
import { appRights } from "../../src/apps/model";
import { type ContractTarget, sandboxOnly, startContractTarget } from "../support/contractTarget";
import { kintoneFailure } from "../support/kintoneError";
import { createApplicationsApp, deploy } from "./records-fixtures";

// Dual mode: a fresh sandbox, or a real kintone (see test/support/contractTarget.ts).
let sandbox: ContractTarget;
let app: string;
const admin = () => sandbox.clientAs("admin");

const ALL = appRights(true);
const group = (code: string) => ({ type: "GROUP" as const, code });

beforeAll(async () => {
  sandbox = await startContractTarget();
  app = await createApplicationsApp(admin());
  sandbox.track(app);
});
afterAll(() => sandbox.close());

async function addApplication(name: string): Promise<string> {
  const { id } = await admin().record.addRecord({
    app,
    record: { company_name: { value: name } },
  });
  return id;
}

describe("app permissions", () => {
  test("the live PUT writes and deploys at once; Everyone comes last wherever it is listed", async () => {
    // rest-api-client writes the preview only; the live path is called as kintone documents it.
    const response = await fetch(`${sandbox.baseUrl}/k/v1/app/acl.json`, {
      method: "PUT",
      headers: {
        "Content-Type": "application/json",
        "X-Cybozu-Authorization": sandbox.passwordHeader("admin"),
      },
      body: JSON.stringify({
        app,
        rights: [
          { entity: group("everyone"), recordViewable: true },
          { entity: group("Administrators"), ...ALL },
          {
            entity: group(sandbox.secretariatGroup),
            recordViewable: true,
            recordAddable: true,
            recordEditable: true,
          },
        ],
      }),
    });
    expect(response.status).toBe(200);
    const { rights } = await admin().app.getAppAcl({ app });
    expect(rights.map((r) => r.entity.code)).toEqual([
      "everyone",
      "Administrators",
      sandbox.secretariatGroup,
    ]);
    // staff1 is in everyone and in secretariat: the secretariat entry decides.
    const id = await addApplication("株式会社権限");
    await sandbox.clientAs("staff1").record.updateRecord({
      app,
      id,
      record: { company_name: { value: "株式会社権限２" } },
    });
    const byViewer = await kintoneFailure(
      sandbox.clientAs("viewer").record.updateRecord({ app, id, record: {} }),
    );
    expect(byViewer.code).toBe("CB_NO02");
  });

  test("editing without viewing is refused as kintone refuses it", async () => {
    const error = await kintoneFailure(
      admin().app.updateAppAcl({
        app,
        rights: [{ entity: group(sandbox.secretariatGroup), recordEditable: true }],
      }),
    );
    expect(Object.keys(error.errors as object)).toEqual(["rights[0].recordViewable"]);
  });
});

describe("record and field permissions", () => {
  test("a record right hides matching records from those it does not list; others follow the app", async () => {
    const hidden = await addApplication("非公開");
    const shown = await addApplication("公開");
    await admin().app.updateRecordAcl({
      app,
      rights: [
        {
          filterCond: 'company_name = "非公開"',
          entities: [
            {
              entity: group(sandbox.secretariatGroup),
              viewable: true,
              editable: false,
              deletable: false,
            },
          ],
        },
      ],
    });
    await deploy(admin(), app);
    const viewer = sandbox.clientAs("viewer");
    expect((await kintoneFailure(viewer.record.getRecord({ app, id: hidden }))).code).toBe(
      "CB_NO02",
    );
    await viewer.record.getRecord({ app, id: shown });
    const { records, totalCount } = await viewer.record.getRecords({
      app,
      query: 'company_name in ("非公開", "公開")',
      totalCount: true,
    });
    expect(records.map((r) => r.$id?.value)).toEqual([shown]);
    expect(totalCount).toBe("1");
    const staff = sandbox.clientAs("staff1");
    await staff.record.getRecord({ app, id: hidden });
    const edit = await kintoneFailure(
      staff.record.updateRecord({ app, id: hidden, record: { notes: { value: "x" } } }),
    );
    expect(edit.code).toBe("CB_NO02");
    const { rights } = await staff.app.evaluateRecordsAcl({ app, ids: [hidden, shown] });
    expect(rights.map((r) => [r.id, r.record])).toEqual([
      [hidden, { viewable: true, editable: false, deletable: false }],
      [shown, { viewable: true, editable: true, deletable: false }],
    ]);
    await admin().app.updateRecordAcl({ app, rights: [] });
    await deploy(admin(), app);
  });

  test("a field right: NONE hides the field, READ refuses writing it; evaluate reports both", async () => {
    const id = await addApplication("フィールド権限");
    await admin().app.updateFieldAcl({
      app,
      rights: [
        {
          code: "notes",
          entities: [{ accessibility: "WRITE", entity: group(sandbox.secretariatGroup) }],
        },
        {
          code: "lottery_result",
          entities: [
            { accessibility: "WRITE", entity: group("Administrators") },
            { accessibility: "READ", entity: group("everyone") },
          ],
        },
      ],
    });
    await deploy(admin(), app);
    const viewer = sandbox.clientAs("viewer");
    const { record } = await viewer.record.getRecord({ app, id });
    expect(record.notes).toBeUndefined();
    expect(record.lottery_result?.value).toBe("未抽選");
    const staff = sandbox.clientAs("staff1");
    const refused = await kintoneFailure(
      staff.record.updateRecord({ app, id, record: { lottery_result: { value: "当選" } } }),
    );
    expect(refused.code).toBe("CB_NO02");
    await staff.record.updateRecord({ app, id, record: { notes: { value: "メモ" } } });
    const { rights } = await staff.app.evaluateRecordsAcl({ app, ids: [id] });
    expect(rights[0]?.fields.lottery_result).toEqual({ viewable: true, editable: false });
    expect(rights[0]?.fields.notes).toEqual({ viewable: true, editable: true });
    await admin().app.updateFieldAcl({ app, rights: [] });
    await deploy(admin(), app);
  });

  sandboxOnly("evaluate refuses API tokens (password or session only)", async () => {
    const local = sandbox.sandbox;
    if (!local) throw new Error("sandbox mode only");
    const token = await local.createApiToken(app, { view: true });
    const byToken = await kintoneFailure(
      local.clientWithToken(token).app.evaluateRecordsAcl({ app, ids: ["1"] }),
    );
    expect(byToken.code).toBe("GAIA_NO01");
  });
});
