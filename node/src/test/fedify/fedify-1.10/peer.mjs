// Runs ../peer.mjs with the @fedify/fedify version pinned in this folder's package-lock.json.
import "../node20-shims.mjs";
import * as fedify from "@fedify/fedify";
import { readFileSync } from "node:fs";
import { run } from "../peer.mjs";

const { version } = JSON.parse(readFileSync(new URL("./node_modules/@fedify/fedify/package.json", import.meta.url)));
await run(fedify, version);
