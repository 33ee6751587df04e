import { fail, type JsonObject } from './policy-json';
import { RCP_SERVICE_PREFIXES } from './resource-control';

/*
 * What resource control policies add to the resource-rule grammar (the Organizations User Guide's
 * "RCP syntax"): Version 2012-10-17, the Principal "*" (narrowed with conditions), no NotPrincipal or
 * NotAction, a Resource or NotResource, and only actions of the services that support RCPs.
 */

const SUPPORTED = new Set(RCP_SERVICE_PREFIXES);

export function checkRcpDocument(document: JsonObject): void {
  if (document.Version !== '2012-10-17') {
    fail('Resource control policies must contain the Version "2012-10-17"');
  }
}

export function checkRcpStatement(statement: JsonObject): void {
  if (statement.NotPrincipal !== undefined) fail('Resource control policies do not support NotPrincipal');
  if (statement.NotAction !== undefined) fail('Resource control policies do not support NotAction');
  if (statement.Principal === undefined) fail('Missing required field Principal');
  if (statement.Principal !== '*') {
    fail('Resource control policies support only "*" as Principal: narrow it with Condition');
  }
  const actions: unknown[] = Array.isArray(statement.Action) ? statement.Action : [statement.Action];
  for (const action of actions) {
    if (typeof action !== 'string' || action === '*') continue;
    const colon = action.indexOf(':');
    if (colon > 0 && !SUPPORTED.has(action.slice(0, colon).toLowerCase())) {
      fail(
        `Resource control policies support only actions of ${RCP_SERVICE_PREFIXES.join(', ')}: ${action} is not one`,
      );
    }
  }
}
