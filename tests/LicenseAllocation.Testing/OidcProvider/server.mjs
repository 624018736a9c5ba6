// The province's OpenID Connect provider as the sign-in tests need it: oidc-provider on 127.0.0.1, one client (the
// portal), the people of a JSON file with their passwords, and a plain login form that checks them.
// node server.mjs <port> <settings.json>; prints "listening <issuer>" once it serves.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

const port = Number(process.argv[2]);
const settings = JSON.parse(readFileSync(process.argv[3], 'utf8'));
const issuer = `http://127.0.0.1:${port}`;
const people = settings.people; // user name -> { password, claims }

const provider = new Provider(issuer, {
  clients: [{
    client_id: settings.clientId,
    client_secret: settings.clientSecret,
    redirect_uris: settings.redirectUris,
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_post',
  }],
  claims: { openid: ['sub'], profile: ['preferred_username', 'name', 'email'] },
  cookies: { keys: ['keys of a throwaway test provider'] },
  features: { devInteractions: { enabled: false } },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  pkce: { required: () => true },
  async findAccount(ctx, id) {
    const person = people[id];
    return person && { accountId: id, claims: async () => ({ sub: id, ...person.claims }) };
  },
  // A first-party client: the person is never asked to consent.
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) {
      return ctx.oidc.provider.Grant.find(grantId);
    }
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid profile');
    grant.addOIDCClaims(['preferred_username', 'name', 'email']);
    await grant.save();
    return grant;
  },
});

const escape = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const form = (uid, error) => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Đăng nhập</title></head><body>
<form method="post" action="/interaction/${escape(uid)}/login">
${error ? `<p class="error">${escape(error)}</p>` : ''}
<input name="login" autocomplete="username"><input name="password" type="password"><button type="submit">Đăng nhập</button>
</form></body></html>`;

const readBody = (req) => new Promise((resolve, reject) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (chunk) => { body += chunk; });
  req.on('end', () => resolve(new URLSearchParams(body)));
  req.on('error', reject);
});

const handle = provider.callback();
createServer(async (req, res) => {
  const match = /^\/interaction\/([^/?]+)(\/login)?/.exec(req.url);
  if (!match) {
    handle(req, res);
    return;
  }
  try {
    const details = await provider.interactionDetails(req, res);
    if (req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(form(details.uid));
      return;
    }
    const body = await readBody(req);
    const person = people[body.get('login')];
    if (!person || person.password !== body.get('password')) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(form(details.uid, 'Sai tên đăng nhập hoặc mật khẩu'));
      return;
    }
    await provider.interactionFinished(req, res, { login: { accountId: body.get('login') } }, { mergeWithLastSubmission: false });
  } catch (error) {
    res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end(String(error));
  }
}).listen(port, '127.0.0.1', () => console.log(`listening ${issuer}`));
