import type { ClientSecret, Jwk, NewJwk } from "../api/types.js";
import type { OktaClient } from "../client.js";
import { rotateListedSecrets } from "../rotation/rotate-client-secret.js";
import { rotateListedKeys } from "../rotation/rotate-jwk.js";
import type { AppRotation } from "./fleet-app.js";
import { KEYS, SECRETS } from "./fleet-kind.js";
import { type FleetRotationOptions, resolveFleetRotation } from "./fleet-rotation-options.js";
import { rotateApp } from "./rotate-app.js";
import { forEachApp } from "./run-fleet.js";

/** Options of {@link rotateKeys}: those of every fleet rotation, and where each app's new key comes from. */
export interface KeyFleetRotationOptions extends FleetRotationOptions<Jwk> {
  /** The new public signing key for an app (with a fresh `kid`); called once per app that is due. */
  readonly newKey: (appId: string) => Promise<NewJwk>;
}

/**
 * Rotates the client secret of every app that is due (`ifOlderThan`), with {@link rotateClientSecret}'s checks
 * and rollback per app; an app with an inactive second secret has it deleted first. With `grace`, rotations take
 * two runs (see {@link FleetRotationOptions.grace}); a run does whichever phase each app needs, so running it on a
 * schedule is safe and a second run the same day changes nothing. A failed app is reported and the run goes on.
 * Apps share the client's throttle, so the run goes as fast as Okta's rate limit allows, without 429s.
 * @throws {TypeError} for invalid app ids or options, before any request.
 */
export async function rotateSecrets(
  okta: OktaClient,
  appIds: readonly string[],
  options: FleetRotationOptions<ClientSecret>,
): Promise<AppRotation[]> {
  const settings = resolveFleetRotation(appIds, options);
  return forEachApp(settings, (appId) =>
    rotateApp(
      okta,
      SECRETS,
      settings,
      (id, fleet, each) => {
        const { listed } = fleet;
        const inactive = listed.length >= 2 ? listed.find((s) => s.status === "INACTIVE") : undefined;
        return rotateListedSecrets(
          okta,
          id,
          { ...each, ...(inactive ? { deleteInactive: inactive.id } : {}) },
          fleet,
        );
      },
      appId,
    ),
  );
}

/**
 * Rotates the signing key of every app that is due, as {@link rotateSecrets} does secrets, with
 * {@link rotateJwk} per app and the key `newKey` gives for it.
 * @throws {TypeError} for invalid app ids or options, before any request.
 */
export async function rotateKeys(
  okta: OktaClient,
  appIds: readonly string[],
  options: KeyFleetRotationOptions,
): Promise<AppRotation[]> {
  const settings = resolveFleetRotation(appIds, options);
  if (typeof options.newKey !== "function")
    throw new TypeError("options.newKey must be a function (appId) => key");
  return forEachApp(settings, (appId) =>
    rotateApp(
      okta,
      KEYS,
      settings,
      async (id, fleet, each) => rotateListedKeys(okta, id, await options.newKey(id), each, fleet),
      appId,
    ),
  );
}
