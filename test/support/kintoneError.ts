import { KintoneRestAPIError } from "@kintone/rest-api-client";

/** The KintoneRestAPIError a call fails with; fails the test when the call succeeds. */
export async function kintoneFailure(call: Promise<unknown>): Promise<KintoneRestAPIError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof KintoneRestAPIError) return error;
    throw error;
  }
  throw new Error("expected the kintone call to fail, but it succeeded");
}
