import { startApp, type RunningApp } from '../helpers/app';
import { registerUser, type TestUser } from '../helpers/auth';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { startWatch, streamWatch } from './support';

describe('smoke', () => {
  let db: TestDatabase;
  let running: RunningApp;
  let alice: TestUser;
  beforeAll(async () => {
    db = await createTestDatabase('watch_smoke');
    running = await startApp({ DATABASE_URL: db.url, WATCH_TURN_DELAY_MS: '0' });
    alice = await registerUser(running);
  });
  afterAll(async () => {
    await running?.close();
    await db?.drop();
  });
  it('runs', async () => {
    const s = await startWatch(running, alice, { maxTurns: 10 });
    const r = await streamWatch(running.url, alice, s.sessionId);
    console.log(JSON.stringify(s, null, 1), r.events.map((e) => `${e.event} ${JSON.stringify(e.data)}`).join('\n'));
  });
});
