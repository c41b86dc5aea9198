/** The form fields of an app as the settings page and the app checks read them. */
import { type FormFieldInfo, formFieldInfos } from "../core/settings/fieldTypes";
import type { KintoneClient } from "./kintoneClient";
import { type RetryOptions, withRetry } from "./retry";

/**
 * The fields of `app` the plugin may map. `preview: true` reads the settings not yet deployed
 * (what the administrator is editing on the settings page); the live form otherwise.
 */
export async function readFormFields(
  client: KintoneClient,
  app: number,
  options: { preview?: boolean; retry?: RetryOptions } = {},
): Promise<FormFieldInfo[]> {
  const { properties } = await withRetry(
    () => client.app.getFormFields({ app, preview: options.preview }),
    options.retry,
  );
  return formFieldInfos(properties);
}
