/**
 * Record comments: `POST record/comment` {app, record, comment: {text, mentions}} → {id},
 * `GET record/comments` {app, record, order, offset, limit} → {comments, older, newer},
 * `DELETE record/comment` {app, record, comment}. Ids count per record, as in kintone.
 */
import { assertAppRight } from "../auth/permissions";
import type { SandboxDb } from "../db/database";
import { errors, KintoneError, type Message } from "../http/errors";
import type { ApiRequest, Router } from "../http/router";
import { loadAppModel } from "./appModel";
import { minuteStamp, userEntry } from "./values";
import { findRecord, statement } from "./store";
import { recordErrors } from "./messages";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS record_comments (
  app_id INTEGER NOT NULL,
  record_id INTEGER NOT NULL,
  id INTEGER NOT NULL,
  text TEXT NOT NULL,
  creator TEXT NOT NULL,
  created_at TEXT NOT NULL,
  mentions TEXT NOT NULL,
  PRIMARY KEY (app_id, record_id, id)
) WITHOUT ROWID;
`;

const TEXT_MAX = 65_535;
const MENTIONS_MAX = 10;
const LIMIT_MAX = 10;
const MENTION_TYPES = ["USER", "GROUP", "ORGANIZATION"];

const required: Message = { ja: "必須です。", en: "Required field." };
const notEnum: Message = {
  ja: "Enum値のいずれかでなければなりません。",
  en: "must be one of the enum value",
};

interface CommentRow {
  id: number;
  text: string;
  creator: string;
  created_at: string;
  mentions: string;
}

export function registerCommentRoutes(router: Router, db: SandboxDb): void {
  db.exec(SCHEMA);
  router.api("POST", "record/comment", addComment);
  router.api("GET", "record/comments", getComments);
  router.api("DELETE", "record/comment", deleteComment);
}

/** The app and record a comment call names; the caller must be able to view both. */
function target(req: ApiRequest): { appId: number; recordId: number } {
  const problems: Record<string, Message[]> = {};
  if (req.params.app === undefined || req.params.app === "") problems.app = [required];
  if (req.params.record === undefined || req.params.record === "") problems.record = [required];
  if (Object.keys(problems).length > 0) throw errors.validation(problems);
  const model = loadAppModel(req.db, req.params.app);
  assertAppRight(req.db, req.auth, model.app.id, "view");
  const recordId = Number(req.params.record);
  if (!Number.isInteger(recordId) || !findRecord(req.db, model.app.id, recordId)) {
    throw recordErrors.recordNotFound(req.params.record);
  }
  return { appId: model.app.id, recordId };
}

function addComment(req: ApiRequest): unknown {
  const { appId, recordId } = target(req);
  const comment = (req.params.comment ?? {}) as { text?: unknown; mentions?: unknown };
  const problems: Record<string, Message[]> = {};
  const text = typeof comment.text === "string" ? comment.text : "";
  if (text.trim() === "") problems["comment.text"] = [required];
  if ([...text].length > TEXT_MAX) {
    problems["comment.text"] = [
      {
        ja: `${TEXT_MAX}文字以下で入力してください。`,
        en: `Enter ${TEXT_MAX} characters or less.`,
      },
    ];
  }
  const mentions = Array.isArray(comment.mentions) ? comment.mentions : [];
  if (mentions.length > MENTIONS_MAX) {
    problems["comment.mentions"] = [
      {
        ja: `宛先は${MENTIONS_MAX}件まで指定できます。`,
        en: `Up to ${MENTIONS_MAX} mentions can be specified.`,
      },
    ];
  }
  const stored = mentions.map((m: { code?: unknown; type?: unknown }, i) => {
    if (typeof m?.code !== "string" || m.code === "") {
      problems[`comment.mentions[${i}].code`] = [required];
    }
    if (!MENTION_TYPES.includes(String(m?.type)))
      problems[`comment.mentions[${i}].type`] = [notEnum];
    return { code: String(m?.code ?? ""), type: String(m?.type ?? "") };
  });
  if (Object.keys(problems).length > 0) throw errors.validation(problems);
  const last = statement(
    req.db,
    "SELECT MAX(id) AS id FROM record_comments WHERE app_id = ? AND record_id = ?",
  ).get(appId, recordId) as { id: number | null };
  const id = (last.id ?? 0) + 1;
  statement(
    req.db,
    "INSERT INTO record_comments (app_id, record_id, id, text, creator, created_at, mentions) VALUES (?, ?, ?, ?, ?, ?, ?)",
  ).run(
    appId,
    recordId,
    id,
    text,
    req.auth.user.code,
    minuteStamp(new Date()),
    JSON.stringify(stored),
  );
  return { id: String(id) };
}

function getComments(req: ApiRequest): unknown {
  const order = req.params.order === undefined ? "desc" : String(req.params.order);
  const offset = req.params.offset === undefined ? 0 : Number(req.params.offset);
  const limit = req.params.limit === undefined ? LIMIT_MAX : Number(req.params.limit);
  const problems: Record<string, Message[]> = {};
  if (order !== "asc" && order !== "desc") problems.order = [notEnum];
  if (!Number.isInteger(offset) || offset < 0) {
    problems.offset = [{ ja: "最小でも0以上です。", en: "must be greater than or equal to 0" }];
  }
  if (!Number.isInteger(limit) || limit < 0 || limit > LIMIT_MAX) {
    problems.limit = [
      {
        ja: `${LIMIT_MAX}以下である必要があります。`,
        en: `must be less than or equal to ${LIMIT_MAX}`,
      },
    ];
  }
  if (Object.keys(problems).length > 0) throw errors.validation(problems);
  const { appId, recordId } = target(req);
  const all = statement(
    req.db,
    `SELECT id, text, creator, created_at, mentions FROM record_comments
       WHERE app_id = ? AND record_id = ? ORDER BY id ${order === "asc" ? "ASC" : "DESC"}`,
  ).all(appId, recordId) as CommentRow[];
  const page = all.slice(offset, offset + limit);
  const ids = page.map((c) => c.id);
  const lowest = Math.min(...ids);
  const highest = Math.max(...ids);
  return {
    comments: page.map((c) => ({
      id: String(c.id),
      text: c.text,
      createdAt: c.created_at,
      creator: userEntry(req.db, c.creator) ?? { code: c.creator, name: c.creator },
      mentions: JSON.parse(c.mentions) as unknown[],
    })),
    older: page.length > 0 && all.some((c) => c.id < lowest),
    newer: page.length > 0 && all.some((c) => c.id > highest),
  };
}

function deleteComment(req: ApiRequest): unknown {
  if (req.params.comment === undefined || req.params.comment === "") {
    throw errors.validation({ comment: [required] });
  }
  const { appId, recordId } = target(req);
  const row = statement(
    req.db,
    "SELECT creator FROM record_comments WHERE app_id = ? AND record_id = ? AND id = ?",
  ).get(appId, recordId, Number(req.params.comment)) as { creator: string } | undefined;
  if (!row) {
    throw new KintoneError(400, "GAIA_RE02", {
      ja: "指定したコメントが存在しません。削除された可能性があります。",
      en: "The specified comment does not exist. The comment may have been deleted.",
    });
  }
  // Only the one who posted a comment may delete it.
  if (row.creator !== req.auth.user.code) throw errors.noPrivilege();
  statement(
    req.db,
    "DELETE FROM record_comments WHERE app_id = ? AND record_id = ? AND id = ?",
  ).run(appId, recordId, Number(req.params.comment));
  return {};
}
