import { Global, Module } from '@nestjs/common';
import { EnvSchema } from '../config/env.schema';
import { PageTokenCodec } from '../pagination/page-token';
import { loadMasterKey } from './master-key';
import { SecretBox } from './secret-box';

const MASTER_KEY = Symbol('MASTER_KEY');

/** Sealing of stored secrets and signing of pagination tokens, both from the master key. */
@Global()
@Module({
  providers: [
    {
      provide: MASTER_KEY,
      inject: [EnvSchema],
      useFactory: (env: EnvSchema) => loadMasterKey(env.TRAILPLANE_MASTER_KEY, env.TRAILPLANE_DATA_DIR),
    },
    { provide: SecretBox, inject: [MASTER_KEY], useFactory: (key: Buffer) => new SecretBox(key) },
    {
      provide: PageTokenCodec,
      inject: [MASTER_KEY],
      useFactory: (key: Buffer) => PageTokenCodec.fromMasterKey(key),
    },
  ],
  exports: [SecretBox, PageTokenCodec],
})
export class CryptoModule {}
