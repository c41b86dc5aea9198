/**
 * The sandbox's FormBridge: a public form page that hosts a JavaScript customization with
 * FormBridge's `formBridge` global, and an answer endpoint that writes the answer into the kintone
 * app with the form's API token, server-side, as FormBridge's own server does. Behaviours and their
 * sources: sandbox/FIDELITY.md, "FormBridge (public form)".
 */
import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { getDeployedFields } from "../apps/fields";
import type { SandboxDb } from "../db/database";
import { readBody } from "../http/body";
import { type Router, sendJson } from "../http/router";
import { ensureWebBundle, FORMBRIDGE_BUNDLE } from "../pages/bundle";
import { escapeHtml, scriptJson } from "../pages/shell";
import { createForm, type FormDefinition, findForm } from "./store";

/** What the page's runtime needs of each field: FormBridge takes them from the kintone app. */
export interface FormField {
  code: string;
  type: string;
  label: string;
  required: boolean;
  options: string[];
  defaultValue: unknown;
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, {
    "Content-Type": type,
    "Content-Length": String(Buffer.byteLength(body)),
    "Cache-Control": "no-store",
  });
  res.end(body);
}

function formFields(db: SandboxDb, form: FormDefinition): FormField[] {
  const fields = getDeployedFields(db, form.appId);
  return form.fields.flatMap((code) => {
    const field = fields[code];
    if (!field) return [];
    const options = Object.entries(
      (field.options ?? {}) as Record<string, { label: string; index: string }>,
    )
      .sort(([, a], [, b]) => Number(a.index) - Number(b.index))
      .map(([label]) => label);
    return [
      {
        code,
        type: field.type,
        label: field.label,
        required: field.required === true,
        options,
        defaultValue: field.defaultValue ?? (field.type === "CHECK_BOX" ? [] : ""),
      },
    ];
  });
}

function renderFormPage(form: FormDefinition, fields: FormField[]): string {
  const bootstrap = {
    code: form.code,
    fields,
    confirmScreen: form.confirmScreen,
    fnSetFieldValueError: form.fnSetFieldValueError,
  };
  return `<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml("申込フォーム")}</title>
<link rel="icon" href="data:,">
</head>
<body>
<div id="formbridge-root"></div>
<script id="formbridge-bootstrap" type="application/json">${scriptJson(bootstrap)}</script>
<script src="/sandbox-web/formbridge.js"></script>
<script src="/formbridge/public/${encodeURIComponent(form.code)}/customize.js"></script>
</body>
</html>
`;
}

/** Posts the answer to the app over kintone's REST API with the form's token, as FormBridge does. */
async function writeAnswer(
  req: IncomingMessage,
  form: FormDefinition,
  answer: Record<string, unknown>,
): Promise<{ status: number; body: unknown }> {
  const record: Record<string, { value: unknown }> = {};
  for (const code of form.fields) {
    const field = answer[code] as { value?: unknown } | undefined;
    if (field && "value" in field) record[code] = { value: field.value };
  }
  const port = req.socket.localPort;
  const response = await fetch(`http://127.0.0.1:${port}/k/v1/record.json`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Cybozu-API-Token": form.apiToken },
    body: JSON.stringify({ app: form.appId, record }),
  });
  return { status: response.status, body: await response.json() };
}

export function registerFormBridgeRoutes(
  router: Router,
  deps: { db: SandboxDb; testMode: boolean },
): void {
  const { db } = deps;
  if (deps.testMode) {
    // FormBridge forms are made on FormBridge's admin screens; tests make them here.
    router.page("POST", "/__sandbox/formbridge/forms", async (req, res) => {
      const { params } = await readBody(req);
      const appId = Number(params.app);
      const fields = params.fields;
      if (
        !Number.isInteger(appId) ||
        typeof params.apiToken !== "string" ||
        !Array.isArray(fields) ||
        typeof params.script !== "string"
      ) {
        sendJson(res, 400, { message: "expected {app, apiToken, fields: string[], script}" });
        return;
      }
      const form = createForm(db, {
        appId,
        apiToken: params.apiToken,
        fields: fields.map(String),
        confirmScreen: params.confirmScreen === true,
        fnSetFieldValueError: params.fnSetFieldValueError === true,
        script: params.script,
      });
      sendJson(res, 200, { code: form.code, path: `/formbridge/public/${form.code}` });
    });
  }

  router.page("GET", "/sandbox-web/formbridge.js", async (_req, res) => {
    await ensureWebBundle();
    send(res, 200, "text/javascript; charset=utf-8", readFileSync(FORMBRIDGE_BUNDLE));
  });
  router.page("GET", "/formbridge/public/:code", (_req, res, { params }) => {
    const form = findForm(db, params.code ?? "");
    if (!form) {
      send(res, 404, "text/plain; charset=utf-8", "Not Found");
      return;
    }
    send(res, 200, "text/html; charset=utf-8", renderFormPage(form, formFields(db, form)));
  });
  router.page("GET", "/formbridge/public/:code/customize.js", (_req, res, { params }) => {
    const form = findForm(db, params.code ?? "");
    if (!form) send(res, 404, "text/plain; charset=utf-8", "Not Found");
    else send(res, 200, "text/javascript; charset=utf-8", form.script);
  });
  router.page("POST", "/formbridge/public/:code/answers", async (req, res, { params }) => {
    const form = findForm(db, params.code ?? "");
    if (!form) {
      sendJson(res, 404, { message: "Not Found" });
      return;
    }
    const { params: body } = await readBody(req);
    const answer = (body.record ?? {}) as Record<string, unknown>;
    const { status, body: written } = await writeAnswer(req, form, answer);
    sendJson(res, status, written);
  });
}
