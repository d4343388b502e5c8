-- Drives the Corpus Lens server from Neovim (headless), as a user's config would: the server is
-- started on a seed file, and the test checks the document symbols, the published diagnostics
-- and a hover on 四个意识. Written for Neovim 0.7 (Debian 12), where vim.lsp.start does not
-- exist yet and diagnostics are published (pull diagnostics came with 0.10); newer versions
-- take the same path. Environment: CORPUS_LENS_SERVER, CORPUS_LENS_SEED, CORPUS_LENS_ROOT.
local server = assert(os.getenv('CORPUS_LENS_SERVER'), 'CORPUS_LENS_SERVER')
local seed = assert(os.getenv('CORPUS_LENS_SEED'), 'CORPUS_LENS_SEED')
local root = assert(os.getenv('CORPUS_LENS_ROOT'), 'CORPUS_LENS_ROOT')
local TIMEOUT = 30000

local passed, failed = 0, 0
local function out(line)
  io.stdout:write(line .. '\n')
end
local function check(name, ok, detail)
  if ok then
    passed = passed + 1
    out('ok - ' .. name)
  else
    failed = failed + 1
    out('not ok - ' .. name .. (detail and (': ' .. detail) or ''))
  end
end
local function finish()
  out(string.format('neovim: %d passed, %d failed', passed, failed))
  vim.cmd(failed == 0 and passed > 0 and 'qall!' or 'cquit! 1')
end

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(seed))
  local bufnr = vim.api.nvim_get_current_buf()
  check('Neovim gives a .txt file the filetype text', vim.bo[bufnr].filetype == 'text', vim.bo[bufnr].filetype)

  local messages = {}
  local client_id = vim.lsp.start_client({
    name = 'corpus-lens',
    cmd = { 'node', server, '--stdio' },
    root_dir = root,
    handlers = {
      ['window/showMessage'] = function(_, result)
        table.insert(messages, result.message)
      end,
    },
    on_exit = function(code)
      if code ~= 0 then
        out('# the server exited with code ' .. tostring(code))
      end
    end,
  })
  check('the server starts', client_id ~= nil)
  vim.lsp.buf_attach_client(bufnr, client_id)
  local client = vim.lsp.get_client_by_id(client_id)
  check('the server initializes', vim.wait(TIMEOUT, function()
    return client.initialized == true or (client.server_capabilities ~= nil and next(client.server_capabilities) ~= nil)
  end, 50))

  -- Document symbols: the articles of the seed, hierarchically.
  local params = { textDocument = vim.lsp.util.make_text_document_params(bufnr) }
  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/documentSymbol', params, TIMEOUT) or {}
  local symbols = (responses[client_id] or {}).result or {}
  local names = {}
  local function walk(list, depth)
    for _, s in ipairs(list or {}) do
      table.insert(names, string.rep('  ', depth) .. s.name)
      walk(s.children, depth + 1)
    end
  end
  walk(symbols, 0)
  local outline = table.concat(names, ' | ')
  check('document symbols: the article, named by its headline', symbols[1] ~= nil and symbols[1].name:find('全市领导干部会议召开', 1, true) == 1, outline)
  check('document symbols: its speaker 李亚, below it', outline:find('  李亚', 1, true) ~= nil, outline)

  -- Diagnostics, published (Neovim 0.7 does not pull).
  local published = vim.wait(TIMEOUT, function()
    return #vim.diagnostic.get(bufnr) > 0
  end, 50)
  local diagnostics = vim.diagnostic.get(bufnr)
  local codes = {}
  for _, d in ipairs(diagnostics) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    codes[tostring(code)] = true
  end
  local list = {}
  for code in pairs(codes) do
    table.insert(list, code)
  end
  table.sort(list)
  check('diagnostics are published, with rule ids as codes', published and codes['split-paragraph'] == true, table.concat(list, ','))
  local internal = codes['internal-error'] == true
  check('no internal error', not internal)

  -- Hover on 四个意识: the glossary entry, with its components.
  vim.api.nvim_win_set_cursor(0, { 1, 0 })
  local found = vim.fn.search('四个意识', 'W')
  check('the seed has 四个意识', found > 0)
  local position = vim.lsp.util.make_position_params()
  local hovers = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', position, TIMEOUT) or {}
  local hover = (hovers[client_id] or {}).result
  local value = hover and hover.contents and (hover.contents.value or hover.contents) or ''
  if type(value) ~= 'string' then
    value = vim.inspect(value)
  end
  check('hover on 四个意识 explains it', value:find('四个意识', 1, true) ~= nil and value:find('政治意识', 1, true) ~= nil, value:sub(1, 300))

  check('the server showed no error message', #messages == 0, table.concat(messages, ' | '))
  vim.lsp.stop_client(client_id)
  vim.wait(5000, function()
    return vim.lsp.get_client_by_id(client_id) == nil
  end, 50)
end)
if not ok then
  check('the test ran to its end', false, tostring(err))
end
finish()
