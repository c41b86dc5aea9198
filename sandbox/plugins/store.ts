import type { SandboxDb } from "../db/database";
import { readSettings, type Stage } from "../apps/store";
import type { PluginManifest, PluginPackage } from "./package";

export interface InstalledPlugin {
  id: string;
  version: string;
  manifest: PluginManifest;
}

interface PluginRow {
  id: string;
  version: string;
  manifest_json: string;
}

function toPlugin(row: PluginRow): InstalledPlugin {
  return { id: row.id, version: row.version, manifest: JSON.parse(row.manifest_json) };
}

/** Stores (or replaces) a plugin with every file of its contents.zip. */
export function savePlugin(db: SandboxDb, pkg: PluginPackage): InstalledPlugin {
  const version = String(pkg.manifest.version);
  const existing = findPlugin(db, pkg.id);
  if (existing) {
    db.prepare("UPDATE plugins SET version = ?, manifest_json = ? WHERE id = ?").run(
      version,
      JSON.stringify(pkg.manifest),
      pkg.id,
    );
    db.prepare("DELETE FROM plugin_files WHERE plugin_id = ?").run(pkg.id);
  } else {
    db.prepare(
      `INSERT INTO plugins (id, version, manifest_json, installed_at, installed_order)
       VALUES (?, ?, ?, ?, (SELECT COALESCE(MAX(installed_order), 0) + 1 FROM plugins))`,
    ).run(pkg.id, version, JSON.stringify(pkg.manifest), new Date().toISOString());
  }
  const insert = db.prepare("INSERT INTO plugin_files (plugin_id, path, data) VALUES (?, ?, ?)");
  for (const [path, data] of pkg.files) insert.run(pkg.id, path, data);
  return { id: pkg.id, version, manifest: pkg.manifest };
}

export function findPlugin(db: SandboxDb, id: string): InstalledPlugin | undefined {
  const row = db.prepare("SELECT * FROM plugins WHERE id = ?").get(id) as PluginRow | undefined;
  return row ? toPlugin(row) : undefined;
}

export function listPlugins(db: SandboxDb): InstalledPlugin[] {
  const rows = db.prepare("SELECT * FROM plugins ORDER BY installed_order").all() as PluginRow[];
  return rows.map(toPlugin);
}

export function deletePlugin(db: SandboxDb, id: string): void {
  db.prepare("DELETE FROM plugin_files WHERE plugin_id = ?").run(id);
  db.prepare("DELETE FROM plugins WHERE id = ?").run(id);
}

/** One file of an installed plugin's contents.zip (e.g. "js/desktop.js"), for the pages. */
export function getPluginFile(db: SandboxDb, pluginId: string, path: string): Buffer | undefined {
  const row = db
    .prepare("SELECT data FROM plugin_files WHERE plugin_id = ? AND path = ?")
    .get(pluginId, path.replace(/^\/+/, "")) as { data: Buffer } | undefined;
  return row?.data;
}

/** The installed plugins added to an app, in the order they were added (kintone's load order). */
export function listAppPlugins(
  db: SandboxDb,
  appId: number,
  stage: Stage = "live",
): InstalledPlugin[] {
  const ids = readSettings<string[]>(db, appId, stage, "plugins");
  return ids.map((id) => findPlugin(db, id)).filter((p): p is InstalledPlugin => Boolean(p));
}

/** Display name in the caller's language, falling back to English as kintone does. */
export function pluginName(plugin: InstalledPlugin, lang: "ja" | "en"): string {
  return plugin.manifest.name[lang] ?? plugin.manifest.name.en ?? plugin.id;
}

export function pluginDescription(plugin: InstalledPlugin, lang: "ja" | "en"): string {
  return plugin.manifest.description?.[lang] ?? plugin.manifest.description?.en ?? "";
}
