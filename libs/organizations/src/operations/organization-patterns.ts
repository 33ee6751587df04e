/*
 * Member constraints of the Organizations model ([ORG-MODEL] service-2.json), anchored: the
 * service matches a pattern against the whole value.
 */
export const ORGANIZATIONS_PATTERNS = {
  accountId: /^\d{12}$/,
  accountName: /^[\u0020-\u007E]+$/,
  email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
  createAccountRequestId: /^car-[a-z0-9]{8,32}$/,
  handshakeId: /^h-[0-9a-z]{8,32}$/,
  parentId: /^(r-[0-9a-z]{4,32}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})$/,
  childId: /^(\d{12}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})$/,
  organizationalUnitId: /^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$/,
  servicePrincipal: /^[\w+=,.@-]*$/,
  policyId: /^p-[0-9a-zA-Z_]{8,128}$/,
  targetId: /^(r-[0-9a-z]{4,32}|\d{12}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})$/,
  rootId: /^r-[0-9a-z]{4,32}$/,
} as const;
