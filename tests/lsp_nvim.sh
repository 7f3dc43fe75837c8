#!/usr/bin/env bash
# virtlint --lsp under a real editor's client: Neovim (Debian 12 ships 0.7,
# whose built-in client is vim.lsp.start_client + buf_attach_client;
# vim.lsp.start came in 0.8) runs headless, attaches the server to a domain
# XML with known findings, receives its diagnostics, and applies a quick fix
# with its own workspace-edit code.
set -u
VL=$(realpath "${1:-./virtlint}")
suite=lsp_nvim
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib.sh"

command -v nvim >/dev/null ||
    skip_rest "nvim not found: Neovim is not installed (apt-get install neovim)"

mkdir -p "$tmp/repo/.git"   # no .virtlintrc lookup beyond this directory
cp examples/win11.xml "$tmp/repo/win11.xml"
cat > "$tmp/test.lua" <<LUA
local out = io.open("$tmp/results", "w")
local function say(line) out:write(line, "\n") out:flush() end
local function by_code(code, text)
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(0)) do
    if d.code == code and d.message:find(text, 1, true) then table.insert(found, d) end
  end
  return found
end

local id = vim.lsp.start_client({
  name = "virtlint",
  cmd = { "$VL", "--lsp", "--cache-dir", "$tmp/cache" },
  root_dir = "$tmp/repo",
})
say("client " .. tostring(id))
vim.lsp.buf_attach_client(0, id)
vim.wait(20000, function() return #by_code("hyperv-dependency", "<synic>") > 0 end, 50)
local synic = by_code("hyperv-dependency", "<synic>")[1]
if synic then
  say(string.format("synic %d %d %d %s", synic.lnum, synic.col, synic.severity, synic.source))
  local client = vim.lsp.get_client_by_id(id)
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(0) },
    range = { start = { line = synic.lnum, character = synic.col },
              ["end"] = { line = synic.end_lnum, character = synic.end_col } },
    context = { diagnostics = { synic.user_data.lsp } },
  }
  local res = client.request_sync("textDocument/codeAction", params, 10000, 0)
  for _, action in ipairs(res and res.result or {}) do
    if action.title:find("Fix hyperv-dependency", 1, true) then
      say("action " .. action.title)
      vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
      break
    end
  end
  vim.wait(20000, function() return #by_code("hyperv-dependency", "<synic>") == 0 end, 50)
  say("after " .. #by_code("hyperv-dependency", "<synic>") .. " " .. #by_code("cpu-socket-limit", ""))
  say("vpindex " .. #vim.fn.filter(vim.api.nvim_buf_get_lines(0, 0, -1, false), 'v:val =~ "<vpindex state=.on./>"'))
end
out:close()
vim.lsp.stop_client(id)
vim.wait(5000, function() return vim.lsp.get_client_by_id(id) == nil end, 50)
vim.cmd("qa!")
LUA

cd "$tmp/repo" && timeout 120 nvim --headless --clean -c "luafile $tmp/test.lua" win11.xml >"$tmp/nvim.out" 2>&1
cd - >/dev/null
res=$tmp/results
[ -f "$res" ] || : >"$res"
expect_grep "^client [0-9]+$" "$res" "Neovim starts the server"
# examples/win11.xml:22:7 is the <synic> finding: 0-based line 21, column 6, an error
expect_grep "^synic 21 6 1 virtlint$" "$res" "Neovim shows the <synic> diagnostic at 22:7 as an error from virtlint"
expect_grep "^action Fix hyperv-dependency: " "$res" "Neovim gets the finding's quick fix"
expect_grep "^after 0 1$" "$res" "applied by Neovim, the fix removes its finding and the others stay"
expect_grep "^vpindex 1$" "$res" "the buffer has the fix's <vpindex>"
[ "$failed" -eq 0 ] || sed 's/^/  | /' "$tmp/nvim.out" | head -20
finish
