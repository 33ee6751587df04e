/* What the Organizations routes' documentation says more than once. */

/** Who may read the organization's structure, said once for every such read. */
export const READER_RULES =
  'The management account and the delegated administrators of the organization may call it; other ' +
  'members get AccessDeniedException.';

/** Who may change the organization, said once for every such change. */
export const MANAGEMENT_RULES = 'Only the management account of the organization may call it.';
