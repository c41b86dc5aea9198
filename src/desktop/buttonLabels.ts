/**
 * Labels of the plugin's buttons on the list screen, in one place so every text that tells staff
 * which button to press names it exactly as the button reads in their language.
 */
import type { Localized } from "../core/i18n";

export const LIST_BUTTON_LABELS = {
  screen: { ja: "審査", en: "Screen" },
  notice: { ja: "抽選予告", en: "Commit seed" },
  draw: { ja: "抽選", en: "Draw" },
  promote: { ja: "繰り上げ", en: "Promote" },
  sync: { ja: "同期", en: "Sync" },
} as const satisfies Record<string, Localized>;
