import { type MigrationInterface } from 'typeorm';
import { CreateRegionsAndAccounts1764000000000 } from './1764000000000-create-regions-and-accounts';
import { CreateOrganizations1764000000001 } from './1764000000001-create-organizations';
import { AddHandshakeTargetParty1764000000002 } from './1764000000002-add-handshake-target-party';
import { CreateJobOutbox1764000000003 } from './1764000000003-create-job-outbox';
import { CreateTrails1764000000004 } from './1764000000004-create-trails';
import { CreateEvents1764000000005 } from './1764000000005-create-events';
import { CreateIamPrincipals1764000000006 } from './1764000000006-create-iam-principals';
import { CreateStsSessions1764000000007 } from './1764000000007-create-sts-sessions';
import { CreateServiceControlPolicies1764000000008 } from './1764000000008-create-service-control-policies';
import { CreateAuthorizationGenerations1764000000009 } from './1764000000009-create-authorization-generations';
import { CreateObjectStore1765000000000 } from './1765000000000-create-object-store';
import { EnableOrganizationPolicyTypes1765100000000 } from './1765100000000-enable-organization-policy-types';
import { CreateOrganizationResourceTags1765100000001 } from './1765100000001-create-organization-resource-tags';
import { CreateAccountClosures1765100000002 } from './1765100000002-create-account-closures';
import { CreateDigestSigningKeys1765200000000 } from './1765200000000-create-digest-signing-keys';
import { PrepareEventsForDelivery1765400000000 } from './1765400000000-prepare-events-for-delivery';
import { CreateLogDelivery1765500000000 } from './1765500000000-create-log-delivery';
import { CreateDigestChains1765600000000 } from './1765600000000-create-digest-chains';
import { AddUserStsSessions1765700000000 } from './1765700000000-add-user-sts-sessions';
import { AddRegionEnablementEpoch1765716000000 } from './1765716000000-add-region-enablement-epoch';
import { PartitionEventsByDay1765800000000 } from './1765800000000-partition-events-by-day';
import { DropDerivedReplicaForeignKeys1765850000000 } from './1765850000000-drop-derived-replica-foreign-keys';
import { CreateMultipartUploads1765900000000 } from './1765900000000-create-multipart-uploads';
import { NarrowEventStorage1765950000000 } from './1765950000000-narrow-event-storage';
import { DetachExpiredEventDays1766000000000 } from './1766000000000-detach-expired-event-days';
import { ReplaceReplicaTrailForeignKey1766040000000 } from './1766040000000-replace-replica-trail-foreign-key';

/** Every migration, in order: the apps, the CLI, the tests and PGlite all read this one list. */
export const ALL_MIGRATIONS: Array<new () => MigrationInterface> = [
  CreateRegionsAndAccounts1764000000000,
  CreateOrganizations1764000000001,
  AddHandshakeTargetParty1764000000002,
  CreateJobOutbox1764000000003,
  CreateTrails1764000000004,
  CreateEvents1764000000005,
  CreateIamPrincipals1764000000006,
  CreateStsSessions1764000000007,
  CreateServiceControlPolicies1764000000008,
  CreateAuthorizationGenerations1764000000009,
  CreateObjectStore1765000000000,
  EnableOrganizationPolicyTypes1765100000000,
  CreateOrganizationResourceTags1765100000001,
  CreateAccountClosures1765100000002,
  CreateDigestSigningKeys1765200000000,
  PrepareEventsForDelivery1765400000000,
  CreateLogDelivery1765500000000,
  CreateDigestChains1765600000000,
  AddUserStsSessions1765700000000,
  AddRegionEnablementEpoch1765716000000,
  PartitionEventsByDay1765800000000,
  DropDerivedReplicaForeignKeys1765850000000,
  CreateMultipartUploads1765900000000,
  NarrowEventStorage1765950000000,
  DetachExpiredEventDays1766000000000,
  ReplaceReplicaTrailForeignKey1766040000000,
];
