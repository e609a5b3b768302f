// The chat page: one customer connection through the gateway to the chat
// business. The server that serves the page sets globalThis.chatConfig:
// { url, protocol: "v2" | "v6", workerId, encoding: "json" | "binary" }.
// Both encodings and both gateway versions are bundled; the config picks.
import { customerRules as v2Rules } from "netsvr-protocol/v2/customers";
import { customerRules as v6Rules } from "netsvr-protocol/v6/customers";
import { createCustomer as binaryCustomer } from "../gen/binary/customer.js";
// Both encodings come from the same proto with the same command ids.
import { Cmd } from "../gen/json/commands.js";
import { createCustomer as jsonCustomer } from "../gen/json/customer.js";

const config = globalThis.chatConfig;
const $ = (id) => document.getElementById(id);

const customer = (config.encoding === "binary" ? binaryCustomer : jsonCustomer)({
  url: config.url,
  // v2: every message starts with the business's 3-digit worker id; v6 needs no prefix.
  gateway: config.protocol === "v6" ? v6Rules() : v2Rules(config.workerId),
  requestTimeout: 5000,
});

const state = {
  user: "",
  rooms: [],
  /** room -> { members: Set of users, said: Map of seq -> Said } */
  joined: new Map(),
  current: "",
};

// ---- talking to the business

async function signIn(name) {
  const { user, rooms } = await customer.request(Cmd.SignIn, { name });
  state.user = user;
  state.rooms = rooms;
}

async function join(room) {
  const { members } = await customer.request(Cmd.Join, { room });
  const entry = state.joined.get(room) ?? { members: new Set(), said: new Map() };
  entry.members = new Set(members);
  state.joined.set(room, entry);
  render();
  // Said pushes may arrive before or after the history: both land in the same map, ordered by seq.
  const { messages } = await customer.request(Cmd.History, { room, limit: 50 });
  for (const said of messages) entry.said.set(said.seq, said);
}

function leave(room) {
  customer.send(Cmd.Leave, { room });
  state.joined.delete(room);
  if (state.current === room) state.current = state.joined.keys().next().value ?? "";
}

// Pushes. The gateway may reorder a customer's messages: Said carries its seq.
customer.on(Cmd.Said, (said) => {
  state.joined.get(said.room)?.said.set(said.seq, said);
  render();
});
customer.on(Cmd.Presence, ({ room, user, joined }) => {
  const members = state.joined.get(room)?.members;
  if (members !== undefined) joined ? members.add(user) : members.delete(user);
  render();
});

// A new connection is a new customer for the gateway: sign in again and rejoin the rooms.
let opens = 0;
async function resume(open) {
  try {
    await signIn(state.user);
    for (const room of [...state.joined.keys()]) await join(room);
    showError(undefined);
  } catch (error) {
    showError(error);
    // No answer (e.g. the business is not back yet after a gateway restart): try again on this connection.
    if (error.code === "timeout" && open === opens) setTimeout(() => open === opens && resume(open), 1000);
  }
  render();
}

customer.on("open", () => {
  setStatus("open", "open");
  opens++;
  if (state.user !== "") resume(opens);
});
customer.on("close", ({ code, reconnecting, error }) => {
  setStatus(reconnecting ? "reconnecting" : "closed", reconnecting ? `reconnecting (closed with ${code})` : "closed");
  if (error !== undefined) showError(error);
});
customer.on("reconnecting", ({ attempt, delay }) => setStatus("reconnecting", `reconnecting: attempt ${attempt} in ${(delay / 1000).toFixed(1)} s`));
customer.on("error", (error) => showError(error));

// ---- the page

function setStatus(name, text) {
  $("status").dataset.state = name;
  $("status").textContent = text;
}

function showError(error) {
  $("error").textContent = error === undefined ? "" : `${error.remoteCode ?? error.code ?? "error"}: ${error.message}`;
}

/** Runs an action of the user's, showing what went wrong. */
function act(action) {
  return async (event) => {
    event.preventDefault();
    try {
      await action();
      showError(undefined);
    } catch (error) {
      showError(error);
    }
    render();
  };
}

function element(tag, text, attributes = {}) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  Object.assign(node, attributes);
  return node;
}

function render() {
  const signedIn = state.user !== "";
  $("sign-in").hidden = signedIn;
  $("chat").hidden = !signedIn;
  $("who").textContent = signedIn ? `signed in as ${state.user}` : "";
  $("rooms").replaceChildren(
    ...state.rooms.map((room) => {
      const classes = [state.joined.has(room) ? "joined" : "", room === state.current ? "current" : ""];
      const button = element("button", `# ${room}`, { type: "button", className: classes.join(" ").trim() });
      button.dataset.room = room;
      button.onclick = act(async () => {
        if (!state.joined.has(room)) await join(room);
        state.current = room;
      });
      return button;
    }),
  );
  const entry = state.joined.get(state.current);
  $("room-title").textContent = entry === undefined ? "Pick a room" : `# ${state.current}`;
  $("say").hidden = entry === undefined;
  $("members").replaceChildren(...[...(entry?.members ?? [])].sort().map((user) => element("li", user)));
  const list = $("messages");
  const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 8;
  const said = [...(entry?.said.values() ?? [])].sort((a, b) => a.seq - b.seq);
  list.replaceChildren(
    ...said.map(({ user, text, at }) => {
      const item = element("li");
      item.append(element("time", new Date(at).toLocaleTimeString()), element("b", user), text);
      return item;
    }),
  );
  if (atBottom) list.scrollTop = list.scrollHeight;
}

$("sign-in").onsubmit = act(async () => {
  await signIn($("name").value.trim());
  if (state.current === "" && state.rooms.length > 0) {
    await join(state.rooms[0]);
    state.current = state.rooms[0];
  }
});
$("say").onsubmit = act(() => {
  customer.send(Cmd.Say, { room: state.current, text: $("text").value });
  $("text").value = "";
});
$("leave").onclick = act(() => leave(state.current));

render();
