/** The HTML shell of every sandbox page: stylesheets, bootstrap JSON, the kintone script, plugin scripts. */
export interface Shell {
  title: string;
  bootstrap: unknown;
  mobile?: boolean;
  stylesheets?: string[];
  scripts?: string[];
  /** Trusted markup only: the installed plugin's own config.html on its settings page. */
  trustedHtml?: string;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** JSON that is safe inside a <script> element: no `<` can close it. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

export function renderShell(shell: Shell): string {
  const links = ["/sandbox-web/kintone.css", ...(shell.stylesheets ?? [])]
    .map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`)
    .join("\n");
  const scripts = (shell.scripts ?? [])
    .map((src) => `<script src="${escapeHtml(src)}"></script>`)
    .join("\n");
  const lang = (shell.bootstrap as { lang?: string }).lang === "en" ? "en" : "ja";
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(shell.title)}</title>
<link rel="icon" href="data:,">
${links}
</head>
<body class="${shell.mobile ? "sb-mobile" : "sb-desktop"}">
<div id="sandbox-root"></div>
${shell.trustedHtml !== undefined ? `<div id="sandbox-plugin-config">${shell.trustedHtml}</div>` : ""}
<script id="sandbox-bootstrap" type="application/json">${scriptJson(shell.bootstrap)}</script>
<script src="/sandbox-web/kintone.js"></script>
${scripts}
</body>
</html>
`;
}
