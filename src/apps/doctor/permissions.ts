/**
 * App permissions of spec v2 §3, checked on `GET app/acl`: applications — secretariat
 * view/add/edit, everyone else view only; questionnaires — secretariat view/add/edit; lottery log —
 * secretariat view/add, nobody edits or deletes. CSV import writes records too, so it counts as a
 * write. Each entry is checked on its own (kintone applies the first entry that matches a user, so
 * an entry that grants more than it should is a problem wherever it stands).
 */
import type { ProgramAppKey } from "../model";
import { about, type CheckedApp } from "./appChecks";
import { type Finding, ok, problem } from "./finding";

export interface AppRight {
  entity: { type: string; code: string | null };
  recordViewable?: boolean;
  recordAddable?: boolean;
  recordEditable?: boolean;
  recordDeletable?: boolean;
  recordImportable?: boolean;
}

type Right = "recordViewable" | "recordAddable" | "recordEditable" | "recordDeletable";

const SECRETARIAT_NEEDS: Record<ProgramAppKey, Right[]> = {
  applications: ["recordViewable", "recordAddable", "recordEditable"],
  questionnaires: ["recordViewable", "recordAddable", "recordEditable"],
  lotteryLog: ["recordViewable", "recordAddable"],
};

const RIGHT_NAMES: Record<Right | "recordImportable", { ja: string; en: string }> = {
  recordViewable: { ja: "閲覧", en: "view" },
  recordAddable: { ja: "追加", en: "add" },
  recordEditable: { ja: "編集", en: "edit" },
  recordDeletable: { ja: "削除", en: "delete" },
  recordImportable: { ja: "ファイルから読み込む", en: "import" },
};

const PERMISSIONS = { ja: "アプリのアクセス権", en: "app permissions" };

function entityName(right: AppRight): string {
  return right.entity.type === "CREATOR"
    ? "CREATOR"
    : `${right.entity.type}:${right.entity.code ?? ""}`;
}

function isSecretariat(right: AppRight, group: string): boolean {
  return right.entity.type === "GROUP" && right.entity.code === group;
}

function granted(right: AppRight, rights: Array<keyof typeof RIGHT_NAMES>): string[] {
  return rights.filter((name) => right[name] === true).map((name) => RIGHT_NAMES[name].ja);
}

function grantedEn(right: AppRight, rights: Array<keyof typeof RIGHT_NAMES>): string[] {
  return rights.filter((name) => right[name] === true).map((name) => RIGHT_NAMES[name].en);
}

export function checkAppPermissions(
  app: CheckedApp,
  rights: readonly AppRight[],
  group: string,
): Finding[] {
  const subject = about(app, PERMISSIONS);
  const fix = {
    ja: "アプリの設定 > アクセス権 を仕様 v2 §3 のとおりにしてください（followup setup が設定します）",
    en: "set the app's permissions as spec v2 §3 says (followup setup does)",
  };
  const findings: Finding[] = [];
  const writes: Array<keyof typeof RIGHT_NAMES> = [
    "recordAddable",
    "recordEditable",
    "recordDeletable",
    "recordImportable",
  ];
  if (app.key === "lotteryLog") {
    const changes: Array<keyof typeof RIGHT_NAMES> = [
      "recordEditable",
      "recordDeletable",
      "recordImportable",
    ];
    for (const right of rights.filter((each) => granted(each, changes).length > 0)) {
      findings.push(
        problem(
          subject,
          {
            ja: `${entityName(right)} が抽選記録を変更できます（${granted(right, changes).join("・")}）。抽選記録は誰も編集・削除できない決まりです`,
            en: `${entityName(right)} may change lottery log records (${grantedEn(right, changes).join(", ")}); nobody may edit or delete them`,
          },
          fix,
        ),
      );
    }
  }
  const secretariat = rights.find((right) => isSecretariat(right, group));
  const lacking = SECRETARIAT_NEEDS[app.key].filter((name) => secretariat?.[name] !== true);
  if (lacking.length > 0) {
    findings.push(
      problem(
        subject,
        {
          ja: `事務局のグループ（${group}）に必要な権限がありません: ${lacking.map((n) => RIGHT_NAMES[n].ja).join("・")}`,
          en: `the secretariat group (${group}) lacks: ${lacking.map((n) => RIGHT_NAMES[n].en).join(", ")}`,
        },
        fix,
      ),
    );
  }
  // On the lottery log, edit/delete/import were reported above for everyone, the secretariat too.
  const otherWrites: Array<keyof typeof RIGHT_NAMES> =
    app.key === "lotteryLog" ? ["recordAddable"] : writes;
  for (const right of rights) {
    if (isSecretariat(right, group) || granted(right, otherWrites).length === 0) continue;
    findings.push(
      problem(
        subject,
        {
          ja: `事務局以外の ${entityName(right)} が書き込めます（${granted(right, otherWrites).join("・")}）`,
          en: `${entityName(right)}, not the secretariat, may write (${grantedEn(right, otherWrites).join(", ")})`,
        },
        fix,
      ),
    );
  }
  if (findings.length === 0) {
    findings.push(
      ok(subject, {
        ja: `事務局（${group}）だけが書き込めます`,
        en: `only the secretariat (${group}) may write`,
      }),
    );
  }
  return findings;
}
