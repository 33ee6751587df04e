/**
 * When each of a Region's signing keys signs and how long it validates. Keys form a contiguous
 * chain: generation 0 from the moment the Region exists, each next one from the moment the one
 * before stops signing. A key signs the digests whose END time falls in [validFrom, signsUntil),
 * so the key of a digest delivered late is still the one whose validity covers the digest's
 * interval (the validator asks ListPublicKeys for [start, end + 2 h] and every digest it checks
 * ends inside that range). Each key stays valid for verification a day past its successor's start.
 */
export const KEY_VALIDITY_OVERLAP_MS = 24 * 60 * 60 * 1000;

const DAY_MS = 24 * 60 * 60 * 1000;

export interface KeyValidity {
  readonly generation: number;
  readonly validFrom: Date;
  /** The next key takes over signing here. */
  readonly signsUntil: Date;
  /** The end of the advertised validity (ListPublicKeys' ValidityEndTime). */
  readonly validUntil: Date;
}

/** The first key of a Region launched at `launchedAt`, for a digest ending at `at`. */
export function firstKeyValidity(launchedAt: Date, at: Date, rotationDays: number): KeyValidity {
  const validFrom = at < launchedAt ? at : launchedAt;
  return validityCovering(0, validFrom, at, rotationDays);
}

/**
 * The key after `previous`, for a digest ending at `at` (at or after `previous.signsUntil`). When
 * no key was needed for several rotation periods, one key covers them all instead of a key per
 * idle period.
 */
export function nextKeyValidity(previous: KeyValidity, at: Date, rotationDays: number): KeyValidity {
  return validityCovering(previous.generation + 1, previous.signsUntil, at, rotationDays);
}

/** The key of `keys` (sorted by generation) that signs a digest ending at `at`, if it exists yet. */
export function keySigningAt<K extends KeyValidity>(keys: readonly K[], at: Date): K | undefined {
  return (
    keys.find((key) => key.validFrom <= at && at < key.signsUntil) ??
    (keys[0] && at < keys[0].validFrom ? keys[0] : undefined)
  );
}

function validityCovering(generation: number, validFrom: Date, at: Date, rotationDays: number): KeyValidity {
  const period = rotationDays * DAY_MS;
  const periods = Math.max(1, Math.floor((at.getTime() - validFrom.getTime()) / period) + 1);
  const signsUntil = new Date(validFrom.getTime() + periods * period);
  return {
    generation,
    validFrom,
    signsUntil,
    validUntil: new Date(signsUntil.getTime() + KEY_VALIDITY_OVERLAP_MS),
  };
}
