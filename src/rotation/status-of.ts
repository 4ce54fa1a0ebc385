import type { CredentialStatus } from "../api/types.js";
import { isOktaApiError } from "../errors.js";

/** The status of the credential `read` gets, or `undefined` when Okta answers 404: it is gone. */
export async function statusOf(
  read: Promise<{ readonly status: CredentialStatus }>,
): Promise<CredentialStatus | undefined> {
  try {
    return (await read).status;
  } catch (error) {
    if (isOktaApiError(error) && error.status === 404) return undefined;
    throw error;
  }
}
