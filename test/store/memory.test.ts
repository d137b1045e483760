// Runs the store contract against the in-memory engine.
import { createMemoryStore } from '../../src/store/memory.ts';
import { storeContract } from './store.contract.ts';

storeContract('memory', async () => createMemoryStore());
