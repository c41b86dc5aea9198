/**
 * App permissions (spec v2 §3) checked on `GET app/acl` against the one definition setup writes
 * (the app definition's permissions, with the domain's group code): each entry with the same rights, in
 * the same order (kintone applies to a user the first entry that matches), and no other entry that
 * grants a record right.
 */
import { type AppPermission, APP_RIGHTS, type AppRightName } from "../model";
import { about, type CheckedApp } from "./appChecks";
import { type Finding, ok, problem } from "./finding";

/** One entry of `GET app/acl`. */
export type AppRight = { entity: { type: string; code: string | null } } & Partial<
  Record<AppRightName, boolean>
>;

const RIGHT_NAMES: Record<AppRightName, { ja: string; en: string }> = {
  appEditable: { ja: "アプリ管理", en: "manage app" },
  recordViewable: { ja: "閲覧", en: "view" },
  recordAddable: { ja: "追加", en: "add" },
  recordEditable: { ja: "編集", en: "edit" },
  recordDeletable: { ja: "削除", en: "delete" },
  recordImportable: { ja: "ファイルから読み込む", en: "import" },
  recordExportable: { ja: "ファイルに書き出す", en: "export" },
};

const PERMISSIONS = { ja: "アプリのアクセス権", en: "app permissions" };

function entityKey(entity: AppRight["entity"]): string {
  return entity.type === "CREATOR" ? "CREATOR" : `${entity.type}:${entity.code ?? ""}`;
}

function granted(right: AppRight): AppRightName[] {
  return APP_RIGHTS.filter((name) => right[name] === true);
}

function listed(rights: AppRightName[], lang: "ja" | "en"): string {
  if (rights.length === 0) return lang === "ja" ? "なし" : "none";
  return rights.map((name) => RIGHT_NAMES[name][lang]).join(lang === "ja" ? "・" : ", ");
}

/** `expected`: the entries setup writes for the app (its definition, with the domain's group). */
export function checkAppPermissions(
  app: CheckedApp,
  rights: readonly AppRight[],
  expected: readonly AppPermission[],
): Finding[] {
  const subject = about(app, PERMISSIONS);
  const fix = {
    ja: "アプリの設定 > アクセス権 を仕様 v2 §3 のとおりにしてください（followup setup が設定します）",
    en: "set the app's permissions as spec v2 §3 says (followup setup does)",
  };
  const findings: Finding[] = [];
  const position = new Map(rights.map((right, index) => [entityKey(right.entity), index]));
  for (const want of expected) {
    const key = entityKey(want.entity);
    const have = rights[position.get(key) ?? -1];
    const wanted = granted(want);
    const actual = have ? granted(have) : [];
    if (wanted.join() !== actual.join()) {
      findings.push(
        problem(
          subject,
          {
            ja: `${key} の権限が ${listed(actual, "ja")} です（${listed(wanted, "ja")} のはず）`,
            en: `${key} has ${listed(actual, "en")} (should be ${listed(wanted, "en")})`,
          },
          fix,
        ),
      );
    }
  }
  const order = expected
    .map((want) => position.get(entityKey(want.entity)))
    .filter((index): index is number => index !== undefined);
  if (order.some((index, i) => i > 0 && index < (order[i - 1] ?? -1))) {
    findings.push(
      problem(
        subject,
        {
          ja: `優先順位が違います（上から ${expected.map((w) => entityKey(w.entity)).join(" → ")} のはず）`,
          en: `the order differs (should be ${expected.map((w) => entityKey(w.entity)).join(" → ")}, top first)`,
        },
        fix,
      ),
    );
  }
  const expectedKeys = new Set(expected.map((want) => entityKey(want.entity)));
  for (const extra of rights.filter((right) => !expectedKeys.has(entityKey(right.entity)))) {
    const rightsOfExtra = granted(extra);
    if (rightsOfExtra.length === 0) continue;
    findings.push(
      problem(
        subject,
        {
          ja: `仕様にない ${entityKey(extra.entity)} に権限があります（${listed(rightsOfExtra, "ja")}）`,
          en: `${entityKey(extra.entity)}, not in the spec, has rights (${listed(rightsOfExtra, "en")})`,
        },
        fix,
      ),
    );
  }
  if (findings.length > 0) return findings;
  return [
    ok(subject, {
      ja: `仕様どおりです（${expected.map((w) => entityKey(w.entity)).join(" → ")}）`,
      en: `as specified (${expected.map((w) => entityKey(w.entity)).join(" → ")})`,
    }),
  ];
}
