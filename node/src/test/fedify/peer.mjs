// A real Fedify server as a third-party peer for Madani's interop tests (FedifyInteropIT).
//
// Each fedify-<line>/peer.mjs imports its own pinned @fedify/fedify and calls run() with it, so
// the same peer runs on every Fedify line under test. It listens on 127.0.0.1 (port 0), prints
// one JSON line {"port": n} on stdout, and serves:
//   - a Fedify federation with one actor, /users/alice (RSA + Ed25519 keys, as Fedify generates),
//     which accepts every Follow and records what its inbox receives;
//   - /_control/* for the JUnit side: follow a Madani actor, post a Note to followers, look an
//     object up through Fedify's vocabulary, read the inbox log.
// For every inbox POST it records the answer Fedify's own inbox gave (a refused first attempt shows
// as a 401 there), and checks the request with Fedify's verifyRequest (draft-cavage; RFC 9421 too
// from Fedify 1.6) and the body with verifyObject (FEP-8b32 object integrity proofs).
// Loopback URLs are allowed only because this is a test (allowPrivateAddress).
import http from "node:http";
import { randomUUID } from "node:crypto";

export async function run(fedify, version) {
  const f = { ...fedify, __version: version };
  const {
    createFederation, MemoryKvStore, Person, Endpoints, Follow, Accept, Create, Note, Undo, Activity, Move,
    Object: ASObject, generateCryptoKeyPair, verifyRequest, verifyObject, getDocumentLoader, PUBLIC_COLLECTION,
  } = f;
  const documentLoader = getDocumentLoader({ allowPrivateAddress: true });
  const kv = new MemoryKvStore();
  const federation = createFederation({ kv, allowPrivateAddress: true });
  const keys = [
    await generateCryptoKeyPair("RSASSA-PKCS1-v1_5"),
    await generateCryptoKeyPair("Ed25519"),
  ];
  const log = [];          // one record per inbox POST
  const received = [];     // activities Fedify's inbox listeners handled
  const followers = new Map(); // actor id -> Actor object
  const accepted = new Set(); // ids of actors that accepted our Follow
  const notes = new Map();

  federation.setActorDispatcher("/users/{identifier}", async (ctx, identifier) => {
    if (identifier !== "alice") return null;
    const pairs = await ctx.getActorKeyPairs(identifier);
    return new Person({
      id: ctx.getActorUri(identifier),
      preferredUsername: identifier,
      name: "Alice (Fedify " + f.__version + ")",
      inbox: ctx.getInboxUri(identifier),
      endpoints: new Endpoints({ sharedInbox: ctx.getInboxUri() }),
      url: ctx.getActorUri(identifier),
      publicKey: pairs[0].cryptographicKey,
      assertionMethods: pairs.map((p) => p.multikey),
    });
  }).setKeyPairsDispatcher(async (_ctx, identifier) => (identifier === "alice" ? keys : []));

  federation.setObjectDispatcher(Note, "/users/{identifier}/notes/{id}", (_ctx, values) =>
    notes.get(values.id) ?? null);

  federation.setInboxListeners("/users/{identifier}/inbox", "/inbox")
    .on(Follow, async (ctx, follow) => {
      const follower = await follow.getActor();
      if (follower?.id == null) return;
      followers.set(follower.id.href, follower);
      received.push({ type: "Follow", id: follow.id?.href, actor: follower.id.href });
      await ctx.sendActivity({ identifier: "alice" }, follower,
        new Accept({ id: new URL("#accept-" + randomUUID(), ctx.getActorUri("alice")), actor: ctx.getActorUri("alice"), object: follow }));
    })
    .on(Accept, async (_ctx, accept) => {
      if (accept.actorId) accepted.add(accept.actorId.href);
      received.push({ type: "Accept", id: accept.id?.href, actor: accept.actorId?.href });
    })
    .on(Undo, async (_ctx, undo) => {
      const inner = await undo.getObject();
      if (inner instanceof Follow && undo.actorId) followers.delete(undo.actorId.href);
      received.push({ type: "Undo", id: undo.id?.href, actor: undo.actorId?.href });
    })
    .on(Move, async (ctx, move) => {
      // What Fedify applications do on Move (Fedify leaves the policy to the app): if we follow the
      // moving actor and the target's own document names it in alsoKnownAs, follow the target.
      const from = move.actorId?.href;
      const entry = { type: "Move", id: move.id?.href, actor: from, objectId: move.objectId?.href,
        target: move.targetId?.href ?? null, followed: null };
      received.push(entry);
      if (from == null || move.objectId?.href !== from || !accepted.has(from)) return;
      const target = await move.getTarget({ documentLoader });
      if (target?.id == null) return;
      const aliases = (target.aliasIds ?? []).map((u) => u.href);
      if (!aliases.includes(from)) return;
      await ctx.sendActivity({ identifier: "alice" }, target,
        new Follow({ id: new URL("#follow-" + randomUUID(), ctx.getActorUri("alice")), actor: ctx.getActorUri("alice"), object: target.id }));
      entry.followed = target.id.href;
    })
    .on(Activity, async (_ctx, activity) => {
      // Create, Update, Delete, Announce...: record how Fedify's vocabulary read the object.
      let object = null;
      try {
        object = await activity.getObject();
      } catch (e) {
        object = null;
      }
      received.push({
        type: activity.constructor.name, id: activity.id?.href, actor: activity.actorId?.href,
        objectId: activity.objectId?.href, objectType: object?.constructor?.name ?? null,
        objectName: object?.name?.toString() ?? null,
        objectContent: object?.content?.toString() ?? null,
      });
    });

  async function inspect(request, body) {
    const entry = {
      method: request.method, path: new URL(request.url).pathname,
      scheme: request.headers.has("signature-input") ? "rfc9421" : request.headers.has("signature") ? "cavage" : "none",
    };
    try {
      const key = await verifyRequest(request.clone(), { documentLoader, contextLoader: documentLoader });
      entry.httpSignatureKey = key?.id?.href ?? null;
    } catch (e) {
      entry.httpSignatureKey = null;
      entry.httpSignatureError = String(e);
    }
    try {
      const json = JSON.parse(body);
      entry.body = json;
      entry.type = json.type;
      entry.activityId = json.id;
      entry.hasProof = json.proof != null;
      const verified = json.proof == null ? null
        : await verifyObject(Activity, json, { documentLoader, contextLoader: documentLoader });
      entry.proofVerified = verified != null;
      if (json.object != null && typeof json.object === "object") entry.objectType = json.object.type;
    } catch (e) {
      entry.proofVerified = false;
      entry.proofError = String(e);
    }
    return entry;
  }

  async function control(url, req, body, res) {
    const ctx = federation.createContext(new URL(url.origin), undefined);
    const reply = (status, value) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(value));
    };
    const params = body ? JSON.parse(body) : {};
    switch (url.pathname) {
      case "/_control/log":
        return reply(200, { version: f.__version, inbox: log, received, followers: [...followers.keys()], accepted: [...accepted] });
      case "/_control/lookup": {
        // Fedify's vocabulary parses the document (and, for an actor, finds its keys).
        const raw = await documentLoader(params.uri);
        const object = await ctx.lookupObject(params.uri, { documentLoader });
        const out = { type: object?.constructor?.name ?? null, id: object?.id?.href ?? null };
        if (object != null && "getPublicKeys" in object) {
          out.publicKeys = [];
          for await (const k of object.getPublicKeys({ documentLoader })) out.publicKeys.push(k.id?.href);
          out.assertionMethods = [];
          for await (const k of object.getAssertionMethods({ documentLoader })) out.assertionMethods.push(k.id?.href);
        }
        out.name = object?.name?.toString() ?? null;
        if (raw.document?.proof != null) {
          const cls = object?.constructor ?? ASObject;
          out.proofVerified = (await verifyObject(cls, raw.document, { documentLoader, contextLoader: documentLoader })) != null;
        }
        return reply(200, out);
      }
      case "/_control/follow": {
        const target = await ctx.lookupObject(params.actor, { documentLoader });
        if (target == null) return reply(404, { error: "actor not found" });
        await ctx.sendActivity({ identifier: "alice" }, target,
          new Follow({ id: new URL("#follow-" + randomUUID(), ctx.getActorUri("alice")), actor: ctx.getActorUri("alice"), object: target.id }));
        return reply(202, { following: target.id.href });
      }
      case "/_control/post": {
        const id = randomUUID();
        const note = new Note({
          id: ctx.getObjectUri(Note, { identifier: "alice", id }),
          attribution: ctx.getActorUri("alice"),
          content: params.content,
          to: PUBLIC_COLLECTION,
        });
        notes.set(id, note);
        const create = new Create({
          id: new URL("#create", note.id), actor: ctx.getActorUri("alice"), object: note,
          to: PUBLIC_COLLECTION,
        });
        const recipients = [...followers.values()];
        if (recipients.length > 0) await ctx.sendActivity({ identifier: "alice" }, recipients, create);
        return reply(202, { id: note.id.href, recipients: recipients.length });
      }
      default:
        return reply(404, { error: "no such control" });
    }
  }

  const server = http.createServer(async (req, res) => {
    try {
      const chunks = [];
      for await (const c of req) chunks.push(c);
      const body = Buffer.concat(chunks).toString("utf8");
      const url = new URL(req.url, `http://${req.headers.host}`);
      if (url.pathname.startsWith("/_control/")) return await control(url, req, body, res);
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (v != null) headers.set(k, Array.isArray(v) ? v.join(", ") : v);
      const request = new Request(url, { method: req.method, headers, body: ["GET", "HEAD"].includes(req.method) ? undefined : body });
      const entry = req.method === "POST" ? await inspect(request.clone(), body) : null;
      const response = await federation.fetch(request, { contextData: undefined });
      if (entry != null) {
        entry.status = response.status;
        if (response.status >= 300) entry.answer = await response.clone().text();
        log.push(entry);
      }
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    } catch (e) {
      process.stderr.write("peer error: " + (e?.stack ?? e) + "\n");
      res.writeHead(500, { "content-type": "text/plain" });
      res.end(String(e));
    }
  });
  server.listen(0, "127.0.0.1", () => {
    process.stdout.write(JSON.stringify({ port: server.address().port, version: f.__version }) + "\n");
  });
}
