import { given, uniqueName } from '../support/given';
import { OPERATOR, TestApp } from '../support/test-app';

describe('accounts and Regions over REST', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(() => app.close());

  describe('POST /v1/accounts', () => {
    it('lets the partition operator create a standalone account whose root key works at once', async () => {
      const account = await given.account(app);
      expect(account.accountId).toMatch(/^\d{12}$/);
      expect(account.accessKeyId).toMatch(/^AKIA[A-Z0-9]{16}$/);
      expect(account.secretAccessKey.length).toBeGreaterThanOrEqual(40);

      const regions = await app.rest(account).get('/v1/account/regions');
      expect(regions.status).toBe(200);
    });

    it('refuses any other principal with AccessDeniedException and creates nothing', async () => {
      const account = await given.account(app);
      const email = `${uniqueName('nope')}@example.com`;
      const response = await app.rest(account).post('/v1/accounts', { name: 'x', email });
      expect(response.status).toBe(403);
      expect(response.body.error.code).toBe('AccessDeniedException');
      expect(response.body.error.requestId).toBe(response.headers['x-amzn-requestid']);

      const retry = await app.rest(OPERATOR).post('/v1/accounts', { name: 'x', email });
      expect(retry.status).toBe(201);
    });

    it.each([
      [{ name: 'x' }, 'email'],
      [{ name: 'x', email: 'not-an-email' }, 'email'],
      [{ name: '', email: 'a@example.com' }, 'name'],
      [{ name: 'x', email: 'b@example.com', extra: true }, 'extra'],
      [{ name: 42, email: 'c@example.com' }, 'name'],
    ])('answers %p with a 400 ValidationException naming %s', async (body, field) => {
      const response = await app.rest(OPERATOR).post('/v1/accounts', body);
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('ValidationException');
      expect(response.body.error.message).toContain(field);
    });

    it('refuses a second account with the same e-mail', async () => {
      const account = await given.account(app);
      const response = await app.rest(OPERATOR).post('/v1/accounts', { name: 'dup', email: account.email });
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('ValidationException');
    });

    it('answers malformed JSON with a 400 and an oversized body with a 413, both in the REST shape', async () => {
      const malformed = await app.rest(OPERATOR).post('/v1/accounts', '{"name": ' as unknown as object);
      expect(malformed.status).toBe(400);
      expect(malformed.body.error.code).toBe('ValidationException');

      const huge = await app
        .rest(OPERATOR)
        .post('/v1/accounts', { name: 'x'.repeat(300 * 1024), email: 'a@b.cd' });
      expect(huge.status).toBe(413);
      expect(huge.body.error.code).toBe('RequestEntityTooLargeException');
    });
  });

  describe('Regions', () => {
    it('lists default Regions as ENABLED_BY_DEFAULT and opt-in Regions as DISABLED', async () => {
      const account = await given.account(app);
      const response = await app.rest(account).get('/v1/account/regions');
      const statuses = Object.fromEntries(
        (response.body.regions as Array<{ regionName: string; regionOptStatus: string }>).map((r) => [
          r.regionName,
          r.regionOptStatus,
        ]),
      );
      expect(statuses['us-east-1']).toBe('ENABLED_BY_DEFAULT');
      expect(statuses['af-south-1']).toBe('DISABLED');
    });

    it('enables and disables an opt-in Region for one account only; requests scoped to it follow', async () => {
      const [a, b] = [await given.account(app), await given.account(app)];
      const before = await app.rest(a, 'af-south-1').get('/v1/account/regions');
      expect(before.status).toBe(403);
      expect(before.body.error.code).toBe('UnrecognizedClientException');

      const enabled = await app.rest(a).put('/v1/account/regions/af-south-1');
      expect(enabled.status).toBe(200);
      expect(enabled.body).toEqual({ regionName: 'af-south-1', regionOptStatus: 'ENABLED' });
      expect((await app.rest(a, 'af-south-1').get('/v1/account/regions')).status).toBe(200);
      expect((await app.rest(b, 'af-south-1').get('/v1/account/regions')).status).toBe(403);

      const disabled = await app.rest(a).delete('/v1/account/regions/af-south-1');
      expect(disabled.body.regionOptStatus).toBe('DISABLED');
      expect((await app.rest(a, 'af-south-1').get('/v1/account/regions')).status).toBe(403);
    });

    it('refuses to toggle a default Region or an unknown one', async () => {
      const account = await given.account(app);
      const defaultRegion = await app.rest(account).put('/v1/account/regions/us-east-1');
      expect(defaultRegion.status).toBe(400);
      expect(defaultRegion.body.error.code).toBe('ValidationException');
      const unknown = await app.rest(account).put('/v1/account/regions/zz-nowhere-1');
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.code).toBe('RegionNotFoundException');
    });

    it('lets the operator launch a Region that every account sees at once', async () => {
      const name = `xx-${uniqueName('r')
        .replace(/[^a-z]/g, '')
        .slice(0, 12)}-1`;
      const launched = await app.rest(OPERATOR).post('/v1/regions', { name, optIn: false });
      expect(launched.status).toBe(201);
      expect(launched.body).toEqual({ name, optIn: false });

      const account = await given.account(app);
      expect((await app.rest(account, name).get('/v1/account/regions')).status).toBe(200);

      const again = await app.rest(OPERATOR).post('/v1/regions', { name, optIn: false });
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('RegionAlreadyExistsException');
    });

    it('refuses malformed Region names and non-operators', async () => {
      const malformed = await app.rest(OPERATOR).post('/v1/regions', { name: 'Not A Region', optIn: false });
      expect(malformed.status).toBe(400);
      expect(malformed.body.error.code).toBe('InvalidRegionNameException');

      const account = await given.account(app);
      const denied = await app.rest(account).post('/v1/regions', { name: 'xx-denied-1', optIn: false });
      expect(denied.status).toBe(403);
      expect(denied.body.error.code).toBe('AccessDeniedException');
      const catalogue = await app.rest(OPERATOR).get('/v1/regions');
      expect((catalogue.body.regions as Array<{ name: string }>).map((r) => r.name)).not.toContain(
        'xx-denied-1',
      );
    });
  });

  describe('health', () => {
    it('answers /healthz and /readyz without a signature', async () => {
      const live = await fetch(`${app.url}/healthz`);
      expect(live.status).toBe(200);
      const ready = await fetch(`${app.url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ready', database: true, queue: true });
    });

    it('serves the OpenAPI document at /docs', async () => {
      const response = await fetch(`${app.url}/docs-json`);
      expect(response.status).toBe(200);
      const document = (await response.json()) as { paths: Record<string, unknown> };
      expect(Object.keys(document.paths)).toEqual(
        expect.arrayContaining(['/v1/accounts', '/v1/account/regions']),
      );
    });
  });
});
