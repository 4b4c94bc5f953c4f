// Runtime variables the real cloud sets: with them wx-server-sdk believes it runs in SCF and makes no
// lookups of outside hosts (metadata.tencentyun.com). The secrets can be anything locally.
import { cloudRuntimeEnv } from '../../emulator/runtimeEnv';

Object.assign(process.env, cloudRuntimeEnv('test-env'));
