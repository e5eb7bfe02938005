// A real OpenID provider for Kurswerk's sign-on tests: the certified `oidc-provider` on
// loopback, with its development log-in and consent pages (any password; the login names
// an account of OIDC_USERS).
//
//   OIDC_PORT=4000 OIDC_CLIENT='{"client_id":…,"client_secret":…,"redirect_uris":[…]}' \
//   OIDC_USERS='{"nina":{"email":"nina@firma.example","email_verified":true}}' node provider.js
//
// Prints "ready <issuer>" once it listens. Signs ID tokens with an RSA key made at start.
import { generateKeyPairSync } from 'node:crypto';

import Provider from 'oidc-provider';

const port = Number(process.env.OIDC_PORT);
const client = JSON.parse(process.env.OIDC_CLIENT);
const users = JSON.parse(process.env.OIDC_USERS);
const issuer = `http://127.0.0.1:${port}`;

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: 'test-key', use: 'sig', alg: 'RS256' };

const provider = new Provider(issuer, {
  clients: [{
    ...client,
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
  }],
  jwks: { keys: [signingKey] },
  cookies: { keys: ['kurswerk-test-cookies'] },
  scopes: ['openid', 'email', 'profile'],
  // Many providers send groups with the profile (Keycloak's group mapper, Entra ID's
  // groups claim); so does this one.
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name', 'groups'],
  },
  pkce: { required: () => true },
  async findAccount(ctx, id) {
    if (!Object.hasOwn(users, id)) return undefined;
    return { accountId: id, claims: async () => ({ sub: id, ...users[id] }) };
  },
});
provider.proxy = false;

provider.listen(port, '127.0.0.1', () => {
  console.log(`ready ${issuer}`);
});
