/* What the trail routes' documentation says more than once. */

export const TRAIL_PATH = { trail: 'The trail name, or its URL-encoded ARN' };
export const ARN_PATH = { trail: 'The URL-encoded trail ARN (tags name trails by ARN only)' };

/** Who may change a trail, said once for every write. */
export const CHANGE_RULES =
  'Changes are made in the home Region only (InvalidHomeRegionException elsewhere); an organization ' +
  'trail is changed by its owner, the management account, or a CloudTrail delegated administrator, ' +
  'and members get NotOrganizationMasterAccountException.';
export const LOOKUP_RULES =
  'A bare name names one of the caller’s trails homed in the called Region; an ARN any trail the caller ' +
  'holds a copy of there (shadows of multi-Region trails, inherited organization trails).';
